package az.asan.mektub.platform.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.SqlCounter;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The session store: a signed-in request reads its session once and writes nothing unless something
 * changed; requests of one session at once never fail on it; a visitor who has not signed in has no
 * session row at all, and signing in, CSRF, the saved page and flash messages still work without one.
 */
@IntegrationTest
@AppCsrfTokens
class SessionStoreIntegrationTest extends IntegrationTestBase {

	private static final String PASSWORD = "parol-12345";

	@BeforeEach
	void donor() {
		accounts.create("reader@sessions.test", PASSWORD, "Sessiya Oxucusu", Role.DONOR, Set.of());
	}

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM spring_session WHERE principal_name LIKE '%@sessions.test'").update();
		TestPeople.remove(jdbc, "%@sessions.test");
	}

	@Test
	void aSignedInPageReadsItsSessionOnceAndWritesNothing() throws Exception {
		Cookie session = mvc
			.perform(formLogin("/login").userParameter("email").user("reader@sessions.test").password(PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("ASANSESSION");
		assertThat(session).isNotNull();
		mvc.perform(get("/about").cookie(session)).andExpect(status().isOk());
		long lastAccess = lastAccess(session.getValue());

		SqlCounter.reset();
		String page = mvc.perform(get("/about").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// one SELECT of the session and its attributes; no transaction statements, no UPDATE, no second read
		assertThat(SqlCounter.count()).isEqualTo(1);
		assertThat(lastAccess(session.getValue())).isEqualTo(lastAccess);
		assertThat(page).contains("Sessiya Oxucusu").contains("/me/adoptions").doesNotContain("/volunteer\"");
	}

	@Test
	void onEverySignedInPageTheSessionCostsOneStatement() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Sayılan", 8));
		String[][] people = { { "reader@sessions.test", PASSWORD, "/tree", "/letters/" + code, "/me/adoptions" },
				{ "volunteer@demo.az", "demo12345", "/volunteer" }, { "staff@demo.az", "demo12345", "/reports", "/reports/regions" } };
		for (String[] person : people) {
			Cookie session = mvc.perform(formLogin("/login").userParameter("email").user(person[0]).password(person[1]))
				.andReturn()
				.getResponse()
				.getCookie("ASANSESSION");
			for (int i = 2; i < person.length; i++) {
				mvc.perform(get(person[i]).cookie(session)).andExpect(status().isOk());
				SqlCounter.reset();
				mvc.perform(get(person[i]).cookie(session)).andExpect(status().isOk());
				List<String> ofTheSession = SqlCounter.statements()
					.stream()
					.filter(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains("spring_session"))
					.toList();
				System.out.println("statements of " + person[i] + " for " + person[0] + ": " + SqlCounter.count()
						+ ", of which for the session: " + ofTheSession.size());
				assertThat(ofTheSession).as(person[i]).singleElement().satisfies(sql -> assertThat(sql.strip()).startsWithIgnoringCase("SELECT"));
				assertThat(SqlCounter.statements()).as(person[i]).noneMatch(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains("synchronous_commit"));
			}
		}
	}

	@Test
	void theLastAccessIsWrittenWhenItIsAMinuteOld() throws Exception {
		Cookie session = mvc
			.perform(formLogin("/login").userParameter("email").user("reader@sessions.test").password(PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("ASANSESSION");
		long signedInAt = lastAccess(session.getValue());
		jdbc.sql("""
				UPDATE spring_session SET last_access_time = last_access_time - 120000, expiry_time = expiry_time - 120000
				WHERE session_id = ?""").param(sessionId(session.getValue())).update();

		mvc.perform(get("/about").cookie(session)).andExpect(status().isOk());

		long touched = lastAccess(session.getValue());
		assertThat(touched).isGreaterThanOrEqualTo(signedInAt);
		assertThat(jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE session_id = ?")
			.param(sessionId(session.getValue()))
			.query(Long.class)
			.single()).isEqualTo(8 * 3600 * 1000L);
	}

	@Test
	void twentyRequestsOfOneSessionAtOnceNeverAnswer500() throws Exception {
		// one donor pressing "adopt" on ten letters at once, in ten tabs, while reading My letters in ten more:
		// every adoption leaves a flash message in the session, and they all add it at the same moment
		long campaign = TestCampaigns.open(jdbc);
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			codes.add(testLetters.published(campaign, Spec.of("Paralel" + i, 8)));
		}
		Browser browser = new Browser();
		browser.signIn("reader@sessions.test");
		String token = csrf(browser.get("/me").body());

		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String adopt = i % 2 == 0 ? "/letters/" + codes.get(i / 2) + "/adopt" : null;
			answers.add(pool.submit(() -> {
				start.await();
				return adopt != null ? browser.post(adopt, "_csrf=" + token).statusCode()
						: browser.get("/me/adoptions").statusCode();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();

		assertThat(statuses).as("answers").allMatch(status -> status == 200 || status == 302 || status == 409);
		assertThat(statuses).as("adoptions answered").filteredOn(status -> status == 302 || status == 409).hasSize(10);
		assertThat(browser.get("/me/adoptions").statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM spring_session_attributes a JOIN spring_session s ON s.primary_id = a.session_primary_id
				WHERE s.principal_name = 'reader@sessions.test' AND a.attribute_name LIKE '%FLASH%'""")
			.query(Long.class)
			.single()).isLessThanOrEqualTo(1);
	}

	@Test
	void nothingASignedInRequestReadsFromItsSessionIsJavaSerialised() throws Exception {
		int region = jdbc.sql("SELECT id FROM region WHERE code = 'AZ-SAK'").query(Integer.class).single();
		accounts.create("desk@sessions.test", PASSWORD, "Sessiya Könüllüsü", Role.VOLUNTEER, Set.of(region));
		Browser volunteer = new Browser();
		volunteer.signIn("desk@sessions.test");
		String desk = volunteer.get("/volunteer").body();
		assertThat(desk).contains("Sessiya Könüllüsü").contains("Şəki");
		assertThat(volunteer.get("/volunteer").body()).contains("Şəki");

		List<String> stored = jdbc.sql("""
				SELECT a.attribute_name || '=' || get_byte(a.attribute_bytes, 0) FROM spring_session_attributes a
				JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.principal_name = 'desk@sessions.test'""")
			.query(String.class)
			.list();
		// the security context, the CSRF token and the volunteer's regions, each in its own compact form
		assertThat(stored).hasSizeGreaterThanOrEqualTo(3).noneMatch(attribute -> attribute.endsWith("=172"));
	}

	@Test
	void aVisitorWhoHasNotSignedInHasNoSessionRow() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Sessiyasız", 8));
		long before = System.currentTimeMillis() - 1;
		Browser visitor = new Browser();

		for (String path : new String[] { "/", "/tree", "/tree?view=list", "/login", "/register", "/letters/" + code,
				"/about", "/impact", "/password/forgot", "/about?lang=en", "/me", "/me/adoptions", "/volunteer",
				"/no-such-page" }) {
			HttpResponse<String> response = visitor.get(path);
			assertThat(response.statusCode()).as(path).isIn(200, 302, 404);
			assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("ASANSESSION"));
		}
		// a wrong password, and a form sent back with mistakes, keep no session either
		String token = csrf(visitor.get("/login").body());
		assertThat(visitor.post("/login", "email=reader%40sessions.test&password=wrong-one-1&_csrf=" + token)
			.headers()
			.firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
		assertThat(visitor.get("/login?error").body()).contains("Wrong e-mail or password");
		token = csrf(visitor.get("/register").body());
		assertThat(visitor.post("/register", "email=&_csrf=" + token).statusCode()).isEqualTo(200);

		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE creation_time >= ?")
			.param(before)
			.query(Long.class)
			.single()).isZero();
		// the language chosen without a session is kept in its own cookie
		assertThat(visitor.get("/about").body()).contains("Sign in");
	}

	@Test
	void signingInCsrfTheSavedPageAndFlashMessagesWorkWithoutASessionBeforehand() throws Exception {
		Browser donor = new Browser();
		// sent to sign in on the way to a page, and back to it afterwards
		HttpResponse<String> sentAway = donor.get("/me/adoptions");
		assertThat(sentAway.statusCode()).isEqualTo(302);
		assertThat(sentAway.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		String loginToken = csrf(donor.get("/login").body());
		HttpResponse<String> signedIn = donor.post("/login",
				"email=reader%40sessions.test&password=" + PASSWORD + "&_csrf=" + loginToken);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/me/adoptions")
			.doesNotContain("login");
		assertThat(donor.get("/me/adoptions").statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'reader@sessions.test'")
			.query(Long.class)
			.single()).isEqualTo(1);

		// CSRF holds: no token, a token of someone else's page, and the token of the page before signing in
		String token = csrf(donor.get("/me").body());
		String form = "fullName=Yeni+Ad&phone=&language=az";
		assertThat(donor.post("/me", form).statusCode()).isEqualTo(403);
		assertThat(donor.post("/me", form + "&_csrf=" + csrf(new Browser().get("/login").body())).statusCode())
			.isEqualTo(403);
		assertThat(donor.post("/me", form + "&_csrf=" + loginToken).statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT full_name FROM app_user WHERE email = 'reader@sessions.test'")
			.query(String.class)
			.single()).isEqualTo("Sessiya Oxucusu");

		// with the page's own token the change is made and its flash message shown once
		HttpResponse<String> saved = donor.post("/me", form + "&_csrf=" + token);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(donor.get("/me").body()).contains("Profil yadda saxlanıldı.");
		assertThat(donor.get("/me").body()).doesNotContain("Profil yadda saxlanıldı.");
		assertThat(jdbc.sql("SELECT full_name FROM app_user WHERE email = 'reader@sessions.test'")
			.query(String.class)
			.single()).isEqualTo("Yeni Ad");

		// signing out ends the session row
		assertThat(donor.post("/logout", "_csrf=" + csrf(donor.get("/me").body())).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'reader@sessions.test'")
			.query(Long.class)
			.single()).isZero();
		assertThat(donor.get("/me").statusCode()).isEqualTo(302);
	}

	private long lastAccess(String cookie) {
		return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
			.param(sessionId(cookie))
			.query(Long.class)
			.single();
	}

	/**
	 * The session's row: the cookie carries the id in Base64, the database its keyed hash (pen test 2,
	 * item 4; see SessionIdsAtRestIntegrationTest).
	 */
	private String sessionId(String cookie) {
		return sessionIds.hash(new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8));
	}

	@org.springframework.beans.factory.annotation.Autowired
	SessionStore.HashedIds sessionIds;

	private static String csrf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	/** A browser: keeps its cookies, follows no redirects. */
	private final class Browser {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		void signIn(String email) throws Exception {
			String token = csrf(get("/login").body());
			HttpResponse<String> response = post("/login",
					"email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + PASSWORD + "&_csrf=" + token);
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
			assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).contains("ASANSESSION");
		}

	}

}
