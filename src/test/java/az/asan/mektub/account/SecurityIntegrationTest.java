package az.asan.mektub.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SecurityIntegrationTest extends IntegrationTestBase {

	@ParameterizedTest
	@ValueSource(strings = { "/volunteer", "/reports", "/admin", "/me", "/me/adoptions" })
	void anonymousVisitorsAreSentToTheLoginPage(String url) throws Exception {
		mvc.perform(get(url)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@ParameterizedTest
	@CsvSource({ "donor@demo.az,/, 302", "volunteer@demo.az,/volunteer,302", "staff@demo.az,/reports,302",
			"admin@demo.az,/reports,302" })
	void theFourDemoAccountsSignInAndLandWhereTheirWorkIs(String email, String home, int ignored) throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user(email).password("demo12345"))
			.andExpect(authenticated().withUsername(email))
			.andExpect(redirectedUrl(home));
	}

	@Test
	void aWrongPasswordIsRefusedWithAClearMessage() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user("donor@demo.az").password("wrong-one1"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login?error")).andExpect(content().string(containsString("E-poçt və ya şifrə yanlışdır")));
	}

	@ParameterizedTest
	@CsvSource({ "DONOR,/volunteer", "DONOR,/reports", "DONOR,/admin", "VOLUNTEER,/reports", "VOLUNTEER,/admin",
			"STAFF,/admin/users/staff" })
	void aSignedInUserWithoutTheRoleGets403(String role, String url) throws Exception {
		mvc.perform(get(url).with(user(demo(role))).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@CsvSource({ "VOLUNTEER,/volunteer", "STAFF,/volunteer", "STAFF,/reports", "STAFF,/admin", "ADMIN,/admin",
			"DONOR,/me" })
	void eachRoleOpensItsOwnPages(String role, String url) throws Exception {
		mvc.perform(get(url).with(user(demo(role)))).andExpect(status().isOk());
	}

	@Test
	void withoutAnIdentityProviderConfiguredItsSignInIsNeitherOfferedNorAnswered() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("oidc-sign-in"))));
		mvc.perform(get("/login?oidc=unavailable"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("login-oidc-problem"))));
		mvc.perform(get("/login/oidc").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		mvc.perform(get("/oauth2/authorization/asan").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		mvc.perform(get("/login/oauth2/code/asan?code=c&state=s").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/register").param("email", "x@example.az")).andExpect(status().isForbidden());
	}

	@Test
	void signingInStoresTheSessionInPostgresqlSoEveryNodeSeesIt() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user("staff@demo.az").password("demo12345"))
			.andExpect(authenticated());
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'staff@demo.az'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void responsesCarryTheSecurityHeaders() throws Exception {
		mvc.perform(get("/"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("X-Content-Type-Options", "nosniff"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("X-Frame-Options", "DENY"));
	}

	private SignedInUser demo(String role) {
		String email = role.toLowerCase() + "@demo.az";
		return (SignedInUser) userDetails.loadUserByUsername(email);
	}

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService userDetails;

}
