package az.asan.mektub.journey;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.web.QrImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paths a new user found broken, taken in Chromium: correcting a letter sent back as incomplete,
 * scanning the gift tag of a taken letter, and reading the regional report in the Azerbaijani order.
 */
class NewcomerPathsBrowserTest extends JourneyTest {

	@AfterEach
	void dropTestCampaigns() {
		TestCampaigns.dropAll(jdbc);
	}

	@Test
	void aVolunteerCorrectsALetterSentBackAsIncomplete() {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Səbinə", 9).region("AZ-GA"));
		jdbc.sql("UPDATE letter SET status = 'RECEIVED', published_at = NULL WHERE code = ?").param(code).update();

		browser.open("/?lang=az");
		browser.signIn("volunteer@demo.az", "demo12345");
		browser.open("/volunteer/letters/" + code);
		browser.choose("#incompleteReason", "MISSING_CONSENT");
		browser.type("#incompleteNote", "Valideynin imzası yoxdur");
		browser.click("#incomplete-form button[type=submit]");
		assertThat(browser.find("#letter-status").getDomAttribute("data-status")).isEqualTo("INCOMPLETE");

		browser.click("#edit-letter");
		browser.type("#contact", "Uşaq evi №3, razılıq alınıb");
		browser.click("#letter-form button[type=submit]");

		assertThat(browser.url()).endsWith("/volunteer/letters/" + code);
		assertThat(browser.page()).doesNotContain("Formada səhvlər var");
		assertThat(browser.find("#letter-status").getDomAttribute("data-status")).isEqualTo("RECEIVED");
	}

	@Test
	void scanningTheGiftTagOfATakenLetterOpensAPageSayingItIsTaken() {
		long campaign = TestCampaigns.open(jdbc);
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String code = testLetters.published(campaign, Spec.of("Kamran", 10).region("AZ-GA"));
		long donor = TestPeople.id(jdbc, "donor@demo.az");
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);

		browser.open("/?lang=az");
		browser.signIn("donor@demo.az", "demo12345");
		browser.open("/me/adoptions/" + code + "/tag");
		String qrSource = browser.find(".gift-tag-qr").getDomAttribute("src");
		browser.driver().get(browser.url().replaceAll("(https?://[^/]+).*", "$1") + qrSource);
		String address = QrImages.decode(browser.driver().findElement(By.tagName("svg")).getAttribute("outerHTML"));

		browser.driver().manage().deleteAllCookies();
		browser.open(address.replaceAll("https?://[^/]+", browser.url().replaceAll("(https?://[^/]+).*", "$1")));
		assertThat(browser.text("#letter-taken")).contains("Bu arzu artıq öz donorunu tapıb");
		assertThat(browser.all("#adopt-form")).isEmpty();
	}

	@Test
	void theRegionalReportListsRegionsTheAzerbaijaniWay() {
		browser.open("/?lang=az");
		browser.signIn("staff@demo.az", "demo12345");
		browser.open("/reports/regions");
		List<String> names = browser.all("#regions tbody tr").stream().map(r -> r.getDomAttribute("data-region")).toList();
		assertThat(names).containsSubsequence("Beyləqan", "Bərdə", "Biləsuvar");
		int lastS = -1;
		int firstSh = Integer.MAX_VALUE;
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).startsWith("S")) {
				lastS = i;
			}
			else if (names.get(i).startsWith("Ş")) {
				firstSh = Math.min(firstSh, i);
			}
		}
		assertThat(lastS).isLessThan(firstSh);
	}

}
