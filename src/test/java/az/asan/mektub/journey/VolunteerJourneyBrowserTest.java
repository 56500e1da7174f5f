package az.asan.mektub.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestImages;
import az.asan.mektub.TestPeople;
import az.asan.mektub.adoption.AdoptionManagement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer registers a letter with a picture, publishes it, and once a donor adopted it records
 * the gift handed in and the gift handed to the child, after which it leaves the forgotten lists.
 */
class VolunteerJourneyBrowserTest extends JourneyTest {

	@Autowired
	AdoptionManagement adoptions;

	@ParameterizedTest
	@CsvSource({ "az,Ağacdadır,Hədiyyə təhvil alınıb,Arzu gerçəkləşib", "en,On the tree,Gift received,Wish fulfilled" })
	void aVolunteerCarriesALetterFromRegistrationToTheChild(String lang, String published, String giftIn,
			String fulfilled) throws Exception {
		Path scan = Files.createTempFile("letter-", ".jpg");
		Files.write(scan, TestImages.jpegWithGps());
		String surname = "Journeyova" + lang.toUpperCase();
		String ganja = jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-GA'").query(String.class).single();

		browser.open("/?lang=" + lang);
		browser.signIn("volunteer@demo.az", "demo12345");
		assertThat(browser.url()).endsWith("/volunteer");

		// register a letter with a picture of it, in an open campaign of its own
		long campaign = TestCampaigns.open(jdbc);
		browser.click("#new-letter");
		browser.choose("#campaignId", String.valueOf(campaign));
		browser.type("#firstName", "Nərmin");
		browser.type("#surname", surname);
		browser.type("#birthDate", "");
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById('birthDate').value = '2017-06-15'");
		browser.choose("#gender", "F");
		browser.choose("#regionId", ganja);
		browser.choose("#careSetting", "CHILDREN_HOME");
		browser.type("#contact", "Gəncə 2 nömrəli uşaq evi");
		browser.type("#originalWish", "Mən rəsm çəkməyi sevirəm, rəngli karandaşlar istəyirəm");
		browser.type("#publicWish", "Rəngli karandaşlar və rəsm albomu");
		browser.choose("#category", "SCHOOL");
		browser.type("#estimatedCost", "25,50");
		browser.find("#scan").sendKeys(scan.toAbsolutePath().toString());
		browser.click("#letter-form button[type=submit]");
		assertThat(browser.url()).contains("/volunteer/letters/");
		String code = browser.url().substring(browser.url().lastIndexOf('/') + 1);
		assertThat(browser.find("#letter-status").getDomAttribute("data-status")).isEqualTo("RECEIVED");
		assertThat(browser.find("img.letter-scan").getDomAttribute("src")).endsWith("/scan.jpg");

		// publish it
		browser.click("#confirmed");
		browser.click("#publish-form button[type=submit]");
		assertThat(browser.text("#letter-status")).isEqualTo(published);

		// a donor adopts it
		long donor = TestPeople.id(jdbc, "donor2@example.az");
		AdoptionManagement.Adopted adopted = adoptions.adopt(code, donor);

		// the gift comes in: the tag code is checked
		browser.open("/volunteer/letters/" + code);
		browser.type("#tagCode", adopted.tagCode());
		browser.choose("#handoverPointId", jdbc.sql("SELECT min(id)::text FROM handover_point").query(String.class).single());
		browser.click("#gift-form button[type=submit]");
		assertThat(browser.text("#letter-status")).isEqualTo(giftIn);

		// it waited too long and shows among the forgotten letters
		jdbc.sql("UPDATE letter SET gift_received_at = now() - interval '20 days' WHERE code = ?").param(code).update();
		browser.open("/volunteer");
		assertThat(browser.all("#row-" + code)).hasSize(1);

		// the child has the gift
		browser.open("/volunteer/letters/" + code);
		assertThat(browser.find("#handedOn").getDomProperty("value")).isEqualTo(LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU).toString());
		browser.type("#fulfilNote", "Çox sevindi");
		browser.click("#fulfil-form button[type=submit]");
		assertThat(browser.text("#letter-status")).isEqualTo(fulfilled);
		assertThat(browser.text("#history")).contains("Çox sevindi");

		browser.open("/volunteer");
		assertThat(browser.all("#row-" + code)).isEmpty();
		Files.deleteIfExists(scan);
	}

	@AfterEach
	void dropTestCampaigns() {
		TestCampaigns.dropAll(jdbc);
	}

}
