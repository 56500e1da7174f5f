package az.asan.mektub.platform.web;

import java.util.Locale;
import java.util.Map;

import az.asan.mektub.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A part rendered for many ({@link PageShells#renderPart}) is safe by construction (issue 23): a template
 * that reads its reader in any way a template can — a request attribute, a parameter, the session, the
 * principal, the security context, the viewer's name, the CSRF token — gets nothing of the person who
 * happened to ask first; only what its model was given. The reader's own token and name are put in
 * when the part is served to them ({@link PageShells#forReader}).
 */
@IntegrationTest
class KeptPartsSeeOnlyTheirModelIntegrationTest {

	@Autowired
	PageShells shells;

	@Autowired
	WebApplicationContext context;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPartRenderedForManyCarriesNothingOfTheReaderWhoAskedFirst() {
		signIn("aysel@example.az", "Aysel Məmmədova");
		MockHttpServletRequest aysel = readerNamed("Aysel Məmmədova", "aysels-token");
		// as the DispatcherServlet does for every request
		aysel.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);

		String kept = shells.renderPart("test/reads-the-reader", Map.of("given", "declared input"), Locale.forLanguageTag("az"), aysel,
				new MockHttpServletResponse());

		assertThat(kept).contains("declared input")
			.doesNotContain("Aysel")
			.doesNotContain("aysel@example.az")
			.doesNotContain("readers-secret")
			.doesNotContain("readers-query")
			.doesNotContain("readers-session")
			.doesNotContain("signed in")
			.doesNotContain("aysels-token")
			.contains(Placeholders.CSRF)
			.contains(Placeholders.NAME);
		assertThat(SecurityContextHolder.getContext().getAuthentication().getName())
			.as("the reader's sign-in is theirs again after the rendering")
			.isEqualTo("aysel@example.az");

		signIn("nigar@example.az", "Nigar Əliyeva");
		String served = PageShells.forReader(kept, readerNamed("Nigar Əliyeva", "nigars-token"));
		assertThat(served).contains("nigars-token")
			.contains("Nigar Əliyeva")
			.doesNotContain("aysels-token")
			.doesNotContain("Aysel")
			.doesNotContain(Placeholders.CSRF)
			.doesNotContain(Placeholders.NAME);
	}

	/** A signed-in person as the app's own principals are: a sign-in name and a name to show. */
	private record Person(String getName, String fullName) implements Viewer.Named, java.security.Principal {
	}

	private static void signIn(String email, String name) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Person(email, name), null,
					AuthorityUtils.createAuthorityList("ROLE_DONOR")));
	}

	private static MockHttpServletRequest readerNamed(String name, String token) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/volunteer");
		request.setAttribute("readersSecret", "readers-secret of " + name);
		request.setParameter("q", "readers-query of " + name);
		request.setQueryString("q=x");
		request.getSession(true).setAttribute("readersSession", "readers-session of " + name);
		request.setUserPrincipal(() -> name);
		request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
		request.setAttribute(Viewer.ATTRIBUTE, new Viewer(false));
		return request;
	}

}
