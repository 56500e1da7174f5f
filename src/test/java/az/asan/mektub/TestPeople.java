package az.asan.mektub;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The people tests look up (the demo's and their own), by e-mail. */
public final class TestPeople {

	private TestPeople() {
	}

	/** The id of the account with this e-mail; fails if there is none. */
	public static long id(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(email).query(Long.class).single();
	}

}
