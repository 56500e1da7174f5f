package az.asan.mektub.account;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pen test 2, item 6: a person sent to sign in on the way to a page went back to it by an absolute
 * address built from the request's Host header ({@code Location: http://evil.example/me}). The way
 * back is a path on this site, whatever Host the requests named.
 */
@IntegrationTest
class SignInRedirectIntegrationTest {

	private static final Pattern SET_COOKIE = Pattern.compile("(?im)^Set-Cookie: ([^=;\\s]+)=([^;\\r\\n]*)");

	@LocalServerPort
	int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	@Test
	void theWayBackAfterSigningInIsAPathNotTheHostTheRequestNamed() throws IOException {
		String asked = send("GET /me/mailbox?page=1 HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n");
		assertThat(header(asked, "Location")).isEqualTo("/login");

		String login = send("GET /login HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n");
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(token.find()).isTrue();
		String form = "email=donor%40demo.az&password=demo12345&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		String signedIn = send("POST /login HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n", form);

		assertThat(status(signedIn)).isEqualTo(302);
		assertThat(header(signedIn, "Location")).isEqualTo("/me/mailbox?page=1");
		assertThat(signedIn).doesNotContain("evil.example");
	}

	@Test
	void withoutAPageToGoBackToAPersonLandsOnTheirHomeByPath() throws IOException {
		String login = send("GET /login HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n");
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(token.find()).isTrue();
		String form = "email=volunteer%40demo.az&password=demo12345&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		String signedIn = send("POST /login HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n", form);
		assertThat(header(signedIn, "Location")).isEqualTo("/volunteer");
	}

	private String send(String head) throws IOException {
		return send(head, "");
	}

	/** One request over a plain socket (no client library lets a test name the Host), keeping cookies. */
	private String send(String head, String body) throws IOException {
		StringBuilder request = new StringBuilder(head);
		if (!cookies.isEmpty()) {
			request.append("Cookie: ");
			cookies.forEach((name, value) -> request.append(name).append('=').append(value).append("; "));
			request.setLength(request.length() - 2);
			request.append("\r\n");
		}
		request.append("Connection: close\r\n\r\n").append(body);
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(answer);
			String text = answer.toString(StandardCharsets.UTF_8);
			Matcher set = SET_COOKIE.matcher(text.substring(0, Math.max(0, text.indexOf("\r\n\r\n"))));
			while (set.find()) {
				if (set.group(2).isEmpty()) {
					cookies.remove(set.group(1));
				}
				else {
					cookies.put(set.group(1), set.group(2));
				}
			}
			return text;
		}
	}

	private static int status(String answer) {
		return Integer.parseInt(answer.substring(9, 12));
	}

	private static String header(String answer, String name) {
		Matcher matcher = Pattern.compile("(?im)^" + name + ": ([^\\r\\n]*)").matcher(answer);
		return matcher.find() ? matcher.group(1) : null;
	}

}
