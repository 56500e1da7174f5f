package az.asan.mektub.account;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.RemovesPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Penetration-test finding: the forms that mail an address (resending the confirmation, registering an
 * address that has an account) could fill anyone's mailbox. They now send a few mails an hour per
 * address, as the reset form does, and answer the same either way.
 */
@IntegrationTest
@RemovesPeople(value = "%@forms.test", beforeEachToo = true)
class MailFloodIntegrationTest extends IntegrationTestBase {

	private static final String EMAIL = "flood@forms.test";

	@Test
	void resendingTheConfirmationTwentyTimesSendsAFewMailsAndAnswersTheSame() throws Exception {
		register(EMAIL).andExpect(redirectedUrl("/login?registered"));
		var person = users.loadUserByUsername(EMAIL);
		for (int i = 0; i < 20; i++) {
			mvc.perform(post("/me/confirmation").with(user(person)).with(csrf()))
				.andExpect(redirectedUrl("/me"))
				.andExpect(flash().attributeExists("success"));
		}
		// the mail sent on registering and two more
		assertThat(mails(EMAIL, "%/account/confirm?token=%")).isEqualTo(3);
	}

	@Test
	void registeringAnAddressThatHasAnAccountSixteenTimesMailsItsOwnerAFewTimes() throws Exception {
		register(EMAIL).andExpect(redirectedUrl("/login?registered"));
		for (int i = 0; i < 8; i++) {
			register(EMAIL).andExpect(redirectedUrl("/login?registered"));
			mvc.perform(post("/register/organisation").with(csrf())
				.param("organisationName", "Daşqın MMC")
				.param("voen", "1402345671")
				.param("contactName", "Kimsə")
				.param("email", EMAIL)
				.param("password", "gizli-parol-7")
				.param("passwordConfirmation", "gizli-parol-7")).andExpect(redirectedUrl("/login?registered"));
		}
		assertThat(mails(EMAIL, "%/password/forgot%")).isEqualTo(3);
	}

	private long mails(String recipient, String bodyPattern) {
		return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND body LIKE ?")
			.params(recipient, bodyPattern)
			.query(Long.class)
			.single();
	}

	private org.springframework.test.web.servlet.ResultActions register(String email) throws Exception {
		return mvc.perform(post("/register").with(csrf())
			.param("fullName", "Daşqın Yoxlayan")
			.param("email", email)
			.param("phone", "")
			.param("password", "gizli-parol-7")
			.param("passwordConfirmation", "gizli-parol-7"));
	}

}
