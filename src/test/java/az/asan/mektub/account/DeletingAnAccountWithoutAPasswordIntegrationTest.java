package az.asan.mektub.account;

import java.util.Set;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A donor whose account was opened through the national identity has no password, and may still leave
 * (seen in review of issue 27.1): they confirm by typing their own e-mail address.
 */
@IntegrationTest
class DeletingAnAccountWithoutAPasswordIntegrationTest extends IntegrationTestBase {

	long id;

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM audit_log WHERE target_id = ?").param(id).update();
		jdbc.sql("DELETE FROM app_user WHERE id = ?").param(id).update();
	}

	@Test
	void aDonorWithoutAPasswordConfirmsWithTheirOwnAddress() throws Exception {
		Account account = accounts.create("aysel@nopassword.test", null, "Aysel Kərimova", Role.DONOR, Set.of());
		id = account.getId();
		SignedInUser aysel = SignedInUser.throughProvider(account);

		mvc.perform(get("/me").with(user(aysel)))
			.andExpect(content().string(containsString("id=\"delete-email\"")))
			.andExpect(content().string(not(containsString("id=\"delete-password\""))));

		mvc.perform(post("/me/delete").param("email", "someone@else.test").with(user(aysel)).with(csrf()))
			.andExpect(redirectedUrl("/me"))
			.andExpect(flash().attributeExists("failure"));
		mvc.perform(post("/me/delete").param("password", "").with(user(aysel)).with(csrf()))
			.andExpect(redirectedUrl("/me"));
		assertThat(anonymised()).isFalse();

		mvc.perform(post("/me/delete").param("email", " AYSEL@nopassword.test ").with(user(aysel)).with(csrf()))
			.andExpect(redirectedUrl("/?deleted"));
		assertThat(anonymised()).isTrue();
	}

	@Test
	void aDonorWithAPasswordStillConfirmsWithIt() throws Exception {
		Account account = accounts.create("rauf@nopassword.test", "parol-12345", "Rauf Əliyev", Role.DONOR, Set.of());
		id = account.getId();
		SignedInUser rauf = new SignedInUser(account);

		mvc.perform(get("/me").with(user(rauf))).andExpect(content().string(containsString("id=\"delete-password\"")));
		// typing the address is no way around the password
		mvc.perform(post("/me/delete").param("email", "rauf@nopassword.test").with(user(rauf)).with(csrf()))
			.andExpect(redirectedUrl("/me"));
		assertThat(anonymised()).isFalse();
	}

	private boolean anonymised() {
		return jdbc.sql("SELECT anonymised_at IS NOT NULL FROM app_user WHERE id = ?").param(id).query(Boolean.class).single();
	}

}
