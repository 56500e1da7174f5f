package az.asan.mektub.adoption;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.SqlCounter;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What one press of "adopt" costs the database, the signed-in session included (issue 26.1): a few
 * statements, one transaction for the adoption, and no lock on the donor's account row. The flash
 * message the redirect carries is still written to the session in a transaction of the session's own.
 */
@IntegrationTest
class AdoptionPressCostIntegrationTest extends IntegrationTestBase {

	private static final String PASSWORD = "parol-12345";

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM spring_session WHERE principal_name LIKE '%@press.test'").update();
		TestPeople.remove(jdbc, "%@press.test");
	}

	@Test
	void onePressIsAFewStatementsAndOneCommitWithoutLockingTheAccount() throws Exception {
		// given: a signed-in donor who has read the letter's page
		long campaign = TestCampaigns.open(jdbc);
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String code = testLetters.published(campaign, TestLetters.Spec.of("Sayılan", 8));
		String warmUp = testLetters.published(campaign, TestLetters.Spec.of("Birinci", 8));
		accounts.create("counted@press.test", PASSWORD, "Sayılan Donor", Role.DONOR, Set.of());
		Cookie session = mvc.perform(formLogin("/login").userParameter("email").user("counted@press.test").password(PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("ASANSESSION");
		mvc.perform(get("/letters/" + code).cookie(session)).andExpect(status().isOk());
		// a first press: what a node reads once (settings, reference data) is then in memory
		mvc.perform(post("/letters/" + warmUp + "/adopt").cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/me/adoptions/" + warmUp));

		// when
		SqlCounter.reset();
		mvc.perform(post("/letters/" + code + "/adopt").cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/me/adoptions/" + code));

		// then
		System.out.println("one adoption press: " + SqlCounter.count() + " statements, " + SqlCounter.commits()
				+ " commits:\n  " + String.join("\n  ", SqlCounter.statements()));
		List<String> all = SqlCounter.statements();
		assertThat(all).noneMatch(sql -> sql.matches("(?is).*\\bapp_user\\b.*for\\s+update.*"));
		// only what the adoption sets is written: no full-row update of the letter
		assertThat(all).filteredOn(sql -> sql.matches("(?is).*update\\s+letter\\b.*")).singleElement()
			.satisfies(sql -> assertThat(sql).doesNotContain("original_wish").doesNotContain("public_wish"));
		// the adoption: five statements in one transaction (before issue 26.1: nine, with the account's row locked)
		List<String> ofTheAdoption = all.stream().filter(sql -> !ofTheSession(sql)).toList();
		assertThat(ofTheAdoption).hasSizeLessThanOrEqualTo(5);
		// the session: its read, and the flash message written in a transaction of its own
		assertThat(all).filteredOn(AdoptionPressCostIntegrationTest::ofTheSession).hasSizeLessThanOrEqualTo(3);
		assertThat(SqlCounter.commits()).isLessThanOrEqualTo(2);
	}

	private static boolean ofTheSession(String sql) {
		String lower = sql.toLowerCase(java.util.Locale.ROOT);
		return lower.contains("spring_session") || lower.contains("synchronous_commit");
	}

}
