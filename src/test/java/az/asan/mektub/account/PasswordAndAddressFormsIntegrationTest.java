package az.asan.mektub.account;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestMail;
import az.asan.mektub.notification.OutboxSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Findings of a penetration test on the account forms: long passphrases (over bcrypt's 72 bytes)
 * work on every form, addresses that only look like another's are not second accounts, and the
 * reset form cannot flood a mailbox nor leave dead links readable.
 */
@IntegrationTest
class PasswordAndAddressFormsIntegrationTest extends IntegrationTestBase {

	/** 73 bytes of ASCII: one more than bcrypt reads. */
	private static final String LONG_ASCII = "correct horse battery staple and a rather long tail of words 1234567890xy";

	/** 64 characters of Azerbaijani, about 80 bytes in UTF-8. */
	private static final String LONG_AZ = "günəşli bağçada dörd alma ağacı və iki çinar böyüyür hər yaz ömrü";

	@Autowired
	OutboxSender outbox;

	@BeforeEach
	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM login_attempt").update();
		jdbc.sql("DELETE FROM mail_outbox WHERE recipient LIKE '%@forms.test' OR recipient = 'admin@demo.az'").update();
		jdbc.sql("DELETE FROM app_user WHERE email LIKE '%@forms.test'").update();
	}

	@Test
	void passphrasesLongerThanBcryptReadsWorkOnEveryForm() throws Exception {
		assertThat(LONG_ASCII.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(73);
		assertThat(LONG_AZ.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);

		register("long@forms.test", LONG_ASCII).andExpect(redirectedUrl("/login?registered"));
		assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE email = 'long@forms.test'").query(String.class).single())
			.startsWith("{bcrypt-sha256}");
		signIn("long@forms.test", LONG_ASCII).andExpect(authenticated());
		// every byte counts: the same passphrase with another last character is not it
		signIn("long@forms.test", LONG_ASCII.substring(0, 72) + "q").andExpect(redirectedUrl("/login?error"));

		// change on /me/password, from one long passphrase to another
		SignedInUser donor = (SignedInUser) users.loadUserByUsername("long@forms.test");
		mvc.perform(post("/me/password").param("currentPassword", LONG_ASCII)
			.param("password", LONG_AZ)
			.param("passwordConfirmation", LONG_AZ)
			.with(csrf())
			.with(user(donor))).andExpect(redirectedUrl("/me"));
		signIn("long@forms.test", LONG_AZ).andExpect(authenticated());

		// reset by mail to a long passphrase
		mvc.perform(post("/password/forgot").param("email", "long@forms.test").with(csrf())).andExpect(status().isOk());
		List<String> resets = List.of();
		for (int i = 0; i < 80 && resets.isEmpty(); i++) {
			outbox.sendPending();
			resets = TestMail.bodiesTo("long@forms.test").stream().filter(b -> b.contains("/password/reset?token=")).toList();
			Thread.sleep(resets.isEmpty() ? 250 : 0);
		}
		String token = resets.get(resets.size() - 1)
			.replaceAll("(?s).*/password/reset\\?token=([A-Za-z0-9_-]+).*", "$1");
		mvc.perform(post("/password/reset").param("token", token)
			.param("password", LONG_ASCII + " ə")
			.param("passwordConfirmation", LONG_ASCII + " ə")
			.with(csrf())).andExpect(redirectedUrl("/login?reset"));
		signIn("long@forms.test", LONG_ASCII + " ə").andExpect(authenticated());

		// a password over the maximum is told so, in each language
		String tooLong = "uzun söz ".repeat(23);
		assertThat(tooLong.length()).isGreaterThan(200);
		register("toolong@forms.test", tooLong).andExpect(status().isOk())
			.andExpect(content().string(containsString("ən çox 200 simvol")))
			.andExpect(content().string(not(containsString("ən azı 8 simvol olmalıdır"))));
		mvc.perform(post("/register").with(csrf()).param("lang", "en").param("fullName", "Long Tail")
			.param("email", "toolong@forms.test").param("phone", "").param("password", tooLong)
			.param("passwordConfirmation", tooLong)).andExpect(content().string(containsString("needs 8 to 200 characters")));
		mvc.perform(post("/register").with(csrf()).param("lang", "ru").param("fullName", "Long Tail")
			.param("email", "toolong@forms.test").param("phone", "").param("password", tooLong)
			.param("passwordConfirmation", tooLong)).andExpect(content().string(containsString("не менее 8 символов. Самое большее — 200 символов.")));
		assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = 'toolong@forms.test'").query(Long.class).single())
			.isZero();
	}

	@Test
	void addressesThatOnlyLookLikeAnotherAreNotSecondAccounts() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
		// fullwidth letters are the address they look like: it has an account, whose owner is told
		register("ａｄｍｉｎ@demo.az", "gizli-parol-7").andExpect(redirectedUrl("/login?registered"));
		// an invisible character or a Cyrillic letter is refused with a message, in each language
		register("admin@demo.az\u200b", "gizli-parol-7").andExpect(status().isOk())
			.andExpect(content().string(containsString("adi latın hərfləri")));
		register("admin@dem\u043e.az", "gizli-parol-7").andExpect(status().isOk())
			.andExpect(content().string(containsString("adi latın hərfləri")));
		mvc.perform(post("/register").with(csrf()).param("lang", "en").param("fullName", "Ad Min")
			.param("email", "admin@dem\u043e.az").param("phone", "").param("password", "gizli-parol-7")
			.param("passwordConfirmation", "gizli-parol-7")).andExpect(content().string(containsString("plain Latin letters")));
		mvc.perform(post("/register").with(csrf()).param("lang", "ru").param("fullName", "Ad Min")
			.param("email", "admin@dem\u043e.az").param("phone", "").param("password", "gizli-parol-7")
			.param("passwordConfirmation", "gizli-parol-7")).andExpect(content().string(containsString("латинскими буквами")));
		assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aNameWithInvisibleOrControlCharactersIsRefusedBesideTheFieldInEachLanguage() throws Exception {
		for (String name : List.of("Aysel \u202Eavodəmməm", "Ay\u200Bsel", "Aysel\u001B[2J", "Aysel\nMəmmədova")) {
			registerNamed(name, "az").andExpect(status().isOk())
				.andExpect(content().string(containsString("Adda görünməyən və ya idarəedici simvol var")));
		}
		registerNamed("Ay\uFEFFsel", "en").andExpect(status().isOk())
			.andExpect(content().string(containsString("The name holds an invisible or control character")));
		registerNamed("Ay\u2060sel", "ru").andExpect(status().isOk())
			.andExpect(content().string(containsString("В имени есть невидимый или управляющий символ")));
		assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = 'name@forms.test'").query(Long.class).single())
			.isZero();
		// names in any alphabet, with apostrophes and hyphens, are names
		registerNamed("O'Brien Анна-Мария Məmmədova", "az").andExpect(redirectedUrl("/login?registered"));
		assertThat(jdbc.sql("SELECT full_name FROM app_user WHERE email = 'name@forms.test'").query(String.class).single())
			.isEqualTo("O'Brien Анна-Мария Məmmədova");
	}

	private ResultActions registerNamed(String fullName, String lang) throws Exception {
		return mvc.perform(post("/register").with(csrf()).param("lang", lang).param("fullName", fullName)
			.param("email", "name@forms.test").param("phone", "").param("password", "gizli-parol-7")
			.param("passwordConfirmation", "gizli-parol-7"));
	}

	@Test
	void theResetFormSendsAFewMailsAnHourAndDeadLinksLeaveTheStoredMails() throws Exception {
		register("reset@forms.test", "gizli-parol-7").andExpect(redirectedUrl("/login?registered"));
		for (int i = 0; i < 6; i++) {
			mvc.perform(post("/password/forgot").param("email", "reset@forms.test").with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("keçid göndərildi")));
		}
		// three mails, then the same answer and no more
		assertThat(jdbc.sql("""
				SELECT count(*) FROM account_token t JOIN app_user u ON u.id = t.user_id
				WHERE u.email = 'reset@forms.test' AND t.purpose = 'RESET_PASSWORD'""").query(Long.class).single())
			.isEqualTo(3);
		List<String> stored = jdbc.sql("""
				SELECT body FROM mail_outbox WHERE recipient = 'reset@forms.test' AND body LIKE '%/password/reset?token=%'
				ORDER BY id""").query(String.class).list();
		assertThat(stored).hasSize(3);
		// only the newest link works, so no other link's text is left (the outbox job may have sent the newest too)
		assertThat(stored.subList(0, 2)).allSatisfy(body -> assertThat(body).contains("/password/reset?token=-\n")
			.doesNotContainPattern("token=[A-Za-z0-9_]{20,}"));
	}

	@Autowired
	az.asan.mektub.notification.Mailer mailer;

	@Test
	void usingOneResetLinkRemovesEveryResetLinksTextFromThatPersonsStoredMails() {
		jdbc.sql("""
				INSERT INTO mail_outbox (recipient, subject, body) VALUES
				('mails@forms.test', 'a', 'Open http://localhost/password/reset?token=AAAAAAAAAAAAAAAAAAAAAAAAAA_- (2 h)'),
				('mails@forms.test', 'b', 'Open http://localhost/password/reset?token=BBBBBBBBBBBBBBBBBBBBBBBBBB-_ now'),
				('other@forms.test', 'c', 'Open http://localhost/password/reset?token=CCCCCCCCCCCCCCCCCCCCCCCCCC')""")
			.update();
		tx.executeWithoutResult(status -> mailer.forgetLinks("MAILS@forms.test", AccountManagement.RESET_LINK));
		assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'mails@forms.test' ORDER BY subject")
			.query(String.class)
			.list()).containsExactly("Open http://localhost/password/reset?token=- (2 h)",
					"Open http://localhost/password/reset?token=- now");
		assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'other@forms.test'").query(String.class).single())
			.contains("CCCCCCCCCC");
	}

	private ResultActions register(String email, String password) throws Exception {
		return mvc.perform(post("/register").with(csrf())
			.param("fullName", "Uzun Parol")
			.param("email", email)
			.param("phone", "")
			.param("password", password)
			.param("passwordConfirmation", password));
	}

	private ResultActions signIn(String email, String password) throws Exception {
		jdbc.sql("DELETE FROM login_attempt").update();
		return mvc.perform(formLogin("/login").userParameter("email").user(email).password(password));
	}

}
