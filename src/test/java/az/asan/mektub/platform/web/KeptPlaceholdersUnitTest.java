package az.asan.mektub.platform.web;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept part is cut at its reader's placeholders once, when it is kept, and put together for each reader:
 * the same text as replacing each placeholder, in any order and number, escaped, and nothing left of them.
 */
class KeptPlaceholdersUnitTest {

	@AfterEach
	void forgetTheReader() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void everyPlaceholderGetsThisReadersTokenAndNameEscapedAndNothingElseChanges() {
		MockHttpServletRequest request = reader("Ləman <Əliyeva>", "tok&en");
		String csrf = Placeholders.CSRF;
		String name = Placeholders.NAME;
		for (String kept : List.of("", "plain text, no placeholder", csrf, name, csrf + name, name + csrf,
				"<a>" + name + "</a><input value=\"" + csrf + "\"><b>" + name + "</b>" + csrf + "-tail",
				"x" + csrf + csrf + "y" + name + name + "z", Placeholders.part("menu") + name)) {
			String expected = kept.replace(csrf, "tok&amp;en").replace(name, "Ləman &lt;Əliyeva&gt;");
			assertThat(PageShells.Kept.of(kept).forReader(request)).as(kept).isEqualTo(expected)
				.doesNotContain("asan-csrf-token-of-the-reader-").doesNotContain("asan-name-of-the-reader-");
			assertThat(PageShells.forReader(kept, request)).isEqualTo(expected);
		}
	}

	@Test
	void aPartWithNoPlaceholderIsServedAsItIsKept() {
		String html = "<p>Ağac</p>";
		assertThat(PageShells.Kept.of(html).forReader(reader("A", "t"))).isSameAs(html);
	}

	@Test
	void aReaderWithNoTokenOrNameGetsNothingInTheirPlace() {
		MockHttpServletRequest anonymous = new MockHttpServletRequest();
		assertThat(PageShells.Kept.of("a" + Placeholders.CSRF + "b" + Placeholders.NAME + "c").forReader(anonymous))
			.isEqualTo("abc");
	}

	private static MockHttpServletRequest reader(String name, String token) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, "",
				List.of(new SimpleGrantedAuthority("ROLE_DONOR"))));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
		request.setAttribute(Viewer.ATTRIBUTE, new Viewer());
		return request;
	}

}
