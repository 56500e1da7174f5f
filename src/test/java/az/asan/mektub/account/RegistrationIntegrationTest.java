package az.asan.mektub.account;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class RegistrationIntegrationTest extends IntegrationTestBase {

	@Autowired
	Accounts accountRows;

	@Test
	void aDonorRegistersWithAHashedPasswordAndCanSignIn() throws Exception {
		mvc.perform(post("/register").with(csrf())
			.param("fullName", "Səbinə Quliyeva")
			.param("email", "sebine@example.az")
			.param("phone", "+994 55 123 45 67")
			.param("password", "gizli-parol-7")
			.param("passwordConfirmation", "gizli-parol-7")).andExpect(redirectedUrl("/login?registered"));

		Account donor = accountRows.findByEmail("SEBINE@example.az").orElseThrow();
		assertThat(donor.getRole()).isEqualTo(Role.DONOR);
		assertThat(donor.getPasswordHash()).startsWith("{bcrypt-sha256}$2").doesNotContain("gizli-parol-7");
		mvc.perform(formLogin("/login").userParameter("email").user("sebine@example.az").password("gizli-parol-7"))
			.andExpect(authenticated());
	}

	@Test
	void anAddressThatHasAnAccountGetsTheSameAnswerAndItsOwnerIsMailedInstead() throws Exception {
		String hashBefore = accountRows.findByEmail("donor@demo.az").orElseThrow().getPasswordHash();
		long accountsBefore = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
		try {
			mvc.perform(post("/register").with(csrf())
				.param("fullName", "Kimsə")
				.param("email", "DONOR@demo.az")
				.param("password", "abcdefgh1")
				.param("passwordConfirmation", "abcdefgh1"))
				.andExpect(redirectedUrl("/login?registered"));

			// nothing about the account changed, and no second one was opened
			assertThat(accountRows.findByEmail("donor@demo.az").orElseThrow().getPasswordHash()).isEqualTo(hashBefore);
			assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(accountsBefore);
			// the owner, not the visitor, learns of it, in the owner's language
			assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'donor@demo.az' AND subject = ?")
				.param("ASAN Məktubda hesabınız artıq var")
				.query(String.class)
				.single()).contains("yeni hesab açılmadı", "/login", "/password/forgot");
		}
		finally {
			jdbc.sql("DELETE FROM mail_outbox WHERE recipient = 'donor@demo.az' AND subject = 'ASAN Məktubda hesabınız artıq var'")
				.update();
		}
	}

	@Test
	void commonPasswordsAndOnesMadeOfTheOwnAddressOrNameAreRefusedButALongPassphraseIsWelcome() throws Exception {
		for (String common : new String[] { "password1", "aaaaaaa1", "qwerty123", "Iloveyou1" }) {
			register("Tural Rzayev", "tural.rzayev@example.az", common)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Bu şifrə ən çox istifadə olunan şifrələrdəndir")));
		}
		for (String personal : new String[] { "tural.rzayev1", "Rzayev2024", "tural.rzayev@example.az1" }) {
			register("Tural Rzayev", "tural.rzayev@example.az", personal)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Şifrə e-poçt ünvanınızdan və ya adınızdan düzəldilib")));
		}
		assertThat(accountRows.findByEmail("tural.rzayev@example.az")).isEmpty();

		try {
			register("Tural Rzayev", "tural.rzayev@example.az", "günəşli bağda dörd alma ağacı")
				.andExpect(redirectedUrl("/login?registered"));
			mvc.perform(formLogin("/login").userParameter("email").user("tural.rzayev@example.az")
				.password("günəşli bağda dörd alma ağacı")).andExpect(authenticated());
		}
		finally {
			jdbc.sql("DELETE FROM mail_outbox WHERE recipient = 'tural.rzayev@example.az'").update();
			jdbc.sql("DELETE FROM app_user WHERE email = 'tural.rzayev@example.az'").update();
		}
	}

	private org.springframework.test.web.servlet.ResultActions register(String name, String email, String password)
			throws Exception {
		return mvc.perform(post("/register").with(csrf())
			.param("fullName", name)
			.param("email", email)
			.param("phone", "")
			.param("password", password)
			.param("passwordConfirmation", password));
	}

	@Test
	void badInputIsAnsweredInTheUsersLanguageAndNothingTypedIsLost() throws Exception {
		mvc.perform(post("/register").with(csrf())
			.param("lang", "en")
			.param("fullName", "Tural Rzayev")
			.param("email", "not-an-address")
			.param("phone", "call me")
			.param("password", "onlyletters")
			.param("passwordConfirmation", "different"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"Tural Rzayev\""),
					containsString("value=\"not-an-address\""), containsString("This is not a valid e-mail address."),
					containsString("This phone number is not valid"),
					containsString("The password needs at least one letter and one digit."),
					containsString("The passwords do not match."))));
		assertThat(accountRows.findByEmail("not-an-address")).isEmpty();
	}

	@Test
	void aShortPasswordIsRefusedInRussianToo() throws Exception {
		mvc.perform(post("/register").with(csrf())
			.param("lang", "ru")
			.param("fullName", "Ömər")
			.param("email", "omer@example.az")
			.param("password", "a1")
			.param("passwordConfirmation", "a1"))
			.andExpect(content().string(containsString("Пароль должен содержать не менее 8 символов.")));
		assertThat(accountRows.findByEmail("omer@example.az")).isEmpty();
	}

}
