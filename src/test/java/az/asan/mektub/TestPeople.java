package az.asan.mektub;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The people tests look up (the demo's and their own), by e-mail, and remove (their own). */
public final class TestPeople {

	private TestPeople() {
	}

	/** The id of the account with this e-mail; fails if there is none. */
	public static long id(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(email).query(Long.class).single();
	}

	/**
	 * Removes a test's own people, the accounts whose e-mail is like the pattern (e.g. {@code "%@team.test"}),
	 * with the mails to them and the audit entries that name them (which would keep an account from going).
	 */
	public static void remove(JdbcClient jdbc, String emailLike) {
		jdbc.sql("DELETE FROM mail_outbox WHERE recipient LIKE ?").param(emailLike).update();
		jdbc.sql("""
				DELETE FROM audit_log
				WHERE target_id IN (SELECT id FROM app_user WHERE email LIKE :email)
				   OR actor_id IN (SELECT id FROM app_user WHERE email LIKE :email)""")
			.param("email", emailLike)
			.update();
		jdbc.sql("DELETE FROM app_user WHERE email LIKE ?").param(emailLike).update();
	}

	/** Registers a donor named Nigar Əliyeva through the form, as a person does (password gizli-parol-7, no phone). */
	public static void register(MockMvc mvc, String email) throws Exception {
		register(mvc, email, "Nigar Əliyeva");
	}

	/** Registers a donor through the form, as a person does (password gizli-parol-7, no phone). */
	public static void register(MockMvc mvc, String email, String fullName) throws Exception {
		mvc.perform(post("/register").with(csrf())
			.param("fullName", fullName)
			.param("email", email)
			.param("phone", "")
			.param("password", "gizli-parol-7")
			.param("passwordConfirmation", "gizli-parol-7")).andExpect(redirectedUrl("/login?registered"));
	}

}
