package az.asan.mektub;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.Role;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.Letters;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL, both keeping pages for a minute as production may (issue 23): a letter
 * adopted on node A is shown as taken on node B within a second (the change reaches B through
 * PostgreSQL's LISTEN/NOTIFY), while a change made behind the app's back stays unseen on B for its
 * kept minute — so the first is the message's doing, not a cache that keeps nothing. A volunteer
 * locked on A has no desk on B at their next request.
 */
@IntegrationTest
@TestPropertySource(properties = { "asan.tree.cache-seconds=60", "asan.desk.cache-seconds=60" })
class KeptPagesOnEveryNodeIntegrationTest {

	private static final Duration WITHIN = Duration.ofSeconds(1);

	private static ConfigurableApplicationContext nodeB;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Letters letters;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AccountManagement accounts;

	@LocalServerPort
	int portA;

	int portB;

	@BeforeEach
	void startTheSecondNodeKeepingPages() throws Exception {
		if (nodeB == null) {
			HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
			// the same kept seconds as this node: given as a test's own properties, which TestDatabase leaves as they are
			StandardEnvironment environment = new StandardEnvironment();
			environment.getPropertySources()
				.addFirst(new MapPropertySource("Inlined Test Properties",
						Map.of("asan.tree.cache-seconds", "60", "asan.desk.cache-seconds", "60")));
			nodeB = new SpringApplicationBuilder(MektubApplication.class).environment(environment)
				.run("--server.port=0", "--spring.datasource.url=" + hikari.getJdbcUrl(),
						"--spring.datasource.username=" + hikari.getUsername(),
						"--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
						"--asan.demo=false", "--asan.jobs.mail.delay=PT1H");
		}
		portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
	}

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM audit_log WHERE target_id IN (SELECT id FROM app_user WHERE email LIKE '%@every-node.test')")
			.update();
		jdbc.sql("DELETE FROM app_user WHERE email LIKE '%@every-node.test'").update();
	}

	@AfterAll
	static void stopTheSecondNode() {
		if (nodeB != null) {
			nodeB.close();
			nodeB = null;
		}
	}

	@Test
	void aLetterAdoptedOnOneNodeIsShownAsTakenOnTheOtherWithinASecond() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		long donor = accounts.create("donor@every-node.test", "parol-12345", "Hər Node", Role.DONOR, Set.of()).getId();
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String code = testLetters.published(campaign, Spec.of("Nərgiz", 8));
		HttpClient visitor = HttpClient.newHttpClient();
		assertThat(page(visitor, portB, "/letters/" + code)).contains("id=\"adopt-form\"").doesNotContain("id=\"letter-taken\"");

		// when: the letter is adopted on node A
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);
		long adopted = System.nanoTime();

		// then: node B shows it taken within a second
		String shown = page(visitor, portB, "/letters/" + code);
		while (!shown.contains("id=\"letter-taken\"") && System.nanoTime() - adopted < WITHIN.toNanos()) {
			Thread.sleep(25);
			shown = page(visitor, portB, "/letters/" + code);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - adopted);
		assertThat(shown).as("node B's page " + took.toMillis() + " ms after the adoption on A").contains("id=\"letter-taken\"");
		assertThat(took).isLessThan(WITHIN);
	}

	@Test
	void aChangeTheAppWasNotToldOfStaysUnseenOnTheOtherNodeForItsKeptSeconds() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Kamran", 9));
		Thread.sleep(WITHIN.toMillis()); // the news of its creation reaches node B first
		HttpClient visitor = HttpClient.newHttpClient();
		assertThat(page(visitor, portB, "/letters/" + code)).contains("id=\"adopt-form\"");

		jdbc.sql("UPDATE letter SET public_wish = 'Gizlicə dəyişən arzu' WHERE code = ?").param(code).update();
		Thread.sleep(WITHIN.toMillis());

		assertThat(page(visitor, portB, "/letters/" + code)).contains("Rəngli kitab").doesNotContain("Gizlicə dəyişən arzu");
	}

	@Test
	void aVolunteerLockedOnOneNodeHasNoDeskOnTheOtherAtTheNextRequest() throws Exception {
		var volunteer = accounts.create("volunteer@every-node.test", "parol-12345", "Könüllü Kilid", Role.VOLUNTEER, Set.of());
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		signIn(browser, portB, "volunteer@every-node.test", "parol-12345");
		assertThat(browser.send(get(portB, "/volunteer"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

		// when: staff lock them on node A
		HttpClient staff = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		signIn(staff, portA, "staff@demo.az", "demo12345");
		String token = csrf(page(staff, portA, "/admin/users/" + volunteer.getId()));
		assertThat(staff.send(post(portA, "/admin/users/" + volunteer.getId() + "/lock", "locked=true&_csrf=" + token),
				HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT locked FROM app_user WHERE id = ?").param(volunteer.getId()).query(Boolean.class).single()).isTrue();

		// then: their next request on node B finds no desk

		HttpResponse<Void> desk = browser.send(get(portB, "/volunteer"), HttpResponse.BodyHandlers.discarding());
		assertThat(desk.statusCode()).isEqualTo(302);
		assertThat(desk.headers().firstValue("Location").orElse("")).contains("/login");
	}

	private static String page(HttpClient client, int port, String path) throws Exception {
		HttpResponse<String> response = client.send(get(port, path), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static void signIn(HttpClient client, int port, String email, String password) throws Exception {
		String token = csrf(client.send(get(port, "/login"), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<Void> response = client.send(post(port, "/login", "email=" + URLEncoder.encode(email,
				StandardCharsets.UTF_8) + "&password=" + password + "&_csrf=" + token), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	private static String csrf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static HttpRequest get(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
	}

	private static HttpRequest post(int port, String path, String form) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

}
