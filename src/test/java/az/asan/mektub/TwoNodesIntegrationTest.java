package az.asan.mektub;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.Role;
import az.asan.mektub.adoption.HoldExpiry;
import az.asan.mektub.notification.Mailer;
import az.asan.mektub.notification.OutboxSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes on one PostgreSQL: the test's own application and a second one started beside it on
 * another port. A session begun on one is valid on the other, the scheduled jobs do their work once
 * per cluster, and adoptions spread over both nodes still give one winner per letter.
 */
@IntegrationTest
class TwoNodesIntegrationTest extends IntegrationTestBase {

	@RegisterExtension
	static final SecondNode.Running nodeB = SecondNode.running(Map.of());

	@LocalServerPort
	int portA;

	@Autowired
	HoldExpiry expiryA;

	@Autowired
	OutboxSender outboxA;

	@Autowired
	Mailer mailer;

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		TestPeople.remove(jdbc, "%@nodes.test");
	}

	@Test
	void aSessionStartedOnOneNodeIsValidOnTheOther() throws Exception {
		accounts.create("session@nodes.test", "parol-12345", "Sessiya Yoxlayan", Role.DONOR, Set.of());
		HttpClient client = client();
		signIn(client, portA, "session@nodes.test");

		HttpResponse<String> onB = client.send(get(nodeB.port(), "/me"), HttpResponse.BodyHandlers.ofString());

		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("session@nodes.test");
	}

	@Test
	void theHoldExpiryAndMailJobsRunOncePerCluster() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		long donor = accounts.create("holder@nodes.test", "parol-12345", "Saxlayan", Role.DONOR, Set.of()).getId();
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String code = testLetters.published(campaign, Spec.of("Gecikən" + i, 8));
			testLetters.moveTo(code, az.asan.mektub.letter.LetterStatus.ADOPTED, donor);
			codes.add(code);
		}
		jdbc.sql("UPDATE letter SET due_date = current_date - 3 WHERE campaign_id = ?").param(campaign).update();
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < 20; i++) {
				mailer.queue("reader" + i + "@nodes.test", "az", "thanks", "Oxucu", "Aysel", "http://x");
			}
		});
		HoldExpiry expiryB = nodeB.context().getBean(HoldExpiry.class);
		OutboxSender outboxB = nodeB.context().getBean(OutboxSender.class);

		// when: both nodes run both jobs at the same moment
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> runs = new ArrayList<>();
		for (Runnable job : List.<Runnable>of(expiryA::releaseExpired, expiryB::releaseExpired, outboxA::sendPending,
				outboxB::sendPending)) {
			runs.add(nodes.submit(() -> {
				start.await();
				job.run();
				return null;
			}));
		}
		start.countDown();
		for (Future<?> run : runs) {
			run.get();
		}
		nodes.shutdown();
		// whatever one skipped because the other held the lock is done by the next run
		expiryA.releaseExpired();
		TestMail.awaitBodiesTo("reader19@nodes.test", outboxA::sendPending);

		// then: each hold released once, each mail sent once
		for (String code : codes) {
			assertThat(jdbc.sql("""
					SELECT count(*) FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
					WHERE l.code = ? AND h.note = 'HOLD_EXPIRED'""").param(code).query(Long.class).single()).isEqualTo(1);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'holder@nodes.test'")
			.query(Long.class)
			.single()).isEqualTo(3);
		for (int i = 0; i < 20; i++) {
			assertThat(TestMail.bodiesTo("reader" + i + "@nodes.test")).as("mail " + i).hasSize(1);
		}
	}

	@Test
	void adoptionsSpreadOverBothNodesStillGiveOneWinnerPerLetter() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Tək", 9));
		List<HttpClient> donors = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String email = "rush" + i + "@nodes.test";
			accounts.create(email, "parol-12345", "Tələsən " + i, Role.DONOR, Set.of());
			HttpClient client = client();
			signIn(client, portA, email);
			donors.add(client);
			tokens.add(csrf(client.send(get(portA, "/me"), HttpResponse.BodyHandlers.ofString()).body()));
		}

		ExecutorService pool = Executors.newFixedThreadPool(30);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < donors.size(); i++) {
			HttpClient client = donors.get(i);
			String token = tokens.get(i);
			int port = i % 2 == 0 ? portA : nodeB.port();
			results.add(pool.submit(() -> {
				start.await();
				return client.send(post(port, "/letters/" + code + "/adopt", "_csrf=" + token),
						HttpResponse.BodyHandlers.discarding()).statusCode();
			}));
		}
		start.countDown();
		int won = 0;
		int refused = 0;
		for (Future<Integer> result : results) {
			int status = result.get();
			if (status == 302) {
				won++;
			}
			else if (status == 409) {
				refused++;
			}
		}
		pool.shutdown();

		assertThat(won).isEqualTo(1);
		assertThat(refused).isEqualTo(29);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				WHERE l.code = ? AND h.to_status = 'ADOPTED'""").param(code).query(Long.class).single()).isEqualTo(1);
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	private static void signIn(HttpClient client, int port, String email) throws Exception {
		String token = csrf(client.send(get(port, "/login"), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<Void> response = client.send(post(port, "/login", "email=" + URLEncoder.encode(email,
				StandardCharsets.UTF_8) + "&password=parol-12345&_csrf=" + token), HttpResponse.BodyHandlers.discarding());
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
