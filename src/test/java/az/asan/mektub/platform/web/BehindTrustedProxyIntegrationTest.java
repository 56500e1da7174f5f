package az.asan.mektub.platform.web;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a penetration tester sent through a trusted proxy (MockMvc's requests come from 127.0.0.1,
 * named here as the proxy), with the kept pages on as in production: the client's address is the
 * first untrusted one from the right of the forwarded chain, and a forwarded prefix or host reaches
 * neither another visitor's page nor an absolute redirect.
 */
@IntegrationTest
@TestPropertySource(properties = { "asan.tree.cache-seconds=60", "asan.reports.cache-seconds=60",
		"asan.desk.cache-seconds=60", "asan.trusted-proxies=127.0.0.1" })
class BehindTrustedProxyIntegrationTest extends IntegrationTestBase {

	long campaign;

	@BeforeEach
	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM login_attempt").update();
	}

	@Test
	void theSignInThrottleCountsTheAddressTheLastProxySawNotOneTheClientWrote() throws Exception {
		failSignIn("X-Forwarded-For", "10.0.0.1, 203.0.113.5");
		failSignIn("X-Forwarded-For", "10.0.1.1, 203.0.113.5");
		failSignIn("X-Forwarded-For", "garbage-not-ip, 203.0.113.9");
		failSignIn("X-Forwarded-For", "garbage-not-ip");
		failSignIn("Forwarded", "for=198.51.100.1, for=203.0.113.7");
		failSignIn("Forwarded", "for=\"[2001:db8::1]:4711\"");
		List<String> keys = jdbc.sql("SELECT key FROM login_attempt WHERE key LIKE 'address:%' ORDER BY key")
			.query(String.class)
			.list();
		assertThat(keys).containsExactlyInAnyOrder("address:203.0.113.5", "address:203.0.113.9", "address:127.0.0.1",
				"address:203.0.113.7", "address:2001:db8:0:0:0:0:0:1");
		assertThat(jdbc.sql("SELECT failures FROM login_attempt WHERE key = 'address:203.0.113.5'").query(Integer.class).single())
			.isEqualTo(2);
	}

	private void failSignIn(String header, String value) throws Exception {
		mvc.perform(post("/login").with(csrf()).param("email", "nobody@test.az").param("password", "wrong-password-1")
			.header(header, value));
	}

	@Test
	void aForwardedPrefixDoesNotReachTheNextVisitorsKeptPages() throws Exception {
		campaign = TestCampaigns.open(jdbc);
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String code = testLetters.published(campaign, Spec.of("Aysel", 7));

		for (String page : new String[] { "/letters/" + code, "/tree", "/tree?view=list" }) {
			String poisoned = html(get(page).header("X-Forwarded-Prefix", "/pfx"));
			assertThat(poisoned).as(page).contains("href=\"/pfx/tree");
			assertThat(html(get(page))).as(page).doesNotContain("/pfx/").contains("href=\"/tree");
			// and the other way round: a plain visitor's kept page is not served to the prefixed one
			assertThat(html(get(page).header("X-Forwarded-Prefix", "/pfx"))).as(page).contains("href=\"/pfx/tree");
		}
		assertThat(html(get("/letters/" + code))).contains("action=\"/letters/" + code + "/adopt");

		var staff = user(users.loadUserByUsername("staff@demo.az"));
		var volunteer = user(users.loadUserByUsername("volunteer@demo.az"));
		for (String page : new String[] { "/reports", "/reports/regions", "/volunteer" }) {
			var who = page.equals("/volunteer") ? volunteer : staff;
			assertThat(html(get(page).header("X-Forwarded-Prefix", "/pfx").with(who))).as(page).contains("/pfx/");
			assertThat(html(get(page).with(who))).as(page).doesNotContain("/pfx/");
		}
	}

	@Test
	void redirectsStayRelativeWhateverHostIsForwarded() throws Exception {
		var result = mvc.perform(get("/volunteer").header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Prefix", "/pfx")).andReturn();
		assertThat(result.getResponse().getStatus()).isBetween(302, 303);
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/pfx/login");
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

}
