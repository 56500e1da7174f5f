package az.asan.mektub.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address no page answers is the app's own 404 page in the visitor's language, for everyone: an
 * anonymous visitor is not sent to sign in first. Pages that need a signed-in person still ask for it.
 */
@IntegrationTest
class UnknownPagesIntegrationTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest
	@CsvSource({ "/nonexistent,az,Səhifə tapılmadı", "/nonexistent?lang=en,en,Page not found",
			"/no/such/page?lang=ru,ru,Страница не найдена", "/sitemap-of-nothing.xml,az,Səhifə tapılmadı",
			"/wp-login.php,az,Səhifə tapılmadı" })
	void anAnonymousVisitorAskingForAnUnknownAddressGetsThe404PageInTheirLanguage(String path, String lang,
			String heading) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.body()).contains(heading).contains("lang=\"" + lang + "\"").contains("<h1");
	}

	@Test
	void pagesThatNeedASignedInPersonStillSendAnonymousVisitorsToSignIn() throws Exception {
		for (String path : new String[] { "/me", "/volunteer", "/reports", "/admin", "/volunteer/letters/ABCDEFGHJKLM" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
		}
	}

	@Test
	void managementAddressesAreUnknownToAnyoneButAnAdministrator() throws Exception {
		// The metrics live behind the ADMIN role (their own filter chain); to everyone else they do not exist.
		for (String path : new String[] { "/actuator/env", "/actuator/prometheus" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
