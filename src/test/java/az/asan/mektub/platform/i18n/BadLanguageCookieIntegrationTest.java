package az.asan.mektub.platform.i18n;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pen test 2, item 1: a language cookie the app never wrote (planted by a sibling subdomain, say)
 * answered 500 on every page, the stylesheet and the health check included. Now the page is in
 * Azerbaijani and the cookie is replaced.
 */
@IntegrationTest
class BadLanguageCookieIntegrationTest extends IntegrationTestBase {

	@AfterEach
	void dropTestCampaigns() {
		TestCampaigns.dropAll(jdbc);
	}

	@Test
	void aCookieWithAValueTheAppNeverWroteIsIgnoredAndReplacedOnEveryKindOfAddress() throws IOException {
		String code = new TestLetters(letters, tx, jdbc).published(TestCampaigns.open(jdbc), Spec.of("Aysel", 9));
		for (String value : new String[] { "a%20b", "\"\"", "%FF", "de-x-<script>", "de", "en/x", "-" }) {
			for (String path : new String[] { "/login", "/", "/tree", "/letters/" + code, "/css/app.css",
					"/actuator/health" }) {
				String answer = get(path, "ASANLANG=" + value);
				assertThat(status(answer)).as(value + " " + path).isEqualTo(200);
				assertThat(answer).as(value + " " + path).containsIgnoringCase("Set-Cookie: ASANLANG=az;");
				if (!path.startsWith("/css") && !path.startsWith("/actuator")) {
					assertThat(answer).as(value + " " + path).contains("lang=\"az\"");
				}
			}
		}
	}

	@Test
	void aPlantedWayBackAfterSignInThatIsNoAddressIsDroppedNotA500() throws IOException {
		// pen test 3: a REDIRECT_URI cookie holding base64 of "http://evil.com\@host/me" (or "http://a b/")
		// answered 500 on every page of that browser, sign-in included
		for (String planted : new String[] { "http://evil.com\\@localhost:" + port + "/me", "http://a b/", "http://[x/" }) {
			String value = java.util.Base64.getEncoder().encodeToString(planted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			for (String path : new String[] { "/", "/tree", "/login" }) {
				String answer = get(path, "REDIRECT_URI=" + value);
				assertThat(status(answer)).as(planted + " " + path).isEqualTo(200);
			}
		}
	}

	@Test
	void theErrorPageOfABadCookieKeepsItsStyle() throws IOException {
		String page = get("/no-such-page", "ASANLANG=a%20b");
		assertThat(status(page)).isEqualTo(404);
		assertThat(page).contains("lang=\"az\"", "Səhifə tapılmadı");
		assertThat(status(get("/css/app.css", "ASANLANG=a%20b"))).isEqualTo(200);
	}

	@Test
	void aGoodCookieBesideAPlantedOneStillChoosesTheLanguage() throws IOException {
		String page = get("/login", "ASANLANG=%FF; ASANLANG=en");
		assertThat(status(page)).isEqualTo(200);
		assertThat(page).contains("lang=\"en\"").doesNotContainIgnoringCase("Set-Cookie: ASANLANG=");
		String own = get("/login", "ASANLANG=ru");
		assertThat(own).contains("lang=\"ru\"").doesNotContainIgnoringCase("Set-Cookie: ASANLANG=");
	}

	private String get(String path, String cookie) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: "
						+ (path.startsWith("/actuator") ? "*/*" : "text/html") + "\r\nCookie: " + cookie
						+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	private static int status(String answer) {
		return Integer.parseInt(answer.substring(9, 12));
	}

}
