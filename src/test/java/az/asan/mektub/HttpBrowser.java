package az.asan.mektub;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** One browser over real HTTP: its own cookies, following no redirects. */
public final class HttpBrowser {

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	public HttpBrowser(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A page that answers 200, parsed. */
	public Document page(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	public HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
		return post(path, "", token);
	}

	/** Posts a form (URL-encoded fields) with a CSRF token. */
	public HttpResponse<String> post(String path, String form, String token) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Signs in through the login form; fails the test if that does not work. */
	public void signIn(String email, String password) throws IOException, InterruptedException {
		String token = page("/login").select("input[name=_csrf]").val();
		HttpResponse<String> response = post("/login", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), token);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
