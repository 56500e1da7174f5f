package az.asan.mektub.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.account.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pen test 2, item 4: one read of {@code spring_session.session_id} (or of a backup holding the table),
 * Base64-encoded into a cookie, signed in as that person, an administrator too. The table now holds a
 * keyed hash of each id; the cookie still signs its owner in.
 */
@IntegrationTest
class SessionIdsAtRestIntegrationTest extends IntegrationTestBase {

	private static final String PASSWORD = "parol-12345";

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM spring_session WHERE principal_name LIKE '%@at-rest.test' OR principal_name = 'admin@demo.az'")
			.update();
	}

	@Test
	void aSessionIdReadFromTheDatabaseSignsNobodyIn() throws Exception {
		accounts.create("reader@at-rest.test", PASSWORD, "Sessiya Oxucusu", Role.DONOR, Set.of());
		Cookie cookie = signIn("reader@at-rest.test", PASSWORD);
		assertThat(mvc.perform(get("/me").cookie(cookie)).andReturn().getResponse().getStatus()).isEqualTo(200);

		List<String> stored = jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = 'reader@at-rest.test'")
			.query(String.class)
			.list();
		assertThat(stored).hasSize(1);
		String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
		assertThat(stored.get(0)).isNotEqualTo(id).doesNotContain(id);
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ? OR primary_id = ?")
			.params(id, id).query(Long.class).single()).isZero();

		for (String copied : List.of(stored.get(0), stored.get(0).strip())) {
			Cookie forged = new Cookie("ASANSESSION",
					Base64.getEncoder().encodeToString(copied.getBytes(StandardCharsets.UTF_8)));
			int status = mvc.perform(get("/me").cookie(forged)).andReturn().getResponse().getStatus();
			assertThat(status).as("a cookie made from the stored id").isEqualTo(302);
		}
	}

	@Test
	void anAdministratorsStoredSessionIsNoWayIntoTheAdministration() throws Exception {
		Cookie cookie = signIn("admin@demo.az", "demo12345");
		assertThat(mvc.perform(get("/admin/users").cookie(cookie)).andReturn().getResponse().getStatus()).isEqualTo(200);
		for (String stored : jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = 'admin@demo.az'")
			.query(String.class)
			.list()) {
			Cookie forged = new Cookie("ASANSESSION",
					Base64.getEncoder().encodeToString(stored.strip().getBytes(StandardCharsets.UTF_8)));
			assertThat(mvc.perform(get("/admin/users").cookie(forged)).andReturn().getResponse().getStatus())
				.isEqualTo(302);
		}
	}

	private Cookie signIn(String email, String password) throws Exception {
		Cookie cookie = mvc.perform(formLogin("/login").userParameter("email").user(email).password(password))
			.andReturn()
			.getResponse()
			.getCookie("ASANSESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}

}
