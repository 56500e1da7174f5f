package az.asan.mektub.platform.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import az.asan.mektub.MektubApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What the OOM killer does to the zero-setup default: {@code kill -9} of its PostgreSQL. The app brings
 * its own server back within seconds, with what was committed, and without being restarted; the probes
 * tell a load balancer the truth meanwhile; and stopping after such a kill ends at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresSupervisorIntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path folder;

	@Test
	void aKilledPostmasterIsBroughtBackUnderLoadWithinSecondsWithoutRestartingTheApp(CapturedOutput output)
			throws Exception {
		// given: the app on its own durable PostgreSQL, a committed row, and visitors on the tree
		ConfigurableApplicationContext app = new SpringApplicationBuilder(MektubApplication.class).run("--server.port=0",
				"--asan.embedded-postgres.ephemeral=false", "--asan.data-dir=" + folder, "--asan.demo=false",
				"--spring.datasource.hikari.maximum-pool-size=5");
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			jdbc.sql("CREATE TABLE supervisor_test (note text)").update();
			jdbc.sql("INSERT INTO supervisor_test VALUES ('committed before kill -9')").update();
			assertThat(get(port, "/tree").statusCode()).isEqualTo(200);
			assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);

			AtomicBoolean running = new AtomicBoolean(true);
			List<Integer> pages = Collections.synchronizedList(new ArrayList<>());
			List<Integer> readiness = Collections.synchronizedList(new ArrayList<>());
			List<Integer> liveness = Collections.synchronizedList(new ArrayList<>());
			ExecutorService visitors = Executors.newFixedThreadPool(6);
			for (int i = 0; i < 4; i++) {
				visitors.submit(() -> visit(port, "/tree", pages, running));
			}
			visitors.submit(() -> visit(port, "/actuator/health/readiness", readiness, running));
			visitors.submit(() -> visit(port, "/actuator/health/liveness", liveness, running));
			Thread.sleep(500);
			Path pidFile = folder.resolve("postgres/postmaster.pid");
			long postmaster = PostgresSupervisor.postmasterPid(folder.resolve("postgres")).orElseThrow();

			// when: the postmaster is killed as the OOM killer does it
			ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
			long killed = System.nanoTime();
			int before = pages.size();

			// then: pages are served again within 15 s, by the same app, from a new postmaster (a kept page may
			// answer 200 before the database is back, so the new postmaster is waited for first)
			while (PostgresSupervisor.postmasterPid(folder.resolve("postgres")).filter(pid -> pid != postmaster).isEmpty()
					&& System.nanoTime() - killed < Duration.ofSeconds(15).toNanos()) {
				Thread.sleep(100);
			}
			int status = 0;
			while (status != 200 && System.nanoTime() - killed < Duration.ofSeconds(15).toNanos()) {
				Thread.sleep(100);
				status = get(port, "/tree").statusCode();
			}
			Duration back = Duration.ofNanos(System.nanoTime() - killed);
			assertThat(status).as("a page after the kill, %s later", back).isEqualTo(200);
			assertThat(back).isLessThan(Duration.ofSeconds(15));
			assertThat(app.isActive()).isTrue();
			assertThat(PostgresSupervisor.postmasterPid(folder.resolve("postgres"))).isPresent().get().isNotEqualTo(postmaster);
			// with what was committed (crash recovery ran)
			assertThat(jdbc.sql("SELECT note FROM supervisor_test").query(String.class).single())
				.isEqualTo("committed before kill -9");
			Thread.sleep(1000);
			running.set(false);
			visitors.shutdown();
			assertThat(visitors.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			// the visitors were answered all along, and are served again
			assertThat(pages.subList(before, pages.size())).isNotEmpty().allMatch(s -> s == 200 || s == 503);
			assertThat(pages.get(pages.size() - 1)).isEqualTo(200);
			// readiness said DOWN while the database was away and UP again; liveness said UP throughout
			assertThat(readiness).contains(503);
			assertThat(readiness.get(readiness.size() - 1)).isEqualTo(200);
			assertThat(liveness).isNotEmpty().containsOnly(200);
			assertThat(output).contains("has stopped unexpectedly").contains("is running again");

			// and stopping afterwards is quick and leaves the folder clean
			long stopping = System.nanoTime();
			app.close();
			assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(30));
			assertThat(pidFile).doesNotExist();
		}
		finally {
			app.close();
		}
	}

	@Test
	void stoppingAfterThePostmasterWasKilledEndsAtOnceWithoutAnError(CapturedOutput output) throws Exception {
		// given: the embedded PostgreSQL on a folder, killed with nobody to bring it back
		StandardEnvironment environment = OrphanedPostgresIntegrationTest.start(folder);
		long postmaster = PostgresSupervisor.postmasterPid(folder.resolve("postgres")).orElseThrow();
		ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
		process.destroyForcibly();
		process.onExit().get(10, TimeUnit.SECONDS);

		// when: the app is told to stop (SIGTERM), then
		long started = System.nanoTime();
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> OrphanedPostgresIntegrationTest.stop(environment));

		// then: it sees the process is gone and stops at once, saying so without an error
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(output).contains("is not running: nothing to stop")
			.doesNotContain("Could not stop postmaster")
			.doesNotContain("ERROR");
	}

	private void visit(int port, String path, List<Integer> statuses, AtomicBoolean running) {
		while (running.get()) {
			try {
				statuses.add(get(port, path).statusCode());
			}
			catch (Exception ex) {
				statuses.add(-1);
			}
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
