package az.asan.mektub.platform.database;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import az.asan.mektub.MektubApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default as an organisation runs it: the app on an embedded PostgreSQL of its own in
 * a folder (durable, as in run mode, not the tests' throw-away one). While it starts, a visitor who
 * keeps asking for the home page never gets an empty program; the log says which database runs and
 * where; the database keeps commits durably; and when the app is stopped (what SIGTERM does) a
 * request in flight that needs the database finishes before the database stops.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseOperationsIntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path folder;

	@Test
	void startsOnlyWhenReadyKeepsCommitsDurableAndStopsTheDatabaseAfterTheLastRequest(CapturedOutput output)
			throws Exception {
		int port = freePort();
		// given: a visitor asking for the home page again and again from before the app starts
		List<String> homePages = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean visiting = new AtomicBoolean(true);
		ExecutorService visitor = Executors.newSingleThreadExecutor();
		visitor.submit(() -> {
			while (visiting.get()) {
				try {
					HttpResponse<String> home = get(port, "/");
					homePages.add(home.statusCode() + " " + home.body());
				}
				catch (Exception notListeningYet) {
					Thread.sleep(20);
				}
			}
			return null;
		});

		// when: the app starts on an empty folder and loads its demo data
		ConfigurableApplicationContext app = new SpringApplicationBuilder(MektubApplication.class, SlowPage.class).run(
				"--server.port=" + port, "--asan.embedded-postgres.ephemeral=false", "--asan.data-dir=" + folder,
				"--spring.datasource.hikari.maximum-pool-size=5", "--asan.jobs.mail.delay=PT1H");
		try {
			long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (homePages.size() < 3 && System.nanoTime() < until) {
				Thread.sleep(50);
			}
			visiting.set(false);
			visitor.shutdown();
			visitor.awaitTermination(10, TimeUnit.SECONDS);

			// then: every page the visitor got shows the program's totals, never zeros
			assertThat(homePages).isNotEmpty().allSatisfy(page -> {
				assertThat(page).startsWith("200 ");
				Matcher fulfilled = Pattern.compile("id=\"total-fulfilled\">([^<]+)<").matcher(page);
				assertThat(fulfilled.find()).isTrue();
				assertThat(fulfilled.group(1).replaceAll("\\D", "")).isEqualTo("10512");
			});
			// and the log says which database runs, which version, where its files are and its port
			assertThat(output).containsPattern("Database: embedded PostgreSQL 18\\.\\d+, files in "
					+ Pattern.quote(folder.resolve("postgres").toString()) + ", listening on localhost:\\d+");
			// and commits are durable
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				assertThat(jdbc.sql("SHOW " + setting).query(String.class).single()).as(setting).isEqualTo("on");
			}

			// when: the app is told to stop while a request that needs the database is in flight
			ExecutorService client = Executors.newSingleThreadExecutor();
			Future<HttpResponse<String>> inFlight = client.submit(() -> get(port, "/tree/slow-db-for-shutdown-test"));
			assertThat(SlowController.started.await(20, TimeUnit.SECONDS)).isTrue();
			app.close();

			// then: the request finished on the database, and the database stopped after it
			HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).matches("finished with [1-9]\\d* campaigns");
			assertThat(folder.resolve("postgres/postmaster.pid")).doesNotExist();
			client.shutdown();
		}
		finally {
			app.close();
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A request that needs the database after a while, to be in flight when the app stops. */
	@Configuration(proxyBeanMethods = false)
	static class SlowPage {

		@Bean
		SlowController slowDatabaseController(JdbcClient jdbc) {
			return new SlowController(jdbc);
		}

	}

	@RestController
	static class SlowController {

		static final CountDownLatch started = new CountDownLatch(1);

		private final JdbcClient jdbc;

		SlowController(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/tree/slow-db-for-shutdown-test")
		String slow() throws InterruptedException {
			started.countDown();
			Thread.sleep(2500);
			return "finished with " + jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single() + " campaigns";
		}

	}

}
