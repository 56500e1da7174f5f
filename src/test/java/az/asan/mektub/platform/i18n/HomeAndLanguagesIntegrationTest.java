package az.asan.mektub.platform.i18n;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class HomeAndLanguagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theHomePageShowsTheProgramsLiveTotalsInAzerbaijaniByDefault() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("lang=\"az\""),
					containsString("<p class=\"stat-number text-nowrap\" id=\"total-fulfilled\">10 512</p>"),
					containsString("<p class=\"stat-number text-nowrap\" id=\"total-regions\">56</p>"),
					containsString("Bir məktub, bir arzu, bir təbəssüm"))));
	}

	@Test
	void langSwitchesTheLanguageAndACookieRemembersIt() throws Exception {
		MvcResult english = mvc.perform(get("/").param("lang", "en"))
			.andExpect(content().string(containsString("One letter, one wish, one smile")))
			.andReturn();
		Cookie remembered = english.getResponse().getCookie("ASANLANG");
		mvc.perform(get("/").cookie(remembered)).andExpect(content().string(containsString("lang=\"en\"")));
		mvc.perform(get("/").param("lang", "ru"))
			.andExpect(content().string(containsString("Одно письмо, одна мечта, одна улыбка")));
	}

	@Test
	void anUnknownLanguageFallsBackToAzerbaijani() throws Exception {
		mvc.perform(get("/").param("lang", "xx")).andExpect(content().string(containsString("lang=\"az\"")));
	}

	@Test
	void healthIsUpWhileTheDatabaseAnswers() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(content().string(containsString("\"status\":\"UP\"")));
	}

}
