package az.asan.mektub.account;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** A donor who deletes their account leaves nothing of theirs waiting in the outbox. */
@IntegrationTest
@RemovesPeople(value = "%@leaving.test", beforeEachToo = true)
class DeletedDonorMailIntegrationTest extends CampaignTestBase {

	@Test
	void deletingADonorPurgesTheirUnsentMailsAndKeepsEveryoneElses() throws Exception {
		// given: a donor with mails waiting (the confirmation, the adoption), and another person's mail
		String code = testLetters.published(campaign, TestLetters.Spec.of("Nərmin", 8));
		TestPeople.register(mvc, "gone@leaving.test", "Gülnarə Məmmədova");
		TestPeople.register(mvc, "stays@leaving.test", "Rəşad Hüseynov");
		jdbc.sql("UPDATE app_user SET email_confirmed_at = now() WHERE email = 'gone@leaving.test'").update();
		SignedInUser donor = (SignedInUser) users.loadUserByUsername("gone@leaving.test");
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)))
			.andExpect(redirectedUrl("/me/adoptions/" + code));
		// the mail server is down: the outbox sender's next try is an hour away, so the mails wait
		jdbc.sql("""
				UPDATE mail_outbox SET sent_at = NULL, next_attempt_at = now() + interval '1 hour'
				WHERE recipient LIKE '%@leaving.test'""").update();
		assertThat(unsentTo("gone@leaving.test")).isGreaterThanOrEqualTo(2);

		// when: they delete their account
		mvc.perform(post("/me/delete").param("password", "gizli-parol-7").with(csrf()).with(user(donor)))
			.andExpect(redirectedUrl("/?deleted"));

		// then: no unsent mail holds their address or name any more; the other person's mail waits on
		assertThat(unsentTo("gone@leaving.test")).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND body LIKE '%Gülnarə%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(unsentTo("stays@leaving.test")).isEqualTo(1);
	}

	private long unsentTo(String address) {
		return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = lower(?) AND sent_at IS NULL")
			.param(address)
			.query(Long.class)
			.single();
	}

}
