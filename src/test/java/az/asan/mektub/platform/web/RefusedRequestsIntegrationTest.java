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
 * Requests the firewall refuses, as a penetration tester sent them: the app's own small page in the
 * visitor's language with every security header, never the layout without them or Spring Boot's JSON.
 */
@IntegrationTest
class RefusedRequestsIntegrationTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void oddPathsAreA400OnTheAppsOwnPageWithItsHeaders() throws Exception {
		for (String path : new String[] { "/volunteer//handover", "/volunteer/handover;x=1", "/tree;jsessionid=x" }) {
			for (String accept : new String[] { "text/html", "*/*" }) {
				HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", accept)
					.header("Accept-Language", "en")
					.header("Cookie", "ASANSESSION=whatever"));
				assertThat(response.statusCode()).as(path).isEqualTo(400);
				assertHeaders(response, path);
				assertThat(response.body()).as(path).contains("The request was not understood", "lang=\"en\"")
					.doesNotContain("logout", "\"status\"");
			}
		}
	}

	@Test
	void methodsNoBrowserSendsAreRefusedWithTheHeadersToo() throws Exception {
		for (String method : new String[] { "TRACE", "PROPFIND", "FOO" }) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/tree"))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.header("Accept", "*/*"));
			assertThat(response.statusCode()).as(method).isIn(400, 405);
			assertHeaders(response, method);
			assertThat(response.body()).as(method).contains("<h1>").doesNotContain("\"status\"");
		}
	}

	private static void assertHeaders(HttpResponse<String> response, String what) {
		assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
			.hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
		assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue(SecurityHeaders.REFERRER_POLICY);
		assertThat(response.headers().firstValue("Permissions-Policy")).as(what).isPresent();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
