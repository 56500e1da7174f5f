package az.asan.mektub.letter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters;
import az.asan.mektub.account.SignedInUser;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A refused step is a message on the page the form came from, in the reader's language, and a
 * Referer header can only ever lead back into this site.
 */
@IntegrationTest
class LetterRefusalsIntegrationTest extends CampaignTestBase {

	String code;

	@BeforeEach
	void aLetterOnTheTree() {
		code = testLetters.published(campaign, TestLetters.Spec.of("Nərmin", 8));
	}

	@Test
	void aRefusedStepGoesBackToThePageItCameFromWithTheReasonInTheUsersLanguage() throws Exception {
		publishAgain("http://localhost/volunteer/letters/" + code + "?tab=history", "en")
			.andExpect(redirectedUrl("/volunteer/letters/" + code + "?tab=history"))
			.andExpect(flash().attribute("failure", "To publish, confirm that the text holds no personal data."))
			.andExpect(flash().attribute("publishText", "Kitab"));
		publishAgain(null, "ru").andExpect(redirectedUrl("/volunteer/letters/" + code))
			.andExpect(flash().attribute("failure", "Чтобы опубликовать, подтвердите, что в тексте нет личных данных."));
	}

	@Test
	void aRefererOfAnotherSiteNeverLeadsThere() throws Exception {
		for (String referer : new String[] { "https://evil.example/volunteer/letters/" + code,
				"http://evil.example/volunteer", "//evil.example/volunteer", "http://localhost:8080/volunteer",
				"http://localhost@evil.example/volunteer", "http://localhost/\\evil.example", "javascript:alert(1)",
				"/volunteer/letters", "http://localhost//evil.example/x", "not a url at all" }) {
			publishAgain(referer, "az").andExpect(redirectedUrl("/volunteer/letters/" + code))
				.andExpect(flash().attribute("failure", "Dərc etmək üçün mətndə şəxsi məlumat olmadığını təsdiq edin."));
		}
	}

	@Test
	void onlyAPathOfThisHostIsBack() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/volunteer/letters/X/publish");
		request.setContextPath("/app");
		request.setServerName("mektub.asan.az");
		request.setServerPort(443);
		request.setScheme("https");
		request.addHeader("Referer", "https://mektub.asan.az/app/volunteer/letters/X?page=2");
		assertThat(LetterRefusals.back(request)).contains("/volunteer/letters/X?page=2");

		for (String referer : new String[] { "https://mektub.asan.az/other/volunteer", "https://mektub.asan.az:8443/app/x",
				"https://mektub.asan.az.evil.example/app/x", "https://mektub.asan.az/app/../x", "ftp://mektub.asan.az/app/x" }) {
			MockHttpServletRequest other = new MockHttpServletRequest("POST", "/app/x");
			other.setContextPath("/app");
			other.setServerName("mektub.asan.az");
			other.setServerPort(443);
			other.addHeader("Referer", referer);
			assertThat(LetterRefusals.back(other)).as(referer).isEmpty();
		}
	}

	private ResultActions publishAgain(String referer, String language) throws Exception {
		SignedInUser volunteer = (SignedInUser) users.loadUserByUsername("volunteer@demo.az");
		var request = post("/volunteer/letters/" + code + "/publish").param("publicWish", "Kitab")
			.param("lang", language)
			.with(csrf())
			.with(user(volunteer));
		if (referer != null) {
			request.header("Referer", referer);
		}
		return mvc.perform(request);
	}

}
