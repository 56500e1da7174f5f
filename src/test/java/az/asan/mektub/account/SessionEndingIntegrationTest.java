package az.asan.mektub.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a session stands for stops being true: the person's open sessions end at once, on every node
 * (sessions are rows in PostgreSQL). Real HTTP with cookies, as a browser keeps a session.
 */
@IntegrationTest
class SessionEndingIntegrationTest extends IntegrationTestBase {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@BeforeEach
	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM login_attempt").update();
		TestPeople.remove(jdbc, "%@sessions.test");
	}

	@Test
	void aLockedVolunteersOpenSessionCanNoLongerReadTheVolunteersPages() throws Exception {
		long id = accounts.create("locked@sessions.test", "kilid-parol-31", "Kamran Könüllü", Role.VOLUNTEER,
				Set.of(region("AZ-GA"))).getId();
		Browser volunteer = new Browser();
		volunteer.signIn("locked@sessions.test", "kilid-parol-31");
		assertThat(volunteer.get("/volunteer").statusCode()).isEqualTo(200);

		Browser staff = new Browser();
		staff.signIn("staff@demo.az", "demo12345");
		assertThat(staff.post("/admin/users/" + id + "/lock", "locked=true", "/admin/users/" + id).statusCode())
			.isEqualTo(302);

		HttpResponse<String> after = volunteer.get("/volunteer");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(volunteer.signInAnswer("locked@sessions.test", "kilid-parol-31")).contains("error");
	}

	@Test
	void aDemotedStaffMemberLosesReportsAndAdministrationAtOnce() throws Exception {
		long id = accounts.create("demoted@sessions.test", "isci-parol-47", "Sevda Əməkdaş", Role.STAFF, Set.of())
			.getId();
		Browser former = new Browser();
		former.signIn("demoted@sessions.test", "isci-parol-47");
		assertThat(former.get("/reports").statusCode()).isEqualTo(200);
		assertThat(former.get("/admin/users").statusCode()).isEqualTo(200);

		Browser admin = new Browser();
		admin.signIn("admin@demo.az", "demo12345");
		assertThat(admin.post("/admin/users/" + id + "/role", "role=DONOR", "/admin/users/" + id).statusCode())
			.isEqualTo(302);

		assertThat(former.get("/reports").statusCode()).isEqualTo(302);
		assertThat(former.get("/admin/users").statusCode()).isEqualTo(302);
		// signing in again gives the new role only
		former.signIn("demoted@sessions.test", "isci-parol-47");
		assertThat(former.get("/reports").statusCode()).isEqualTo(403);
	}

	@Test
	void changingThePasswordEndsEveryOtherSessionButKeepsTheOneItWasChangedIn() throws Exception {
		accounts.create("two@sessions.test", "iki-parol-58", "Nurlan İkili", Role.DONOR, Set.of());
		Browser phone = new Browser();
		phone.signIn("two@sessions.test", "iki-parol-58");
		Browser laptop = new Browser();
		laptop.signIn("two@sessions.test", "iki-parol-58");
		assertThat(phone.get("/me").statusCode()).isEqualTo(200);

		HttpResponse<String> changed = laptop.post("/me/password",
				"currentPassword=iki-parol-58&password=yeni-uzun-parol-59&passwordConfirmation=yeni-uzun-parol-59",
				"/me/password");
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/me");

		assertThat(laptop.get("/me").statusCode()).isEqualTo(200);
		assertThat(phone.get("/me").statusCode()).isEqualTo(302);
	}

	/** A session keeps the volunteer's regions (issue 17): a change of regions must end it, and the next sign-in sees the new ones. */
	@Test
	void aVolunteerWhoseRegionsChangeIsSignedOutAndSeesTheNewRegionsOnSigningInAgain() throws Exception {
		long id = accounts.create("moved@sessions.test", "kocurulen-parol-63", "Rauf Köçürülən", Role.VOLUNTEER,
				Set.of(region("AZ-GA"))).getId();
		Browser volunteer = new Browser();
		volunteer.signIn("moved@sessions.test", "kocurulen-parol-63");
		assertThat(volunteer.get("/volunteer").body()).contains("Gəncə").doesNotContain("Şəki");

		Browser staff = new Browser();
		staff.signIn("staff@demo.az", "demo12345");
		assertThat(staff.post("/admin/users/" + id + "/regions", "regionIds=" + region("AZ-SA"), "/admin/users/" + id)
			.statusCode()).isEqualTo(302);

		assertThat(volunteer.get("/volunteer").statusCode()).isEqualTo(302);
		volunteer.signIn("moved@sessions.test", "kocurulen-parol-63");
		String desk = volunteer.get("/volunteer").body();
		assertThat(desk).contains("Şəki").doesNotContain("Gəncə");
	}

	/** One browser: its own cookies, following no redirects. */
	private final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** Posts a form from the page it is on, with that page's CSRF token. */
		HttpResponse<String> post(String path, String form, String fromPage) throws IOException, InterruptedException {
			Matcher csrf = CSRF.matcher(get(fromPage).body());
			assertThat(csrf.find()).as("a CSRF token on " + fromPage).isTrue();
			return http.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		void signIn(String email, String password) throws IOException, InterruptedException {
			assertThat(signInAnswer(email, password)).doesNotContain("error");
		}

		String signInAnswer(String email, String password) throws IOException, InterruptedException {
			HttpResponse<String> response = post("/login", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), "/login");
			assertThat(response.statusCode()).isEqualTo(302);
			return response.headers().firstValue("Location").orElseThrow();
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + port + path);
		}

	}

}
