package az.asan.mektub.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pen test 2, item 7: a client asking for JSON got Spring's default error body (timestamp, path, the
 * error's English name). Every error now answers in the app's own shape, {"status", "error" in the
 * visitor's language, "requestId" as in X-Request-Id}, and the page for anyone else.
 */
@IntegrationTest
class JsonErrorAnswersIntegrationTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anUnknownAddressAnswersTheAppsJsonInTheVisitorsLanguage() throws Exception {
		assertJson(get("/nonexistent", "application/json"), 404, "Səhifə tapılmadı");
		assertJson(get("/nonexistent?lang=en", "application/json"), 404, "Page not found");
		assertJson(get("/no/such/page?lang=ru", "application/json, text/plain, */*"), 404, "Страница не найдена");
		assertJson(get("/nonexistent", "application/problem+json"), 404, "Səhifə tapılmadı");
	}

	@Test
	void aValueThatIsNoNumberAnswersTheAppsJson() throws Exception {
		assertJson(get("/tree?page=%FF", "application/json"), 400, "Sorğu başa düşülmədi");
		assertJson(send(HttpRequest.newBuilder(uri("/letters/x?page=%FF")).header("Accept", "application/json")
			.header("Cookie", "ASANLANG=en")), 400, "The request was not understood");
	}

	@Test
	void aFormWithoutItsTokenATooLargeBodyAMethodNoBrowserSendsAndAFailureAnswerTheAppsJson() throws Exception {
		HttpResponse<String> forbidden = send(HttpRequest.newBuilder(uri("/password/forgot"))
			.header("Accept", "application/json")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=a%40b.test")));
		assertJson(forbidden, 403, "Bu səhifəyə girişiniz yoxdur");

		HttpResponse<String> tooLarge = send(HttpRequest.newBuilder(uri("/login"))
			.header("Accept", "application/json")
			.header("Accept-Language", "en")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("q=" + "c".repeat(3 * 1024 * 1024))));
		assertJson(tooLarge, 413, null);

		HttpResponse<String> method = send(HttpRequest.newBuilder(uri("/tree"))
			.method("PROPFIND", HttpRequest.BodyPublishers.noBody())
			.header("Accept", "application/json"));
		assertJson(method, 405, null);

		HttpResponse<String> bare = get("/error", "application/json");
		assertJson(bare, 500, "Nəsə alınmadı");
	}

	@Test
	void browsersAndOtherClientsStillGetThePage() throws Exception {
		for (String accept : new String[] { "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*",
				"application/xml", "image/png", "text/html, application/json" }) {
			HttpResponse<String> response = get("/nonexistent", accept);
			assertThat(response.statusCode()).as(accept).isEqualTo(404);
			assertThat(response.body()).as(accept).contains("<h1", "Səhifə tapılmadı").doesNotContain("\"status\"");
		}
	}

	private static void assertJson(HttpResponse<String> response, int status, String error) {
		String body = response.body();
		assertThat(response.statusCode()).as(body).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(body).startsWith("{\"status\":" + status + ",\"error\":\"")
			.endsWith(",\"requestId\":\"" + id + "\"}")
			.doesNotContain("timestamp", "path", "Exception", "trace");
		if (error != null) {
			assertThat(body).contains("\"error\":\"" + error + "\"");
		}
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
