package az.asan.mektub.platform.web;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Operators read the app's metrics in Prometheus' format; nobody else sees them. */
@IntegrationTest
class MetricsIntegrationTest extends IntegrationTestBase {

	@Test
	void anAdministratorReadsRequestPoolAndProgramMetricsInPrometheusFormat() throws Exception {
		// given: a page was served and a job ran
		mvc.perform(get("/tree")).andExpect(status().isOk());
		mvc.perform(post("/admin/retention/run").with(csrf()).with(user(users.loadUserByUsername("admin@demo.az"))));

		// when / then
		mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername("admin@demo.az"))))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/plain"))
			.andExpect(content().string(containsString("http_server_requests_seconds_count{")))
			.andExpect(content().string(containsString("uri=\"/tree\"")))
			.andExpect(content().string(containsString("hikaricp_connections_active{")))
			.andExpect(content().string(containsString("asan_adoptions_total")))
			.andExpect(content().string(containsString("asan_holds_released_total")))
			.andExpect(content().string(containsString("asan_mail_outbox_backlog")))
			.andExpect(content().string(containsString("asan_job_runs_total{job=\"retention\"")));
	}

	@Test
	void nobodyElseSeesTheMetrics() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isNotFound());
		mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername("donor@demo.az"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername("staff@demo.az"))))
			.andExpect(status().isForbidden());
	}

}
