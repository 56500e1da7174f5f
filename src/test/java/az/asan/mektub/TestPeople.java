package az.asan.mektub;

import org.springframework.jdbc.core.simple.JdbcClient;

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

}
