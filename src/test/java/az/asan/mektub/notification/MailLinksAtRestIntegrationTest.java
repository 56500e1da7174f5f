package az.asan.mektub.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestMail;
import az.asan.mektub.TestPeople;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Pen test 2, item 5: the newest unused reset link sat in {@code mail_outbox} in plain text (in the
 * mailbox default, and while a mail waits for a retry with SMTP), so a copy of the database set a
 * password. The stored mail now holds a reference only; the link works in the mailbox and in the
 * mail as sent.
 */
@IntegrationTest
@RemovesPeople("%@at-rest.test")
class MailLinksAtRestIntegrationTest extends IntegrationTestBase {

	private static final Pattern LINK = Pattern.compile("https?://\\S+/password/reset\\?token=[A-Za-z0-9_-]+");

	@Autowired
	OutboxSender outbox;

	@Test
	void aStoredResetMailSetsNoPasswordButTheMailboxLinkDoes() throws Exception {
		String email = "mailbox@at-rest.test";
		TestPeople.register(mvc, email);
		askForAReset(email);
		String stored = storedResetMail(email);

		// what a copy of the database gives: the text after token= is no working token
		assertThat(stored).contains("/password/reset?token=").doesNotContainPattern("token=[A-Za-z0-9_-]{40,}");
		String copied = tokenIn(stored);
		assertThat(setPassword(copied, "yeni-parol-77")).isFalse();

		// the owner reads the mailbox, follows the link and sets a password
		String page = mvc.perform(get("/me/mailbox").with(user(users.loadUserByUsername(email))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Element link = Jsoup.parse(page).selectFirst(".mail-body a[href*=/password/reset?token=]");
		assertThat(link).as(page).isNotNull();
		String token = link.attr("href").replaceAll(".*token=", "");
		assertThat(token).hasSizeGreaterThanOrEqualTo(40);
		assertThat(setPassword(token, "yeni-parol-77")).isTrue();
		// and it is gone from the mailbox once used
		assertThat(mvc.perform(get("/me/mailbox").with(user(users.loadUserByUsername(email))))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(token);
	}

	@Test
	void aMailWaitingForItsSmtpSendHoldsNoTokenAndTheMailAsSentDoes() throws Exception {
		String email = "smtp@at-rest.test";
		TestPeople.register(mvc, email);
		askForAReset(email);
		String stored = storedResetMail(email);
		assertThat(stored).doesNotContainPattern("token=[A-Za-z0-9_-]{40,}");
		assertThat(setPassword(tokenIn(stored), "yeni-parol-78")).isFalse();

		jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = ?").param(email).update();
		String sent = null;
		for (int i = 0; i < 80 && sent == null; i++) {
			outbox.sendPending();
			sent = TestMail.bodiesTo(email).stream().filter(body -> body.contains("/password/reset")).findFirst().orElse(null);
			if (sent == null) {
				Thread.sleep(250);
			}
		}
		assertThat(sent).isNotNull();
		Matcher link = LINK.matcher(sent);
		assertThat(link.find()).as(sent).isTrue();
		assertThat(setPassword(link.group().replaceAll(".*token=", ""), "yeni-parol-78")).isTrue();
	}

	private void askForAReset(String email) throws Exception {
		mvc.perform(post("/password/forgot").param("email", email).with(csrf()));
		// kept from the outbox job meanwhile, as a mail waiting for a retry is
		jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() + interval '1 hour' WHERE recipient = ? AND sent_at IS NULL")
			.param(email)
			.update();
	}

	private String storedResetMail(String email) {
		return jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? AND body LIKE '%/password/reset?token=%'")
			.param(email)
			.query(String.class)
			.single();
	}

	private static String tokenIn(String body) {
		Matcher token = Pattern.compile("token=([^\\s]+)").matcher(body);
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private boolean setPassword(String token, String password) throws Exception {
		String location = mvc.perform(post("/password/reset").with(csrf())
			.param("token", token)
			.param("password", password)
			.param("passwordConfirmation", password)).andReturn().getResponse().getRedirectedUrl();
		return "/login?reset".equals(location);
	}

}
