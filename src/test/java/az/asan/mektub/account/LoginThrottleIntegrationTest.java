package az.asan.mektub.account;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestPeople;

import org.springframework.beans.factory.annotation.Autowired;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

@IntegrationTest
class LoginThrottleIntegrationTest extends IntegrationTestBase {

	@Autowired
	az.asan.mektub.notification.OutboxSender outbox;

	@BeforeEach
	void anAccount() {
		jdbc.sql("DELETE FROM login_attempt").update();
		accounts.create("guess@throttle.test", "dogru-parol-1", "Hədəf", Role.DONOR, Set.of());
	}

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM login_attempt").update();
		TestPeople.remove(jdbc, "%@throttle.test");
	}

	@Test
	void repeatedFailuresSlowDownThenLockTheAccountWithAClearMessage() throws Exception {
		for (int i = 0; i < 3; i++) {
			mvc.perform(formLogin("/login").userParameter("email").user("guess@throttle.test").password("yanlis-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		// the fourth attempt comes too soon: refused without even checking the password
		mvc.perform(formLogin("/login").userParameter("email").user("guess@throttle.test").password("dogru-parol-1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrlPattern("/login?wait=*"));
		mvc.perform(get("/login").param("wait", "2")).andExpect(content().string(containsString("2 saniyə gözləyin")));

		// after the pause, more failures up to the limit lock the account for a while
		for (int i = 3; i < 10; i++) {
			jdbc.sql("UPDATE login_attempt SET last_failure = now() - interval '2 minutes' WHERE key LIKE 'account:%'").update();
			mvc.perform(formLogin("/login").userParameter("email").user("guess@throttle.test").password("yanlis-" + i));
		}
		jdbc.sql("UPDATE login_attempt SET last_failure = now() - interval '2 minutes' WHERE key LIKE 'account:%'").update();
		mvc.perform(formLogin("/login").userParameter("email").user("GUESS@throttle.test").password("dogru-parol-1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrlPattern("/login?locked=*"));
		mvc.perform(get("/login").param("locked", "900")).andExpect(content().string(containsString("15 dəqiqəlik bağlanıb")));

		// once the lock has passed, the right password works and clears the count
		jdbc.sql("UPDATE login_attempt SET locked_until = now() - interval '1 second', last_failure = now() - interval '1 hour'")
			.update();
		mvc.perform(formLogin("/login").userParameter("email").user("guess@throttle.test").password("dogru-parol-1"))
			.andExpect(authenticated());
	}

	@Test
	void aSuccessClearsTheCountOfEarlierFailures() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user("guess@throttle.test").password("yanlis"));
		mvc.perform(formLogin("/login").userParameter("email").user("guess@throttle.test").password("dogru-parol-1"))
			.andExpect(authenticated());
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT count(*) FROM login_attempt WHERE key LIKE 'account:guess@throttle.test%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aGuesserElsewhereNeverKeepsTheOwnerOutAndAForgedForwardedForIsNotBelieved() throws Exception {
		for (int i = 0; i < 10; i++) {
			jdbc.sql("UPDATE login_attempt SET last_failure = now() - interval '2 minutes' WHERE key LIKE 'account:%'").update();
			mvc.perform(signIn("guess@throttle.test", "yanlis-" + i, "203.0.113.9").header("X-Forwarded-For", "198.51.100." + i));
		}
		// the guesser's address is locked out for this account...
		jdbc.sql("UPDATE login_attempt SET last_failure = now() - interval '2 minutes' WHERE key LIKE 'account:%'").update();
		mvc.perform(signIn("guess@throttle.test", "dogru-parol-1", "203.0.113.9"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrlPattern("/login?locked=*"));
		// ...while the owner, elsewhere, signs in with the right password at once
		mvc.perform(signIn("guess@throttle.test", "dogru-parol-1", "192.0.2.7")).andExpect(authenticated());

		// the forged header changed nothing: every failure counted for the address the request came from
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT key FROM login_attempt").query(String.class).list())
			.isNotEmpty()
			.allSatisfy(key -> org.assertj.core.api.Assertions.assertThat(key).contains("203.0.113.9").doesNotContain("198.51.100"));
	}

	@Test
	void aPasswordResetByMailLetsTheOwnerInEvenFromTheGuessersAddress() throws Exception {
		jdbc.sql("""
				INSERT INTO login_attempt (key, failures, last_failure, locked_until)
				VALUES ('account:guess@throttle.test|127.0.0.1', 10, now(), now() + interval '15 minutes')""").update();
		mvc.perform(signIn("guess@throttle.test", "dogru-parol-1", "127.0.0.1"))
			.andExpect(redirectedUrlPattern("/login?locked=*"));

		askForAReset();
		String mail = az.asan.mektub.TestMail.awaitBodiesTo("guess@throttle.test", outbox::sendPending).get(0);
		String token = mail.replaceAll("(?s).*/password/reset\\?token=([A-Za-z0-9_-]+).*", "$1");
		setNewPassword(token);

		mvc.perform(signIn("guess@throttle.test", "teze-parol-2026", "127.0.0.1")).andExpect(authenticated());
	}

	@Test
	void aLockedAddressPacesTheGuesserButLetsAnOwnerWithTheRightPasswordIn() throws Exception {
		accounts.create("staff@throttle.test", "isci-parol-2026", "İşçi", Role.STAFF, Set.of());
		// a guesser behind the same address sprayed passwords over many (even nonexistent) accounts
		for (int i = 0; i < 60; i++) {
			jdbc.sql("UPDATE login_attempt SET last_failure = now() - interval '2 minutes'").update();
			mvc.perform(signIn("nobody" + i + "@throttle.test", "yanlis-" + i, "198.51.100.20"));
		}
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
				SELECT locked_until > now() FROM login_attempt WHERE key = 'address:198.51.100.20'""")
			.query(Boolean.class)
			.single()).isTrue();
		// an account the address failed on stays locked from there
		jdbc.sql("UPDATE login_attempt SET last_failure = now() - interval '2 minutes'").update();
		mvc.perform(signIn("nobody3@throttle.test", "yanlis-x", "198.51.100.20"))
			.andExpect(redirectedUrlPattern("/login?locked=*"));
		// the staff member behind the same address, with the right password, signs in
		mvc.perform(signIn("staff@throttle.test", "isci-parol-2026", "198.51.100.20")).andExpect(authenticated());
		// a wrong guess on a fresh account is checked, then the next one must wait: one try per pace
		mvc.perform(signIn("guess@throttle.test", "yanlis-y", "198.51.100.20")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(signIn("other@throttle.test", "yanlis-z", "198.51.100.20"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrlPattern("/login?wait=*"));
		// ...and the account it just failed on is locked from there
		jdbc.sql("UPDATE login_attempt SET last_failure = now() - interval '2 minutes'").update();
		mvc.perform(signIn("guess@throttle.test", "dogru-parol-1", "198.51.100.20"))
			.andExpect(redirectedUrlPattern("/login?locked=*"));

		// a reset by mail lets that owner in from the locked address at once
		int mailsBefore = az.asan.mektub.TestMail.bodiesTo("guess@throttle.test").size();
		askForAReset();
		java.util.List<String> mails = az.asan.mektub.TestMail.bodiesTo("guess@throttle.test");
		for (int i = 0; i < 80 && mails.size() == mailsBefore; i++) {
			outbox.sendPending();
			Thread.sleep(250);
			mails = az.asan.mektub.TestMail.bodiesTo("guess@throttle.test");
		}
		String mail = mails.get(mails.size() - 1);
		String token = mail.replaceAll("(?s).*/password/reset\\?token=([A-Za-z0-9_-]+).*", "$1");
		setNewPassword(token);
		jdbc.sql("UPDATE login_attempt SET last_failure = now() WHERE key = 'address:198.51.100.20'").update();
		mvc.perform(signIn("guess@throttle.test", "teze-parol-2026", "198.51.100.20")).andExpect(authenticated());
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String email,
			String password, String from) {
		return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
			.param("email", email)
			.param("password", password)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(request -> {
				request.setRemoteAddr(from);
				return request;
			});
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user("guess@throttle.test").password("dogru-parol-1"))
			.andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getHeaders("Set-Cookie"))
				.anySatisfy(cookie -> org.assertj.core.api.Assertions.assertThat(cookie)
					.startsWith("ASANSESSION=")
					.contains("HttpOnly")
					.contains("SameSite=Lax")));
	}

	@Test
	void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
			.secure(true)
			.param("email", "guess@throttle.test")
			.param("password", "dogru-parol-1")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getHeaders("Set-Cookie"))
				.anySatisfy(cookie -> org.assertj.core.api.Assertions.assertThat(cookie).startsWith("ASANSESSION=").contains("Secure")));
		mvc.perform(get("/").secure(true))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Strict-Transport-Security", startsWith("max-age=")));
	}

	/** guess@throttle.test asks for a reset mail (the forgotten-password form). */
	private void askForAReset() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/password/forgot")
			.param("email", "guess@throttle.test")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
	}

	/** Sets the new password teze-parol-2026 with the token of a reset mail. */
	private void setNewPassword(String token) throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/password/reset")
			.param("token", token)
			.param("password", "teze-parol-2026")
			.param("passwordConfirmation", "teze-parol-2026")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(redirectedUrl("/login?reset"));
	}

}
