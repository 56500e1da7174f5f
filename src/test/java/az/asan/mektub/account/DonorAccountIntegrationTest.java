package az.asan.mektub.account;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestMail;
import az.asan.mektub.TestPeople;
import az.asan.mektub.notification.OutboxSender;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DonorAccountIntegrationTest extends IntegrationTestBase {

	private static final Pattern LINK = Pattern.compile("http://\\S+");

	@Autowired
	OutboxSender outbox;

	@BeforeEach
	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		TestPeople.remove(jdbc, "%@account.test");
	}

	@Test
	void aNewDonorConfirmsTheAddressFromTheMailBeforeAdopting() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, TestLetters.Spec.of("Aysu", 6));
		TestPeople.register(mvc, "nigar@account.test");
		SignedInUser donor = (SignedInUser) users.loadUserByUsername("nigar@account.test");

		// until confirmed, adopting is refused and says why
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)))
			.andExpect(redirectedUrl("/me"));
		mvc.perform(get("/me").with(user(donor))).andExpect(content().string(containsString("id=\"confirm-email\"")));

		// the mail arrives at the SMTP server
		List<String> mail = TestMail.awaitBodiesTo("nigar@account.test", outbox::sendPending);
		assertThat(mail).hasSize(1);
		String link = link(mail.get(0));
		assertThat(link).contains("/account/confirm?token=");

		mvc.perform(get(path(link))).andExpect(status().isOk()).andExpect(content().string(containsString("təsdiqləndi")));
		mvc.perform(get(path(link))).andExpect(content().string(containsString("Keçid işləmir")));

		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)))
			.andExpect(redirectedUrl("/me/adoptions/" + code));
	}

	@Test
	void aForgottenPasswordIsResetThroughAOneTimeLink() throws Exception {
		TestPeople.register(mvc, "reset@account.test");
		mvc.perform(post("/password/forgot").param("email", "RESET@account.test").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("keçid göndərildi")));
		// an unknown address gets the very same answer
		mvc.perform(post("/password/forgot").param("email", "nobody@account.test").with(csrf()))
			.andExpect(content().string(containsString("keçid göndərildi")));

		String mailed = TestMail.awaitMail(outbox::sendPending, "reset@account.test", "/password/reset");
		String token = link(mailed).replaceAll(".*token=", "");
		// the stored copy of the sent mail holds no working link: a copy of the database is no key
		assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'reset@account.test' AND body LIKE '%/password/reset%'")
			.query(String.class)
			.single()).contains("/password/reset?token=").doesNotContain(token);
		assertThat(jdbc.sql("SELECT count(*) FROM account_token WHERE token_hash = ?").param(token).query(Long.class).single())
			.isZero();
		// a password from the public list of the most common ones is refused here too
		mvc.perform(post("/password/reset").param("token", token)
			.param("password", "password1")
			.param("passwordConfirmation", "password1")
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("ən çox istifadə olunan")));

		mvc.perform(post("/password/reset").param("token", token)
			.param("password", "qısa")
			.param("passwordConfirmation", "qısa")
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("ən azı 8")));
		mvc.perform(post("/password/reset").param("token", token)
			.param("password", "yeni-parol-42")
			.param("passwordConfirmation", "yeni-parol-42")
			.with(csrf())).andExpect(redirectedUrl("/login?reset"));
		mvc.perform(formLogin("/login").userParameter("email").user("reset@account.test").password("yeni-parol-42"))
			.andExpect(authenticated());
		// the link worked once
		mvc.perform(get("/password/reset").param("token", token)).andExpect(content().string(containsString("etibarsızdır")));
	}

	@Test
	void aDonorChangesTheProfileAndThePasswordAndAWrongCurrentPasswordChangesNothing() throws Exception {
		TestPeople.register(mvc, "profile@account.test");
		SignedInUser donor = (SignedInUser) users.loadUserByUsername("profile@account.test");

		mvc.perform(post("/me").param("fullName", "Səbinə Quliyeva")
			.param("phone", "+994 55 222 33 44")
			.param("language", "en")
			.with(csrf())
			.with(user(donor))).andExpect(redirectedUrl("/me"));
		assertThat(jdbc.sql("SELECT phone || '|' || language FROM app_user WHERE email = 'profile@account.test'")
			.query(String.class)
			.single()).isEqualTo("+994 55 222 33 44|en");
		mvc.perform(post("/me").param("fullName", "").param("phone", "abc").param("language", "az")
			.with(csrf())
			.with(user(donor))).andExpect(status().isOk()).andExpect(content().string(containsString("Telefon nömrəsi düzgün deyil")));

		mvc.perform(post("/me/password").param("currentPassword", "səhv-parol-1")
			.param("password", "yeni-parol-77")
			.param("passwordConfirmation", "yeni-parol-77")
			.with(csrf())
			.with(user(donor))).andExpect(status().isOk()).andExpect(content().string(containsString("Hazırkı şifrə yanlışdır")));
		mvc.perform(post("/me/password").param("currentPassword", "gizli-parol-7")
			.param("password", "yeni-parol-77")
			.param("passwordConfirmation", "yeni-parol-77")
			.with(csrf())
			.with(user(donor))).andExpect(redirectedUrl("/me"));
		mvc.perform(formLogin("/login").userParameter("email").user("profile@account.test").password("yeni-parol-77"))
			.andExpect(authenticated());
	}

	@Test
	void deletingTheAccountForgetsTheDonorGivesTheHoldsBackAndKeepsTheHistory() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, TestLetters.Spec.of("Ülviyyə", 9));
		TestPeople.register(mvc, "leaving@account.test");
		jdbc.sql("UPDATE app_user SET email_confirmed_at = now() WHERE email = 'leaving@account.test'").update();
		SignedInUser donor = (SignedInUser) users.loadUserByUsername("leaving@account.test");
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)));

		mvc.perform(post("/me/delete").param("password", "wrong-one-1").with(csrf()).with(user(donor)))
			.andExpect(flash().attributeExists("failure"));
		mvc.perform(post("/me/delete").param("password", "gizli-parol-7").with(csrf()).with(user(donor)))
			.andExpect(redirectedUrl("/?deleted"));

		assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = 'leaving@account.test'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT full_name || '|' || (phone IS NULL) || '|' || (password_hash IS NULL) FROM app_user WHERE id = ?")
			.param(donor.id())
			.query(String.class)
			.single()).isEqualTo("—|true|true");
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("PUBLISHED");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				WHERE l.code = ? AND h.changed_by = ?""").params(code, donor.id()).query(Long.class).single()).isEqualTo(2);
		mvc.perform(formLogin("/login").userParameter("email").user("leaving@account.test").password("gizli-parol-7"))
			.andExpect(unauthenticated());
	}

	@Test
	void aLinkMadeWhileAnsweringAForgedHostStillPointsToThePublicAddress() throws Exception {
		TestPeople.register(mvc, "host@account.test");
		mvc.perform(post("/password/forgot").param("email", "host@account.test")
			.header("Host", "evil.example")
			.header("X-Forwarded-Host", "evil.example")
			.header("Forwarded", "host=evil.example;proto=https")
			.with(csrf())).andExpect(status().isOk());
		String mailed = TestMail.awaitMail(outbox::sendPending, "host@account.test", "/password/reset");
		assertThat(link(mailed)).startsWith(links.absolute("/password/reset?token=")).doesNotContain("evil");
		assertThat(links.absolute("/")).startsWith("http://localhost:").doesNotContain(":0/");
	}

	@Autowired
	az.asan.mektub.platform.web.Links links;

	private static String link(String body) {
		Matcher matcher = LINK.matcher(body);
		assertThat(matcher.find()).as("a link in: " + body).isTrue();
		return matcher.group();
	}

	private static String path(String link) {
		return link.replaceFirst("^http://[^/]+", "");
	}

}
