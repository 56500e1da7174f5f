package az.asan.mektub.journey;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestMail;
import az.asan.mektub.notification.OutboxSender;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donor registers, confirms the address from the mail, finds a letter on the tree by region and
 * age, adopts it, sees it in My letters, prints its tag and gives it back.
 */
class DonorJourneyBrowserTest extends JourneyTest {

	@Autowired
	OutboxSender outbox;

	@ParameterizedTest
	@CsvSource({ "az,Təşəkkür edirik,Öhdəliyə götürülüb", "ru,Спасибо,Взято дарителем" })
	void aDonorFindsAdoptsPrintsAndGivesBackALetter(String lang, String thanks, String adoptedStatus) {
		// given: a letter of an open campaign of its own, so the program's figures stay as they are
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign,
				Spec.of("Səbinə", 7).region("AZ-QBA").wish("Rəngli akvarel boyaları", az.asan.mektub.letter.Category.SCHOOL));
		jdbc.sql("UPDATE letter SET published_at = timestamp '2001-01-01' WHERE code = ?").param(code).update();
		String region = jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-QBA'").query(String.class).single();
		String email = "journey-" + lang + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.az";

		// register
		browser.open("/?lang=" + lang);
		browser.open("/register");
		browser.type("#fullName", "Günel Əhmədova");
		browser.type("#email", email);
		browser.type("#password", "gizli-parol-9");
		browser.type("#passwordConfirmation", "gizli-parol-9");
		browser.click("main form button[type=submit]");
		assertThat(browser.url()).contains("/login?registered");

		// confirm the address from the mail the SMTP server received
		List<String> mail = TestMail.awaitBodiesTo(email, outbox::sendPending);
		assertThat(mail).hasSize(1);
		Matcher link = Pattern.compile("http://\\S+/account/confirm\\?token=\\S+").matcher(mail.get(0));
		assertThat(link.find()).isTrue();
		browser.open(link.group());
		assertThat(browser.find("#confirm-result").getText()).isNotBlank();
		browser.signIn(email, "gizli-parol-9");

		// browse the tree, filter by campaign, region and age
		browser.open("/tree");
		browser.choose("#f-campaign", String.valueOf(campaign));
		browser.choose("#f-region", region);
		browser.choose("#f-age-min", "6");
		browser.choose("#f-age-max", "8");
		browser.click("#tree-filters button[type=submit]");
		assertThat(browser.url()).contains("region=" + region).contains("ageMin=6").contains("ageMax=8");
		browser.click("a.tree-card[href='/letters/" + code + "']");
		assertThat(browser.text("#public-wish")).isEqualTo("Rəngli akvarel boyaları");

		// adopt
		browser.click("#adopt");
		assertThat(browser.url()).endsWith("/me/adoptions/" + code);
		assertThat(browser.page()).contains(thanks);
		String tag = jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
		assertThat(browser.text("#tag-code")).isEqualTo(tag);
		String point = jdbc.sql("SELECT min(id)::text FROM handover_point WHERE accepting").query(String.class).single();
		browser.click("#point-" + point);
		browser.click("#point-form button[type=submit]");
		assertThat(browser.find("#point-" + point).isSelected()).isTrue();

		// print the tag
		browser.click("#print-tag");
		assertThat(browser.text("#gift-tag")).contains(tag).contains("Səbinə");
		assertThat(browser.find(".gift-tag-qr").getAttribute("src")).endsWith("/letters/" + code + "/qr.svg");

		// see it in My letters
		browser.open("/me/adoptions");
		WebElement card = browser.find("article.adoption[data-code='" + code + "']");
		assertThat(card.getText()).contains(adoptedStatus);

		// give it back
		browser.open("/me/adoptions/" + code);
		browser.find("details summary").click();
		browser.click("#cancel");
		assertThat(browser.url()).endsWith("/me/adoptions");
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("PUBLISHED");
	}

	@AfterEach
	void dropTestCampaigns() {
		TestCampaigns.dropAll(jdbc);
	}

	@org.junit.jupiter.api.Test
	void theTreeIsUsableByKeyboardAlone() {
		browser.open("/tree?lang=az");
		WebElement active = browser.driver().switchTo().activeElement();
		for (int i = 0; i < 60 && !"tree-card".equals(active.getDomAttribute("class")); i++) {
			active.sendKeys(Keys.TAB);
			active = browser.driver().switchTo().activeElement();
		}
		assertThat(active.getDomAttribute("class")).isEqualTo("tree-card");
		assertThat(active.getDomAttribute("aria-label")).contains("yaş");
		String href = active.getDomAttribute("href");
		active.sendKeys(Keys.ENTER);
		browser.find("#adopt");
		assertThat(browser.url()).endsWith(href);
		browser.checkAccessibility();
	}

}
