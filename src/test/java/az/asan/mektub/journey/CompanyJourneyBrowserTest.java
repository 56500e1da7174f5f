package az.asan.mektub.journey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestMail;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;
import az.asan.mektub.adoption.ReservationExpiry;
import az.asan.mektub.notification.OutboxSender;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's journey (issue 27.2): it registers with its VÖEN, confirms its address, staff confirm
 * it, it invites two employees by mail and reserves letters for its team; one employee registers
 * through the invitation, the other signs in through it, each adopts from the pool for the company;
 * the reservation's last letter goes back to the tree when its hours are over; the company's page says
 * who took which, and its tag sheet prints.
 */
@RemovesPeople("%@company.test")
class CompanyJourneyBrowserTest extends JourneyTest {

	static final Pattern LINK = Pattern.compile("http://\\S+/(?:account/confirm|team/join)\\?token=\\S+");

	@Autowired
	OutboxSender outbox;

	@Autowired
	ReservationExpiry reservationExpiry;

	String suffix = UUID.randomUUID().toString().substring(0, 6);

	@TestCampaign
	long campaign;

	@TestCampaign
	TestLetters testLetters;

	@Test
	void aCompanyRegistersInvitesTwoEmployeesWhoAdoptFromItsPoolAndPrintsItsTags() throws Exception {
		// given: three letters of an open campaign of its own, the longest waiting on the tree
		List<String> codes = List.of(testLetters.published(campaign, Spec.of("Aytac", 7)),
				testLetters.published(campaign, Spec.of("Elnur", 9)), testLetters.published(campaign, Spec.of("Fidan", 11)));
		String company = "hr-" + suffix + "@company.test";
		String newcomer = "leyla-" + suffix + "@company.test";
		String colleague = "kamran-" + suffix + "@company.test";
		accounts.create(colleague, "kamranin-parolu-7", "Kamran Hüseynov", Role.DONOR, Set.of());

		// the company registers and confirms its address
		browser.open("/?lang=az");
		browser.open("/register/organisation");
		browser.type("#organisationName", "Günəşli Bank ASC");
		browser.type("#voen", "1402345671");
		browser.type("#contactName", "Nigar Rəhimova");
		browser.type("#email", company);
		browser.type("#password", "bankin-gizli-parolu-5");
		browser.type("#passwordConfirmation", "bankin-gizli-parolu-5");
		browser.click("#organisation-form button[type=submit]");
		assertThat(browser.url()).contains("/login?registered");
		browser.open(link(company, "/account/confirm"));

		// staff confirm it
		browser.signIn("staff@demo.az", "demo12345");
		browser.open("/admin/organisations");
		long id = TestPeople.id(jdbc, company);
		browser.click("tr[data-organisation='" + id + "'] form[action$='/confirm'] button");
		signOut();

		// it invites two employees
		browser.signIn(company, "bankin-gizli-parolu-5");
		browser.open("/me");
		browser.click("#me-team-link");
		assertThat(browser.url()).endsWith("/organisation/team");
		browser.type("#emails", newcomer + "\n" + colleague);
		browser.click("#invite-form button[type=submit]");
		assertThat(browser.text(".alert-success")).contains("2");
		// and reserves three letters of the campaign for its team
		browser.choose("#campaign", String.valueOf(campaign));
		browser.type("#count", "3");
		browser.click("#reserve-form button[type=submit]");
		assertThat(browser.all("#team-pool li")).hasSize(3);
		signOut();

		// the reserved letters are not free on the tree
		browser.open("/tree?campaign=" + campaign + "&view=list");
		for (String code : codes) {
			assertThat(browser.all("a[href='/letters/" + code + "']")).as(code).isEmpty();
		}

		// the first employee registers as a donor, confirms, signs in and joins through the link
		String newcomersInvitation = link(newcomer, "/team/join");
		browser.open("/register");
		browser.type("#fullName", "Leyla Kərimova");
		browser.type("#email", newcomer);
		browser.type("#password", "leylanin-parolu-3");
		browser.type("#passwordConfirmation", "leylanin-parolu-3");
		browser.click("main form button[type=submit]");
		browser.open(link(newcomer, "/account/confirm"));
		browser.signIn(newcomer, "leylanin-parolu-3");
		browser.open(newcomersInvitation);
		assertThat(browser.text("#team-join-text")).contains("Günəşli Bank ASC");
		browser.click("#team-join-form button[type=submit]");
		assertThat(browser.url()).endsWith("/team");
		browser.click(".team-adopt-form button");
		assertThat(browser.text(".alert-success")).contains("təşkilatınızın adından");
		signOut();

		// the second has an account: the link asks them to sign in and brings them back to it
		browser.open(link(colleague, "/team/join"));
		assertThat(browser.url()).contains("/login");
		browser.type("#email", colleague);
		browser.type("#password", "kamranin-parolu-7");
		browser.click("main form button[type=submit]");
		assertThat(browser.url()).contains("/team/join");
		browser.click("#team-join-form button[type=submit]");
		browser.click(".team-adopt-form button");
		assertThat(browser.all("#team-mine li")).hasSize(1);
		signOut();
		assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE donor_id = ? AND status = 'ADOPTED' AND taken_by IS NOT NULL")
			.param(id).query(Long.class).single()).isEqualTo(2);

		// the reservation's hours pass: the letter nobody took goes back to the tree
		assertThat(reservationExpiry.releaseExpiredAt(Instant.now().plus(Duration.ofHours(73)))).contains(1);
		String back = jdbc.sql("SELECT code FROM letter WHERE campaign_id = ? AND status = 'PUBLISHED'").param(campaign)
			.query(String.class).single();
		browser.open("/tree?campaign=" + campaign + "&view=list");
		assertThat(browser.all("a[href='/letters/" + back + "']")).isNotEmpty();

		// the company's page says who took which; its tag sheet prints
		browser.signIn(company, "bankin-gizli-parolu-5");
		browser.open("/organisation/team");
		assertThat(browser.text("#team-letters")).contains("Leyla Kərimova").contains("Kamran Hüseynov");
		assertThat(browser.text("#team-to-hand-in")).contains("2");
		browser.click("#team-tags-link");
		assertThat(browser.all("#team-tags .gift-tag")).hasSize(2);
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(js("return document.querySelector('#print-tags').getClientRects().length;")).isEqualTo(0L);
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
		js("window.printed = 0; window.print = () => { window.printed++; };");
		browser.find("#print-tags").click();
		assertThat(js("return window.printed;")).isEqualTo(1L);
		PrintOptions options = new PrintOptions();
		options.setPageSize(new PageSize(29.7, 21.0));
		options.setPageMargin(new PageMargin(1, 1, 1, 1));
		byte[] pdf = Base64.getDecoder().decode(chrome.print(options).getContent());
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	/** The link of that kind in the last mail to an address, as the SMTP server received it (waits for it). */
	private String link(String email, String path) throws InterruptedException {
		long until = System.currentTimeMillis() + 20_000;
		List<String> mails = List.of();
		while (System.currentTimeMillis() < until) {
			outbox.sendPending();
			mails = TestMail.bodiesTo(email);
			for (int i = mails.size() - 1; i >= 0; i--) {
				Matcher link = LINK.matcher(mails.get(i));
				while (link.find()) {
					if (link.group().contains(path)) {
						return link.group();
					}
				}
			}
			Thread.sleep(250);
		}
		throw new AssertionError("no " + path + " link in the mail to " + email + ": " + mails);
	}

	private void signOut() {
		browser.driver().manage().deleteAllCookies();
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
	}

}
