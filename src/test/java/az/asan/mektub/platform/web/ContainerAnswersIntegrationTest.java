package az.asan.mektub.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a penetration test sent over a plain socket (no client library would send them): the
 * container's own refusals answer the app's small page in the visitor's language with the security
 * headers, never Tomcat's report; the app's early 400 and 413 pages carry those headers too; and a
 * redirect never names the host a request claims.
 */
@IntegrationTest
class ContainerAnswersIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void pathsTomcatRefusesAnswerTheAppsOwnPage() throws IOException {
		for (String path : new String[] { "/letters/%00", "/%00", "/letters/x%5cy", "/..;/admin" }) {
			String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
					+ "Connection: close\r\n\r\n");
			assertThat(status(answer)).as(path).isBetween(400, 404);
			assertOwnPage(answer, path);
		}
		String ru = raw("GET /%00 HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ru-RU,ru;q=0.9\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(ru).contains("lang=\"ru\"", "На главную");
		String az = raw("GET /%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(az).contains("lang=\"az\"", "Ana səhifəyə qayıt");
	}

	@Test
	void tooLargeUrlsHeadersAndFormsAnswerTheAppsOwnPage() throws IOException {
		String longUrl = raw("GET /tree?q=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(status(longUrl)).isEqualTo(400);
		// the container stops reading before the headers: the page is in the default language
		assertOwnPage(longUrl, "long URL", "az");

		String longHeader = raw("GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nX-Big: " + "b".repeat(9000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(status(longHeader)).isEqualTo(400);
		assertOwnPage(longHeader, "long header");

		String form = "q=" + "c".repeat(3 * 1024 * 1024);
		String bigForm = raw("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nAccept-Language: en\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
				+ "\r\nConnection: close\r\n\r\n" + form);
		// this one reaches the app (platform.web.RequestGuard): its own 413 page, in the app's language
		assertThat(status(bigForm)).isEqualTo(413);
		assertOwnPage(bigForm, "big form", "az");
		assertThat(bigForm).contains("Fayl çox böyükdür");
	}

	@Test
	void theAppsEarlyAnswersCarryTheSecurityHeaders() throws IOException {
		String nul = raw("GET /tree?q=%00 HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nAccept-Language: en\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(status(nul)).isEqualTo(400);
		assertHeaders(nul, "/tree?q=%00");
		assertThat(nul).contains("Sorğu başa düşülmədi");
	}

	@Test
	void redirectsDoNotNameTheClaimedHost() throws IOException {
		String answer = raw("GET /me HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
		assertThat(status(answer)).isEqualTo(302);
		String location = header(answer, "Location");
		assertThat(location).startsWith("/").doesNotContain("evil.example");
	}

	private static void assertOwnPage(String answer, String what) {
		assertOwnPage(answer, what, "en");
		assertThat(answer).as(what).contains("Back to the home page");
	}

	private static void assertOwnPage(String answer, String what, String language) {
		assertThat(answer).as(what).doesNotContainIgnoringCase("tomcat").doesNotContain("HTTP Status");
		assertThat(answer).as(what).contains("<html lang=\"" + language + "\"");
		assertHeaders(answer, what);
	}

	private static void assertHeaders(String answer, String what) {
		assertThat(header(answer, "Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
		assertThat(header(answer, "X-Frame-Options")).as(what).isEqualTo("DENY");
		assertThat(header(answer, "X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(header(answer, "Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
	}

	private static int status(String answer) {
		return Integer.parseInt(answer.substring(9, 12));
	}

	private static String header(String answer, String name) {
		String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return line.substring(colon + 1).strip();
			}
		}
		return "";
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and close before reading a large body
			}
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				int n;
				while ((n = in.read(buffer)) > 0) {
					answer.write(buffer, 0, n);
				}
			}
			catch (IOException ex) {
				// reset after the answer
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

}
