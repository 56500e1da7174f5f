package az.asan.mektub.platform.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A penetration tester planted an anonymous CSRF cookie with its token (as a sibling subdomain can)
 * next to a volunteer's session: a signed-in person's token lives in their session, so the planted
 * pair is refused, while the volunteer's own token still works and anonymous visitors keep theirs in
 * a cookie without a session row.
 */
@IntegrationTest
@AppCsrfTokens
class PlantedCsrfCookieIntegrationTest extends IntegrationTestBase {

	@Test
	void anAnonymousCookieAndItsTokenAreRefusedWithAVolunteersSession() throws Exception {
		// the attacker's own anonymous pair, taken from the sign-in page
		CookieManager attackerCookies = new CookieManager();
		HttpClient attacker = HttpClient.newBuilder().cookieHandler(attackerCookies).build();
		long sessions = jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single();
		String plantedToken = csrfOf(attacker.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body());
		String plantedCookie = cookie(attackerCookies, "ASANCSRF");
		assertThat(plantedCookie).isNotNull();
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single()).isEqualTo(sessions);

		// the volunteer signs in
		CookieManager volunteerCookies = new CookieManager();
		HttpClient volunteer = HttpClient.newBuilder().cookieHandler(volunteerCookies).build();
		String loginToken = csrfOf(volunteer.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> signedIn = volunteer.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form("email=volunteer%40demo.az&password=demo12345&_csrf=" + enc(loginToken)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		String session = cookie(volunteerCookies, "ASANSESSION");
		assertThat(session).isNotNull();

		// the volunteer's browser sends the planted cookie with their session, and the attacker's token
		String body = "handoverPointId=&count=8&_csrf=" + enc(plantedToken);
		HttpResponse<String> forged = HttpClient.newHttpClient().send(request("/volunteer/paper-tree")
			.header("Cookie", "ASANSESSION=" + session + "; ASANCSRF=" + plantedCookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);

		// their own page's token still works
		String own = csrfOf(volunteer.send(request("/volunteer/paper-tree").build(), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> genuine = volunteer.send(request("/volunteer/paper-tree")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(form("handoverPointId=&count=8&_csrf=" + enc(own)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(genuine.statusCode()).isEqualTo(200);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
	}

	private static HttpRequest.BodyPublisher form(String body) {
		return HttpRequest.BodyPublishers.ofString(body);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String cookie(CookieManager cookies, String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue).findFirst().orElse(null);
	}

	private static String csrfOf(String page) throws IOException {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		return csrf.group(1);
	}

}
