package az.asan.mektub.platform.web;

import java.io.IOException;
import java.net.CookieManager;
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

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Error pages need a real servlet container (MockMvc does not forward to /error). */
@IntegrationTest
class ErrorPagesIntegrationTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void aDonorAskingForReportsGetsAFriendly403PageWithoutAStackTrace() throws Exception {
		signIn("donor@demo.az");
		HttpResponse<String> response = getHtml("/reports");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Bu səhifəyə girişiniz yoxdur").doesNotContain("Exception", "at org.");
	}

	@Test
	void anErrorPageShowsTheRequestsIdThatTheResponseCarries() throws Exception {
		signIn("volunteer@demo.az");
		HttpResponse<String> response = getHtml("/no-such-page?lang=en");

		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches("[0-9A-F]{8}");
		assertThat(response.body()).contains("Error code: " + id);
		// every request gets its own
		assertThat(getHtml("/no-such-page").headers().firstValue("X-Request-Id")).isNotEmpty().get().isNotEqualTo(id);
	}

	@Test
	void anUnknownPageIsAFriendly404InTheChosenLanguage() throws Exception {
		signIn("volunteer@demo.az");
		HttpResponse<String> response = getHtml("/no-such-page?lang=en");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found", "lang=\"en\"");
		assertThat(getHtml("/no-such-page?lang=ru").body()).contains("Страница не найдена");
	}

	private HttpResponse<String> getHtml(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void signIn(String email) throws IOException, InterruptedException {
		String login = getHtml("/login").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=demo12345&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

}
