package az.asan.mektub.platform.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A page kept for many renders with what it declares and nothing else (issue 23): a controller that
 * puts anything more in its model is refused by name, and the request it renders with carries none of
 * the reader's attributes, parameters or session.
 */
class KeptPageInputsUnitTest {

	@Test
	void aKeptPageSeesItsSharedAttributesAndItsHolesPlaceholdersOnly() {
		PageShell shell = PageShell.of("regions=1", "sentBack").sharing("regionNames");
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("regionNames", java.util.List.of("Şəki"));
		model.put("sentBack", "<li>Aysel's own list</li>");
		model.put("org.springframework.validation.BindingResult.form", "framework's");
		model.put(PageShell.ATTRIBUTE, shell);

		Map<String, Object> seen = PageShells.declared("volunteer/desk", shell, model);

		assertThat(seen).containsEntry("regionNames", java.util.List.of("Şəki"))
			.containsEntry("sentBack", Placeholders.hole(0))
			.doesNotContainKey("org.springframework.validation.BindingResult.form");
		assertThat(seen.values()).doesNotContain("<li>Aysel's own list</li>");
	}

	@Test
	void anUndeclaredModelAttributeIsRefusedByNameNeverKeptForTheNextReader() {
		PageShell shell = PageShell.of("", "cards");
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("cards", "<li>card</li>");
		model.put("donorEmail", "aysel@example.az");

		assertThatIllegalStateException().isThrownBy(() -> PageShells.declared("adoption/list", shell, model))
			.withMessageContaining("adoption/list")
			.withMessageContaining("donorEmail");
	}

	@Test
	void theRequestAKeptPageRendersWithHasNoneOfTheReadersAttributesParametersOrSession() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/volunteer");
		request.setParameter("q", "Aysel");
		request.setQueryString("q=Aysel");
		request.setAttribute("asanRequestId", "the reader's id");
		request.setAttribute("org.springframework.web.servlet.DispatcherServlet.LOCALE_RESOLVER", "framework's");
		request.setAttribute("org.springframework.security.web.context.RequestAttributeSecurityContextRepository.SPRING_SECURITY_CONTEXT",
				"the reader's sign-in");
		request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "the reader's token"));
		request.getSession(true).setAttribute("name", "Aysel");
		Viewer standIn = new Viewer(false);

		PageShells.StandIn seen = new PageShells.StandIn(request, standIn);

		assertThat(seen.getAttribute(Viewer.ATTRIBUTE)).isSameAs(standIn);
		assertThat(seen.getAttribute("asanRequestId")).isNull();
		assertThat(seen.getAttribute("org.springframework.security.web.context.RequestAttributeSecurityContextRepository.SPRING_SECURITY_CONTEXT")).isNull();
		assertThat(seen.getAttribute("org.springframework.web.servlet.DispatcherServlet.LOCALE_RESOLVER")).isEqualTo("framework's");
		assertThat(((CsrfToken) seen.getAttribute("_csrf")).getToken()).isEqualTo(Placeholders.CSRF);
		assertThat(Collections.list(seen.getAttributeNames())).doesNotContain("asanRequestId");
		assertThat(seen.getParameter("q")).isNull();
		assertThat(seen.getParameterMap()).isEmpty();
		assertThat(seen.getQueryString()).isNull();
		assertThat(seen.getSession(false)).isNull();
		assertThat(seen.getUserPrincipal()).isNull();
	}

}
