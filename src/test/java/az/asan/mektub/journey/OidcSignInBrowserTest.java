package az.asan.mektub.journey;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import az.asan.mektub.HttpBrowser;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestMail;
import az.asan.mektub.account.Role;
import az.asan.mektub.journey.TestIdentityProvider.Person;
import az.asan.mektub.notification.OutboxSender;
import az.asan.mektub.platform.security.LoginThrottle;
import az.asan.mektub.platform.security.OidcProvider;
import az.asan.mektub.web.Visitor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signing in with the national digital identity, in a browser, against a real OpenID Connect provider
 * running in the test JVM ({@link TestIdentityProvider}): authorization code with PKCE, state and
 * nonce, as the app does it with ASAN Login. The app runs with the provider configured and volunteers
 * and staff required to use it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcSignInBrowserTest extends JourneyTest {

	private static TestIdentityProvider provider;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry properties) {
		provider = new TestIdentityProvider();
		properties.add("asan.oidc.issuer-uri", provider::issuer);
		properties.add("asan.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
		properties.add("asan.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
		properties.add("asan.oidc.required-for-staff", () -> "true");
	}

	@AfterAll
	static void stopProvider() {
		if (provider != null) {
			provider.close();
			provider = null;
		}
	}

	@Autowired
	OutboxSender outbox;

	@Autowired
	OidcProvider oidc;

	@Autowired
	MessageSource messages;

	@Autowired
	LoginThrottle throttle;

	@BeforeEach
	void theProviderKnowsTheApp() {
		TestIdentityProvider.redirectUri = "http://localhost:" + port + "/login/oauth2/code/asan";
		TestIdentityProvider.behave();
	}

	@AfterEach
	void behave() {
		TestIdentityProvider.behave();
		TestCampaigns.dropAll(jdbc);
	}

	@Test
	@Order(1)
	void aProviderThatIsDownIsToldOnTheAppsOwnPageAndWasNotAskedAtStart() throws Exception {
		// the app started without reading the provider's configuration
		assertThat(TestIdentityProvider.REQUESTS).noneMatch(path -> path.contains("openid-configuration"));

		// down when its button is first pressed
		TestIdentityProvider.down = true;
		browser.open("/login");
		browser.click("#oidc-sign-in");
		assertThat(browser.url()).contains("/login?oidc=unavailable");
		assertThat(browser.text("#login-oidc-problem")).isEqualTo(message("login.oidc.unavailable"));
		// the address the button leads to, asked for directly: the same page, never the app's 500
		var direct = new HttpBrowser(port).get(OidcProvider.AUTHORIZATION_PATH);
		assertThat(direct.statusCode()).isEqualTo(302);
		assertThat(direct.headers().firstValue("Location").orElseThrow()).endsWith("/login?oidc=unavailable");

		// back again: the next press reaches it
		TestIdentityProvider.down = false;
		await().atMost(Duration.ofSeconds(15)).until(oidc::available);

		// down at its token endpoint after the person signed in there
		TestIdentityProvider.tokenEndpointDown = true;
		Person person = person("Tural", "Babayev");
		browser.open("/login");
		signInAtProvider(person);
		assertThat(browser.url()).contains("/login?oidc=unavailable");
		assertThat(browser.text("#login-oidc-problem")).isEqualTo(message("login.oidc.unavailable"));
		assertThat(accountOf(person.email())).isZero();
	}

	@Test
	@Order(2)
	void aNewPersonBecomesAVerifiedDonorNamedByTheProviderAndAdoptsAtOnce() {
		// given: a letter of an open campaign of its own
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Nərmin", 8).region("AZ-QBA"));
		Person person = person("Aysel", "Quliyeva");

		// a visitor presses "adopt", is sent to sign in, and signs in with the national identity
		browser.open("/letters/" + code);
		browser.click("#adopt");
		assertThat(browser.url()).contains("/login");
		signInAtProvider(person);

		// back on the letter, adopting without confirming any address
		assertThat(browser.url()).endsWith("/letters/" + code);
		browser.click("#adopt");
		assertThat(browser.url()).endsWith("/me/adoptions/" + code);

		// a donor, verified, named by the provider's claims, without a password, linked to the provider
		assertThat(jdbc.sql("""
				SELECT role || '|' || full_name || '|' || (email_confirmed_at IS NOT NULL) || '|' || (password_hash IS NULL)
				FROM app_user WHERE email = ?""").param(person.email()).query(String.class).single())
			.isEqualTo("DONOR|Aysel Quliyeva|true|true");
		assertThat(jdbc.sql("SELECT issuer FROM account_identity WHERE user_id = ?")
			.param(accountOf(person.email()))
			.query(String.class)
			.single()).isEqualTo(provider.issuer());

		// the code was asked for with PKCE (S256), a state and a nonce (the provider requires PKCE, too)
		String request = TestIdentityProvider.AUTHORIZATION_REQUESTS.get(TestIdentityProvider.AUTHORIZATION_REQUESTS.size() - 1);
		assertThat(request).contains("code_challenge_method=S256")
			.containsPattern("code_challenge=[A-Za-z0-9_-]{43}")
			.containsPattern("[?&]?state=[^&]+")
			.containsPattern("nonce=[^&]+")
			.contains("client_id=" + TestIdentityProvider.CLIENT_ID);
	}

	@Test
	@Order(3)
	void anAddressThatHasAnAccountIsLinkedOnlyAfterItsOwnerProvesItInThisBrowser() throws Exception {
		String email = email("owner");
		accounts.create(email, "köhnə-parol-42", "Rəşad Əliyev", Role.DONOR, Set.of());
		Person person = new Person("idp-" + UUID.randomUUID(), "provider-pass-1", email, "Rəşad", "Əliyev");
		TestIdentityProvider.add(person);

		// the provider vouches for the address: not signed in as its account on that word alone
		browser.open("/login");
		signInAtProvider(person);
		assertThat(browser.url()).endsWith("/login/oidc/link");
		assertThat(browser.text("#oidc-link-intro")).contains(email).contains("Rəşad Əliyev");
		assertThat(linked(email)).isFalse();
		browser.open("/me");
		assertThat(browser.url()).contains("/login");

		// a wrong password proves nothing
		browser.open("/login/oidc/link");
		browser.type("#password", "not-the-password-1");
		browser.click("#oidc-link-password button[type=submit]");
		assertThat(browser.find("#oidc-link-wrong").isDisplayed()).isTrue();
		assertThat(linked(email)).isFalse();

		// a mailed link: opened in another browser it links nothing
		browser.click("#oidc-link-mail button[type=submit]");
		assertThat(browser.find("#oidc-link-mailed").isDisplayed()).isTrue();
		List<String> mail = TestMail.awaitBodiesTo(email, outbox::sendPending);
		Matcher link = Pattern.compile("http://\\S+/login/oidc/link/confirm\\?token=\\S+").matcher(mail.get(mail.size() - 1));
		assertThat(link.find()).isTrue();
		var elsewhere = new HttpBrowser(port).get(link.group().replaceAll("https?://[^/]+", ""));
		assertThat(elsewhere.body()).contains("id=\"oidc-link-bad\"");
		assertThat(linked(email)).isFalse();

		// opened here, it proves the account: linked and signed in
		browser.open(link.group());
		assertThat(browser.url()).isEqualTo("http://localhost:" + port + "/");
		assertThat(linked(email)).isTrue();
		browser.open("/me");
		assertThat(browser.url()).endsWith("/me");

		// from now on the national identity goes straight in
		browser.driver().manage().deleteAllCookies();
		browser.open("/login");
		signInAtProvider(person);
		assertThat(browser.url()).isEqualTo("http://localhost:" + port + "/");
	}

	@Test
	@Order(4)
	void aVolunteerWhoMustUseTheProviderHasTheirPasswordRefusedAndProvesTheAccountWithIt() {
		String email = email("volunteer");
		accounts.create(email, "könüllü-parol-77", "Leyla Həsənova", Role.VOLUNTEER, Set.of());

		// the right password is refused, and the page says where to sign in
		browser.signIn(email, "könüllü-parol-77");
		assertThat(browser.url()).contains("/login?oidcRequired");
		assertThat(browser.text("#login-oidc-required")).isEqualTo(message("login.oidcRequired"));
		browser.open("/volunteer");
		assertThat(browser.url()).contains("/login");
		// a wrong one says only that it is wrong (nothing of the role)
		browser.signIn(email, "not-the-password-1");
		assertThat(browser.url()).contains("/login?error");

		// donors keep their password
		String donor = email("donor");
		accounts.create(donor, "donor-parol-55", "Elçin Məmmədov", Role.DONOR, Set.of());
		browser.signIn(donor, "donor-parol-55");
		assertThat(browser.url()).doesNotContain("/login");
		browser.driver().manage().deleteAllCookies();

		// the volunteer signs in with the national identity, proves the account once with its password
		Person person = new Person("idp-" + UUID.randomUUID(), "provider-pass-2", email, "Leyla", "Həsənova");
		TestIdentityProvider.add(person);
		browser.open("/login");
		signInAtProvider(person);
		assertThat(browser.url()).endsWith("/login/oidc/link");
		browser.type("#password", "könüllü-parol-77");
		browser.click("#oidc-link-password button[type=submit]");
		assertThat(browser.url()).endsWith("/volunteer");
		assertThat(linked(email)).isTrue();
	}

	@Test
	@Order(5)
	void anIdTokenSignedWithAKeyTheProviderDoesNotPublishOrCarryingAnotherNonceIsRefused() {
		Person person = person("Kamran", "Rzayev");

		TestIdentityProvider.signWithUnpublishedKey = true;
		browser.open("/login");
		signInAtProvider(person);
		assertThat(browser.url()).contains("/login?oidc=refused");
		assertThat(browser.text("#login-oidc-problem")).isEqualTo(message("login.oidc.refused"));

		TestIdentityProvider.behave();
		TestIdentityProvider.forgeNonce = true;
		browser.open("/login");
		signInAtProvider(person);
		assertThat(browser.url()).contains("/login?oidc=refused");
		assertThat(browser.text("#login-oidc-problem")).isEqualTo(message("login.oidc.refused"));

		assertThat(accountOf(person.email())).isZero();
		browser.open("/me");
		assertThat(browser.url()).contains("/login");
	}

	@Test
	@Order(6)
	void anAnswerToASignInThisBrowserDidNotStartIsRefusedOnTheAppsPage() {
		browser.open("/login/oauth2/code/asan?code=a-stolen-code&state=a-forged-state");
		assertThat(browser.url()).contains("/login?oidc=expired");
		assertThat(browser.text("#login-oidc-problem")).isEqualTo(message("login.oidc.expired"));
		browser.open("/me");
		assertThat(browser.url()).contains("/login");
	}

	/**
	 * The proof page's two forms, submitted as served (MockMvc, for the form inventory of
	 * FormTourIntegrationTest): the provider's answer is fetched over HTTP as a browser would follow it.
	 */
	@Test
	@Order(7)
	void theProofPagesFormsWorkAsServed() throws Exception {
		String email = email("served");
		accounts.create(email, "served-parol-31", "Nigar Səfərova", Role.DONOR, Set.of());
		Person person = new Person("idp-" + UUID.randomUUID(), "provider-pass-3", email, "Nigar", "Səfərova");
		TestIdentityProvider.add(person);
		Visitor visitor = Visitor.anonymous(mvc);
		// MockMvc's requests come to http://localhost, and the redirect address is made from the request
		TestIdentityProvider.redirectUri = "http://localhost/login/oauth2/code/asan";

		MvcResult start = visitor.request("/oauth2/authorization/asan");
		String callback = providerAnswer(start.getResponse().getRedirectedUrl(), person);
		Visitor.Page proof = visitor.follow(visitor.request(callback), callback);
		assertThat(proof.url()).isEqualTo("/login/oidc/link");

		Visitor.Page wrong = proof.form("#oidc-link-password").set("password", "not-the-password-1").submit();
		assertThat(wrong.document().select("#oidc-link-wrong")).isNotEmpty();
		Visitor.Page mailed = wrong.form("#oidc-link-mail").submit();
		assertThat(mailed.document().select("#oidc-link-mailed")).isNotEmpty();
		Visitor.Page home = mailed.form("#oidc-link-password").set("password", "served-parol-31").submit();
		assertThat(home.url()).isEqualTo("/");
		assertThat(linked(email)).isTrue();
	}

	/**
	 * The provider's callback is the visitor's own address: a parameter added to it (as {@code email}
	 * is at the password form) clears no other account's count of failed guesses.
	 */
	@Test
	@Order(8)
	void aCallbackNamingAnotherAddressLeavesThatAccountsGuessCountAsItWas() throws Exception {
		String victim = email("victim");
		accounts.create(victim, "victim-parol-41", "Səbinə Kərimova", Role.DONOR, Set.of());
		for (int i = 0; i < 3; i++) {
			throttle.failed(victim, "127.0.0.1");
		}
		String before = guessCount(victim);
		assertThat(before).startsWith("3|");

		Person attacker = person("Orxan", "Nəsibov");
		Visitor visitor = Visitor.anonymous(mvc);
		TestIdentityProvider.redirectUri = "http://localhost/login/oauth2/code/asan";
		String callback = providerAnswer(visitor.request("/oauth2/authorization/asan").getResponse().getRedirectedUrl(),
				attacker) + "&email=" + encode(victim);
		MvcResult signedIn = visitor.request(callback);

		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(accountOf(attacker.email())).isPositive();
		assertThat(guessCount(victim)).isEqualTo(before);
	}

	/** An address the provider does not vouch for (email_verified false) opens nothing and links nothing. */
	@Test
	@Order(9)
	void anAddressTheProviderHasNotVerifiedIsRefusedWithoutAnAccountOrALink() throws Exception {
		TestIdentityProvider.emailUnverified = true;
		TestIdentityProvider.redirectUri = "http://localhost/login/oauth2/code/asan";

		// a new address: no donor account is opened
		Person stranger = person("Fuad", "Hüseynov");
		Visitor visitor = Visitor.anonymous(mvc);
		String callback = providerAnswer(visitor.request("/oauth2/authorization/asan").getResponse().getRedirectedUrl(),
				stranger);
		Visitor.Page page = visitor.follow(visitor.request(callback), callback);
		assertThat(page.url()).isEqualTo("/login?oidc=unverified");
		assertThat(page.document().select("#login-oidc-problem").text()).isEqualTo(message("login.oidc.unverified"));
		assertThat(accountOf(stranger.email())).isZero();

		// an address with an account: no proof is even offered
		String email = email("unverified");
		accounts.create(email, "unverified-parol-12", "Aygün Vəliyeva", Role.DONOR, Set.of());
		Person claimant = new Person("idp-" + UUID.randomUUID(), "provider-pass-9", email, "Aygün", "Vəliyeva");
		TestIdentityProvider.add(claimant);
		Visitor other = Visitor.anonymous(mvc);
		String answer = providerAnswer(other.request("/oauth2/authorization/asan").getResponse().getRedirectedUrl(), claimant);
		assertThat(other.follow(other.request(answer), answer).url()).isEqualTo("/login?oidc=unverified");
		assertThat(other.open("/login/oidc/link").url()).isEqualTo("/login?oidc=expired");
		assertThat(linked(email)).isFalse();
	}

	/**
	 * Someone who registered another person's address with their own password (never confirmed) keeps
	 * nothing when its owner comes with the national identity: the password proves nothing, the mailed
	 * link does, and then the address is confirmed, the password gone and the squatter signed out.
	 */
	@Test
	@Order(10)
	void anAccountWhoseAddressWasNeverConfirmedIsProvenOnlyByMailAndLosesItsPassword() throws Exception {
		String email = email("squatted");
		accounts.create(email, "squatter-parol-66", "Yad Adam", Role.DONOR, Set.of());
		jdbc.sql("UPDATE app_user SET email_confirmed_at = NULL WHERE email = ?").param(email).update();
		HttpBrowser squatter = new HttpBrowser(port);
		squatter.signIn(email, "squatter-parol-66");
		assertThat(squatter.get("/me").statusCode()).isEqualTo(200);

		Person owner = new Person("idp-" + UUID.randomUUID(), "provider-pass-10", email, "Sevda", "Abbasova");
		TestIdentityProvider.add(owner);
		Visitor visitor = Visitor.anonymous(mvc);
		TestIdentityProvider.redirectUri = "http://localhost/login/oauth2/code/asan";
		String callback = providerAnswer(visitor.request("/oauth2/authorization/asan").getResponse().getRedirectedUrl(), owner);
		Visitor.Page proof = visitor.follow(visitor.request(callback), callback);
		assertThat(proof.url()).isEqualTo("/login/oidc/link");

		// the right password of an unconfirmed account proves nothing
		Visitor.Page refused = proof.form("#oidc-link-password").set("password", "squatter-parol-66").submit();
		assertThat(refused.url()).isEqualTo("/login/oidc/link");
		assertThat(refused.document().select("#oidc-link-unconfirmed").text()).isEqualTo(message("oidc.link.unconfirmed"));
		assertThat(linked(email)).isFalse();

		// the link mailed to the address does
		refused.form("#oidc-link-mail").submit();
		List<String> mail = TestMail.awaitBodiesTo(email, outbox::sendPending);
		Matcher link = Pattern.compile("http://\\S+(/login/oidc/link/confirm\\?token=\\S+)").matcher(mail.get(mail.size() - 1));
		assertThat(link.find()).isTrue();
		Visitor.Page home = visitor.open(link.group(1));
		assertThat(home.url()).isEqualTo("/");
		assertThat(linked(email)).isTrue();
		assertThat(jdbc.sql("SELECT (email_confirmed_at IS NOT NULL) || '|' || (password_hash IS NULL) FROM app_user WHERE email = ?")
			.param(email)
			.query(String.class)
			.single()).isEqualTo("true|true");
		// the squatter's session ended, and their password no longer signs in
		await().atMost(Duration.ofSeconds(5)).until(() -> squatter.get("/me").statusCode() != 200);
		HttpBrowser again = new HttpBrowser(port);
		String token = again.page("/login").select("input[name=_csrf]").val();
		assertThat(again.post("/login", "email=" + encode(email) + "&password=squatter-parol-66", token)
			.headers()
			.firstValue("Location")
			.orElseThrow()).contains("/login?error");
	}

	/**
	 * A link to an existing account is told to its address (with how to undo it), shown on its page
	 * with a button that removes it, written in the audit log, and removed by a password reset.
	 */
	@Test
	@Order(11)
	void aLinkIsToldShownUndoneAndRemovedByAPasswordReset() throws Exception {
		String email = email("told");
		accounts.create(email, "told-parol-58", "Ülvi Rəhimov", Role.DONOR, Set.of());
		Person person = new Person("idp-" + UUID.randomUUID(), "provider-pass-11", email, "Ülvi", "Rəhimov");
		TestIdentityProvider.add(person);
		TestIdentityProvider.redirectUri = "http://localhost/login/oauth2/code/asan";

		Visitor visitor = provenWithPassword(person, "told-parol-58");
		assertThat(linked(email)).isTrue();
		List<String> mail = TestMail.awaitBodiesTo(email, outbox::sendPending);
		assertThat(mail.get(mail.size() - 1)).contains("Ülvi Rəhimov").contains("/password/forgot").contains("/me");
		assertThat(audit(email, "IDENTITY_LINKED")).isEqualTo(1);

		// the account page says so and undoes it
		Visitor.Page me = visitor.open("/me");
		assertThat(me.document().select("#me-identity").text()).contains(message("me.identity.linked"));
		Visitor.Page unlinked = me.form("#me-identity-unlink").submit();
		assertThat(unlinked.url()).isEqualTo("/me");
		assertThat(unlinked.document().select("#me-identity")).isEmpty();
		assertThat(linked(email)).isFalse();
		assertThat(audit(email, "IDENTITY_UNLINKED")).isEqualTo(1);

		// linked again, then a password reset removes it: the person links again, with proof
		provenWithPassword(person, "told-parol-58");
		assertThat(linked(email)).isTrue();
		accounts.requestPasswordReset(email, Locale.forLanguageTag("az"));
		String resetMail = await().atMost(Duration.ofSeconds(10)).until(() -> {
			outbox.sendPending();
			return TestMail.bodiesTo(email).stream().filter(body -> body.contains("/password/reset?token=")).findFirst().orElse(null);
		}, java.util.Objects::nonNull);
		Matcher token = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)").matcher(resetMail);
		assertThat(token.find()).isTrue();
		assertThat(accounts.resetPassword(token.group(1), "yeni-uzun-parol-2027")).isTrue();
		assertThat(linked(email)).isFalse();
		assertThat(audit(email, "IDENTITY_UNLINKED")).isEqualTo(2);
	}

	/**
	 * The mailed proof works only in the session that asked for it: not in another browser waiting for a
	 * proof of the same account (another identity claiming the address), even one that asked for its own.
	 */
	@Test
	@Order(12)
	void aMailedProofWorksOnlyInTheSessionThatAskedForIt() throws Exception {
		String email = email("bound");
		accounts.create(email, "bound-parol-73", "Kənan Zeynalov", Role.DONOR, Set.of());
		Person owner = new Person("idp-" + UUID.randomUUID(), "provider-pass-12", email, "Kənan", "Zeynalov");
		Person impostor = new Person("idp-" + UUID.randomUUID(), "provider-pass-13", email, "Kənan", "Zeynalov");
		TestIdentityProvider.add(owner);
		TestIdentityProvider.add(impostor);
		TestIdentityProvider.redirectUri = "http://localhost/login/oauth2/code/asan";
		Visitor first = pendingProof(owner);
		Visitor second = pendingProof(impostor);

		// the other asks for a link of its own first (a newer link voids it), then the first asks
		second.open("/login/oidc/link").form("#oidc-link-mail").submit();
		int before = TestMail.awaitBodiesTo(email, outbox::sendPending).size();
		first.open("/login/oidc/link").form("#oidc-link-mail").submit();
		List<String> mail = await().atMost(Duration.ofSeconds(10)).until(() -> {
			outbox.sendPending();
			return TestMail.bodiesTo(email);
		}, bodies -> bodies.size() > before);
		Matcher link = Pattern.compile("http://\\S+(/login/oidc/link/confirm\\?token=\\S+)").matcher(mail.get(mail.size() - 1));
		assertThat(link.find()).isTrue();

		// the other session waiting for a proof of the same account, which asked for a link too: nothing
		assertThat(second.open(link.group(1)).document().select("#oidc-link-bad")).isNotEmpty();
		assertThat(linked(email)).isFalse();

		// the session that asked: linked, to its own identity
		assertThat(first.open(link.group(1)).url()).isEqualTo("/");
		assertThat(jdbc.sql("SELECT subject FROM account_identity WHERE user_id = ?")
			.param(accountOf(email))
			.query(String.class)
			.list()).containsExactly(owner.username());
	}

	/** A visitor (MockMvc) whom the provider signed in as the person, waiting on the proof page. */
	private Visitor pendingProof(Person person) throws Exception {
		Visitor visitor = Visitor.anonymous(mvc);
		String callback = providerAnswer(visitor.request("/oauth2/authorization/asan").getResponse().getRedirectedUrl(), person);
		assertThat(visitor.follow(visitor.request(callback), callback).url()).isEqualTo("/login/oidc/link");
		return visitor;
	}

	/** A registration this app does not have is the app's own 404 page, not a 500. */
	@Test
	@Order(13)
	void anUnknownRegistrationIsTheAppsNotFoundPage() throws Exception {
		var answer = new HttpBrowser(port).get("/oauth2/authorization/google");
		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(org.jsoup.Jsoup.parse(answer.body()).select("h1").text()).isEqualTo(message("error.404.heading"));
	}

	/**
	 * With volunteers and staff required to use the provider (as here), the message for a provider that
	 * does not answer offers the password only to donors, in every language.
	 */
	@Test
	@Order(14)
	void theUnavailableMessageOffersThePasswordOnlyToDonors() {
		assertThat(messages.getMessage("login.oidc.unavailable", null, Locale.forLanguageTag("az"))).contains("Donorlar");
		assertThat(messages.getMessage("login.oidc.unavailable", null, Locale.ENGLISH)).contains("Donors");
		assertThat(messages.getMessage("login.oidc.unavailable", null, Locale.forLanguageTag("ru"))).contains("Дарители");
	}

	/** Signs the person in through the provider (MockMvc) and proves the account with its password. */
	private Visitor provenWithPassword(Person person, String password) throws Exception {
		Visitor visitor = Visitor.anonymous(mvc);
		String callback = providerAnswer(visitor.request("/oauth2/authorization/asan").getResponse().getRedirectedUrl(), person);
		Visitor.Page proof = visitor.follow(visitor.request(callback), callback);
		assertThat(proof.url()).isEqualTo("/login/oidc/link");
		assertThat(proof.form("#oidc-link-password").set("password", password).submit().url()).isEqualTo("/");
		return visitor;
	}

	private int audit(String email, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND target_id = ?")
			.param(action)
			.param(accountOf(email))
			.query(Integer.class)
			.single();
	}

	private String guessCount(String email) {
		return jdbc.sql("SELECT failures || '|' || last_failure FROM login_attempt WHERE key = ?")
			.param("account:" + email + "|127.0.0.1")
			.query(String.class)
			.optional()
			.orElse("none");
	}

	/** Signs the person in at the provider over HTTP, as a browser follows it; the app's callback path with code and state. */
	private static String providerAnswer(String authorizationUrl, Person person) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> toLogin = http.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
				HttpResponse.BodyHandlers.ofString());
		URI login = URI.create(authorizationUrl).resolve(toLogin.headers().firstValue("Location").orElseThrow());
		String form = http.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body();
		String csrf = org.jsoup.Jsoup.parse(form).select("input[name=_csrf]").val();
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(login)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(person.username()) + "&password="
					+ encode(person.password()) + "&_csrf=" + encode(csrf)))
			.build(), HttpResponse.BodyHandlers.ofString());
		URI again = login.resolve(signedIn.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(again).build(), HttpResponse.BodyHandlers.ofString());
		URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
		assertThat(back.getRawQuery()).contains("code=").contains("state=");
		return back.getRawPath() + "?" + back.getRawQuery();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Presses the app's button and, if the provider asks (it remembers a person signed in there before),
	 * signs in on its form; waits until the browser is back at the app. The provider's own pages are not
	 * checked for accessibility: they are not the app's.
	 */
	private void signInAtProvider(Person person) {
		browser.find("#oidc-sign-in").click();
		String app = "http://localhost:" + port + "/";
		WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20), Browser.POLL);
		wait.until(d -> d.getCurrentUrl().startsWith(app) && !d.getCurrentUrl().contains("/login/oidc?")
				|| d.getCurrentUrl().startsWith(provider.issuer()) && !d.findElements(By.id("username")).isEmpty());
		if (browser.url().startsWith(provider.issuer())) {
			browser.driver().findElement(By.id("username")).sendKeys(person.username());
			browser.driver().findElement(By.id("password")).sendKeys(person.password());
			browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(d -> d.getCurrentUrl().startsWith(app));
		}
		wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
		browser.checkAccessibility();
	}

	private Person person(String given, String family) {
		Person person = new Person("idp-" + UUID.randomUUID(), "provider-pass-" + UUID.randomUUID(),
				email(given.toLowerCase(Locale.ROOT)), given, family);
		TestIdentityProvider.add(person);
		return person;
	}

	private static String email(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.az";
	}

	private long accountOf(String email) {
		return jdbc.sql("SELECT coalesce(max(id), 0) FROM app_user WHERE lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

	private boolean linked(String email) {
		return jdbc.sql("SELECT count(*) > 0 FROM account_identity WHERE user_id = ?")
			.param(accountOf(email))
			.query(Boolean.class)
			.single();
	}

	private String message(String key) {
		return messages.getMessage(key, null, Locale.forLanguageTag("az"));
	}

}
