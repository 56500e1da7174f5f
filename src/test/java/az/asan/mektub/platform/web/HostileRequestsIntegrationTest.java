package az.asan.mektub.platform.web;

import az.asan.mektub.tree.QrCodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestImages;
import az.asan.mektub.TestLetters;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Requests of shapes no browser sends, from a penetration test: each one is answered in
 * milliseconds, as an ignored filter or a 400 on the app's own page, never a 500 or a bare
 * container page; and nothing a request says decides an absolute link or a page kept for others.
 */
@IntegrationTest
class HostileRequestsIntegrationTest extends IntegrationTestBase {

	private static final Duration QUICK = Duration.ofSeconds(3);

	@Autowired
	Links links;

	@Autowired
	QrCodes qrCodes;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@BeforeEach
	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM login_attempt").update();
	}

	@Test
	void aCostFilterWithAHugeExponentIsIgnoredInMilliseconds() throws Exception {
		for (String query : new String[] { "costMax=-1e-100000000", "costMin=1e-10000000", "costMax=1e999999999",
				"ageMin=-2147483648&ageMax=99999", "page=2147483647", "page=100000000" }) {
			long started = System.nanoTime();
			HttpResponse<String> response = send(request("/tree?" + query));
			assertThat(response.statusCode()).as(query).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as(query).isLessThan(QUICK);
		}
	}

	@Test
	void moreParametersThanTheContainerReadsIsA400OnTheAppsOwnPageWithItsHeaders() throws Exception {
		String many = String.join("&", java.util.Collections.nCopies(1001, "a=1"));
		for (String path : new String[] { "/tree?", "/about?lang=en&", "/letters/NOSUCHLETTER?" }) {
			HttpResponse<String> response = send(request(path + many));
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(response.body()).doesNotContain("Exception").contains("<html");
		}
		String form = String.join("&", java.util.Collections.nCopies(1001, "b=2"));
		HttpResponse<String> posted = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(posted.statusCode()).isIn(400, 403);
		assertThat(posted.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(send(request("/tree?" + String.join("&", java.util.Collections.nCopies(999, "a=1")))).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aNulCharacterInAParameterIsA400OnTheAppsOwnPage() throws Exception {
		HttpResponse<String> response = send(request("/tree?q=%00&lang=en"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The request was not understood", "lang=\"en\"").doesNotContain("Exception");

		mvc.perform(get("/volunteer/letters").param("q", "\u0000").with(user(users.loadUserByUsername("volunteer@demo.az"))))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(400));
	}

	@Test
	void pagesYearsAndDatesOutOfAnySaneRangeAreIgnoredNotSentToTheDatabase() throws Exception {
		var volunteer = user(users.loadUserByUsername("volunteer@demo.az"));
		var staff = user(users.loadUserByUsername("staff@demo.az"));
		for (String page : new String[] { "100000000", "2147483647", "-2147483648" }) {
			assertOk(get("/volunteer/letters").param("page", page).with(volunteer));
			assertOk(get("/admin/users").param("page", page).with(staff));
		}
		for (String report : new String[] { "/reports", "/reports/regions", "/reports/duplicates", "/reports/donors",
				"/reports/regions.csv" }) {
			assertOk(get(report).param("year", "0").with(staff));
			assertOk(get(report).param("year", "99999999").with(staff));
			assertOk(get(report).param("from", "-999999999-01-01").param("to", "+999999999-12-31").with(staff));
		}
	}

	@Test
	void forwardedHeadersFromAVisitorAreNotBelieved() throws Exception {
		HttpResponse<String> spaced = send(request("/tree").header("X-Forwarded-Prefix", "/evil prefix"));
		assertThat(spaced.statusCode()).isEqualTo(200);

		HttpResponse<String> poisoned = send(request("/tree?view=list").header("X-Forwarded-Prefix", "/evilprefix")
			.header("X-Forwarded-Host", "evil.example"));
		assertThat(poisoned.statusCode()).isEqualTo(200);
		assertThat(poisoned.body()).doesNotContain("/evilprefix").doesNotContain("evil.example");
		assertThat(send(request("/tree?view=list")).body()).doesNotContain("/evilprefix");

		// a visitor cannot make the cookie Secure-less by claiming https either way: over plain HTTP no HSTS
		HttpResponse<String> proto = send(request("/").header("X-Forwarded-Proto", "https"));
		assertThat(proto.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void qrCodesCarryThePublicAddressAndPicturesAreRevalidated() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, TestLetters.Spec.of("Aygün", 8));

		HttpResponse<String> qr = send(request("/letters/" + code + "/qr.svg").header("X-Forwarded-Host", "evil.example"));
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.body()).isEqualTo(qrCodes.svg(links.absolute("/letters/" + code + "?qr")));
		assertThat(qr.headers().firstValue("Cache-Control").orElseThrow()).doesNotContain("public");

		jdbc.sql("UPDATE letter SET scan_shareable = true WHERE code = ?").param(code).update();
		jdbc.sql("""
				INSERT INTO letter_image (letter_id, kind, content_type, bytes)
				SELECT id, 'SCAN', 'image/jpeg', ? FROM letter WHERE code = ?""")
			.params(TestImages.jpeg(40, 30), code)
			.update();
		HttpResponse<byte[]> picture = http.send(request("/letters/" + code + "/picture.jpg").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(picture.statusCode()).isEqualTo(200);
		assertThat(picture.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache", "private")
			.doesNotContain("max-age=600");
		String etag = picture.headers().firstValue("ETag").orElseThrow();
		assertThat(send(request("/letters/" + code + "/picture.jpg").header("If-None-Match", etag)).statusCode())
			.isEqualTo(304);

		// once adopted, revalidating says it is gone
		jdbc.sql("UPDATE letter SET status = 'WITHDRAWN' WHERE code = ?").param(code).update();
		assertThat(send(request("/letters/" + code + "/picture.jpg").header("If-None-Match", etag)).statusCode())
			.isEqualTo(404);
	}

	@Test
	void likeWildcardsInASearchStandForThemselves() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		TestLetters test = new TestLetters(letters, tx, jdbc);
		String plain = test.published(campaign, TestLetters.Spec.of("Aygün", 8)
			.wish("Qırmızı velosiped istəyirəm", az.asan.mektub.letter.Category.TOY));
		String percent = test.published(campaign, TestLetters.Spec.of("Nərmin", 9)
			.wish("100% pambıq idman forması", az.asan.mektub.letter.Category.CLOTHES));
		// each is found by a word of its wish
		assertThat(send(request("/tree?campaign=" + campaign + "&q=velosiped")).body()).contains("/letters/" + plain);
		assertThat(send(request("/tree?campaign=" + campaign + "&q=pamb")).body()).contains("/letters/" + percent);
		for (String q : new String[] { "%25", "_", "%5C" }) {
			String page = send(request("/tree?campaign=" + campaign + "&q=" + q)).body();
			assertThat(page).as(q).doesNotContain("/letters/" + plain);
		}
		assertThat(send(request("/tree?campaign=" + campaign + "&q=%25")).body()).contains("/letters/" + percent);
	}

	@Test
	void aThirtyMegabyteUploadIsAnsweredWithTheAppsOwnPageInTheUsersLanguage() throws Exception {
		signIn("volunteer@demo.az");
		send(request("/volunteer?lang=en"));
		String csrf = csrfOf(send(request("/volunteer/letters/new")).body());
		String boundary = "----asan" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"big.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(new byte[30 * 1024 * 1024]);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> response = send(request("/volunteer/letters/new")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("The file is too large", "lang=\"en\"").doesNotContain("Apache Tomcat");
	}

	@Test
	void aTooLargeSpreadsheetIsCalledAFileOnTheSignedInPageAndATooLongFormAForm() throws Exception {
		signIn("volunteer@demo.az");
		send(request("/volunteer?lang=en"));
		String csrf = csrfOf(send(request("/volunteer/letters/import")).body());
		String boundary = "----asan" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letters.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(new byte[30 * 1024 * 1024]);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> spreadsheet = send(request("/volunteer/letters/import")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

		assertThat(spreadsheet.statusCode()).isEqualTo(413);
		assertThat(spreadsheet.body()).contains("Choose a smaller file (at most 20 MB)").doesNotContain("picture")
			// the signed-in person's menu, not the visitor's
			.contains("action=\"/logout\"");

		HttpResponse<String> longForm = send(request("/password/forgot")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + "a".repeat(3 * 1024 * 1024))));
		assertThat(longForm.statusCode()).isEqualTo(413);
		assertThat(longForm.body()).contains("The text sent with the form is longer than allowed")
			.doesNotContain("The file sent");
	}

	private void assertOk(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		long started = System.nanoTime();
		mvc.perform(request).andExpect(result -> assertThat(result.getResponse().getStatus())
			.as(result.getRequest().getRequestURI() + "?" + result.getRequest().getQueryString())
			.isEqualTo(200));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrfOf(String page) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		return csrf.group(1);
	}

	private void signIn(String email) throws IOException, InterruptedException {
		String csrf = csrfOf(send(request("/login")).body());
		HttpResponse<String> response = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
					+ "&password=demo12345&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

}
