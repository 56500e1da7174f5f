package az.asan.mektub.platform.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import az.asan.mektub.MektubApplication;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.Role;
import az.asan.mektub.adoption.AdoptionManagement;
import az.asan.mektub.letter.Letters;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app on a PostgreSQL of its own that the test stops and starts again: pages answer a friendly
 * 503 within seconds while it is away, a write cut off by the outage leaves nothing behind, the app
 * recovers by itself, and shutting down lets the requests in flight finish.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIntegrationTest {

	// One PostgreSQL and one app for every test of the class (a test that stops the app gets a new one),
	// and the folder is deleted at the end: a run leaves nothing in the temporary directory.
	private static Path dataDir;

	private static EmbeddedPostgres postgres;

	private static int port;

	private static ConfigurableApplicationContext app;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startTheDatabase() throws Exception {
		dataDir = Files.createTempDirectory("asan-outage-");
		postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
		port = postgres.getPort();
	}

	@BeforeEach
	void startTheAppOnItsOwnDatabase() throws Exception {
		if (app == null || !app.isActive()) {
			// pages read the database each time (cache-seconds 0): these tests ask what a page answers while the
			// database is away, which a page kept from before would hide for its seconds
			app = new SpringApplicationBuilder(MektubApplication.class, SlowPage.class).run("--server.port=0",
					"--asan.tree.cache-seconds=0", "--asan.reports.cache-seconds=0", "--asan.desk.cache-seconds=0",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=", "--asan.demo=false",
					"--spring.datasource.hikari.maximum-pool-size=5", "--asan.jobs.enabled=true", "--asan.jobs.mail.delay=PT1S");
		}
		// an app that lived through the last test's outage serves again (its pause after an outage is over)
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (get("/tree").statusCode() != 200 && System.nanoTime() < until) {
			Thread.sleep(200);
		}
	}

	@AfterEach
	void theDatabaseRunsForTheNextTest() throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			connection.isValid(2);
		}
		catch (SQLException stopped) {
			restartTheDatabase();
		}
	}

	@AfterAll
	static void stopEverythingAndCleanUp() throws Exception {
		try {
			if (app != null && app.isActive()) {
				app.close();
			}
			if (postgres != null) {
				postgres.close();
			}
		}
		finally {
			// even when a start failed half-way
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	@Test
	void whileTheDatabaseIsAwayPagesSay503QuicklyAndTheAppRecoversByItself() throws Exception {
		assertThat(get("/tree").statusCode()).isEqualTo(200);

		postgres.close();

		long started = System.nanoTime();
		HttpResponse<String> down = get("/tree");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.headers().firstValue("Retry-After")).contains("30");
		assertThat(down.body()).contains("id=\"unavailable\"").contains("Xidmət müvəqqəti əlçatan deyil")
			.doesNotContain("Exception").doesNotContain("at org.");
		// many visitors at once get their answer in seconds too: no threads pile up waiting
		ExecutorService crowd = Executors.newFixedThreadPool(40);
		List<Future<Integer>> answers = new ArrayList<>();
		long crowdStarted = System.nanoTime();
		for (int i = 0; i < 40; i++) {
			String path = i % 2 == 0 ? "/tree" : "/impact";
			answers.add(crowd.submit(() -> get(path).statusCode()));
		}
		for (Future<Integer> answer : answers) {
			assertThat(answer.get()).isEqualTo(503);
		}
		crowd.shutdown();
		assertThat(Duration.ofNanos(System.nanoTime() - crowdStarted)).isLessThan(Duration.ofSeconds(10));
		// a page that needs no database still works
		assertThat(get("/about").statusCode()).isEqualTo(200);

		restartTheDatabase();

		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		int status = 0;
		while (System.nanoTime() < until && status != 200) {
			status = get("/tree").statusCode();
			if (status != 200) {
				Thread.sleep(500);
			}
		}
		assertThat(status).isEqualTo(200);
	}

	@Test
	void aWriteCutOffByTheOutageLeavesNothingHalfDone() throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		TransactionTemplate tx = app.getBean(TransactionTemplate.class);
		long campaign = jdbc.sql("""
				INSERT INTO campaign (code, name_az, name_en, name_ru, kind, starts_on, ends_on, status, age_reference_date)
				VALUES ('OUTAGE', 'X', 'X', 'X', 'YEAR_ROUND', current_date - 10, current_date + 60, 'OPEN', current_date - 10)
				RETURNING id""").query(Long.class).single();
		String code = new TestLetters(app.getBean(Letters.class), tx, jdbc).published(campaign, Spec.of("Kəsilən", 9));
		long donor = app.getBean(AccountManagement.class)
			.create("cut@outage.test", "parol-12345", "Kəsilən", Role.DONOR, Set.of())
			.getId();

		// when: the adoption has written the letter, its history and the mail, and the database goes away before commit
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			app.getBean(AdoptionManagement.class).adopt(code, donor);
			try {
				postgres.close();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		})).isInstanceOf(RuntimeException.class);

		restartTheDatabase();

		// then: none of it is there
		awaitDatabase(jdbc);
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("PUBLISHED");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				WHERE l.code = ? AND h.to_status = 'ADOPTED'""").param(code).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'cut@outage.test'").query(Long.class).single())
			.isZero();
	}

	@Test
	void shuttingDownLetsTheRequestsInFlightFinish() throws Exception {
		ExecutorService client = Executors.newSingleThreadExecutor();
		Future<HttpResponse<String>> inFlight = client.submit(() -> get("/tree/slow-for-shutdown-test"));
		Thread.sleep(500);

		app.close();

		HttpResponse<String> response = inFlight.get();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("finished");
		client.shutdown();
	}

	@Test
	void aRollbackThatFailsBecauseTheDatabaseVanishedGetsTheOutagePage(CapturedOutput output) throws Exception {
		// given: a request whose transaction has used the database when the database goes away
		databaseOfTheRunningTest = postgres;

		// when
		HttpResponse<String> response = get("/tree/outage-mid-transaction-test?lang=en");

		// then: not Tomcat's bare 500 but the outage page, with the request's id
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("id=\"unavailable\"").doesNotContain("HTTP Status 500", "Exception");
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(response.body()).contains(id);
		// and the log line of it carries the same id
		assertThat(output).containsPattern("\\[" + id + "\\] .*The database cannot be reached");

		restartTheDatabase();
	}

	@Test
	void theOutagePageSaysWhatIsTrueInTheVisitorsLanguage() throws Exception {
		// when: the database is away
		postgres.close();

		// then: the page says the service recovers by itself, and promises no number of minutes
		HttpResponse<String> english = get("/tree?lang=en");
		assertThat(english.statusCode()).isEqualTo(503);
		assertThat(english.body()).contains("cannot reach its database")
			.contains("It recovers by itself as soon as the database answers again")
			.doesNotContain("few minutes");
		HttpResponse<String> azerbaijani = get("/impact");
		assertThat(azerbaijani.body()).contains("Baza yenidən cavab verən kimi xidmət özü bərpa olunur");

		restartTheDatabase();
	}

	@Test
	void scheduledJobsSayOnceThatTheDatabaseIsAwayAndOnceThatItIsBack(CapturedOutput output) throws Exception {
		// given: the mail job runs every second, on a database that answers
		Thread.sleep(3000);
		int before = output.toString().length();

		// when: the database is away for several of its runs, then back
		postgres.close();
		Thread.sleep(8000);
		restartTheDatabase();

		// then: one line when it could not run, one when it runs again, and no stack trace
		String back = "Job OutboxSender.sendPending runs again: the database is back";
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!output.toString().substring(before).contains(back) && System.nanoTime() < until) {
			Thread.sleep(200);
		}
		String log = output.toString().substring(before);
		assertThat(log).contains(back);
		assertThat(log.split("Job OutboxSender.sendPending cannot run: the database cannot be reached", -1)).hasSize(2);
		assertThat(log).doesNotContain("Unexpected error occurred in scheduled task")
			.doesNotContain("at net.javacrumbs.shedlock");
	}

	private static volatile EmbeddedPostgres databaseOfTheRunningTest;

	private static void restartTheDatabase() throws Exception {
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
	}

	private static void awaitDatabase(JdbcClient jdbc) throws InterruptedException {
		for (int i = 0; i < 60; i++) {
			try {
				jdbc.sql("SELECT 1").query(Integer.class).single();
				return;
			}
			catch (RuntimeException ex) {
				Thread.sleep(500);
			}
		}
	}

	private int appPort() {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + appPort() + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request that takes a while, to be in flight when the app shuts down. */
	@Configuration(proxyBeanMethods = false)
	static class SlowPage {

		@Bean
		SlowController slowController(TransactionTemplate tx, JdbcClient jdbc) {
			return new SlowController(tx, jdbc);
		}

	}

	@RestController
	static class SlowController {

		private final TransactionTemplate tx;

		private final JdbcClient jdbc;

		SlowController(TransactionTemplate tx, JdbcClient jdbc) {
			this.tx = tx;
			this.jdbc = jdbc;
		}

		@GetMapping("/tree/outage-mid-transaction-test")
		String outageMidTransaction() {
			tx.executeWithoutResult(status -> {
				jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single();
				try {
					databaseOfTheRunningTest.close();
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				// something goes wrong after the database vanished: the rollback cannot reach it either
				throw new IllegalStateException("failed after the database went away");
			});
			return "unreachable";
		}

		@GetMapping("/tree/slow-for-shutdown-test")
		String slow() throws InterruptedException {
			Thread.sleep(2500);
			return "finished";
		}

	}

}
