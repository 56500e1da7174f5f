package az.asan.mektub.journey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.Role;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.platform.i18n.Formats;

import static az.asan.mektub.TestTexts.russianDays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donor's hold counts down live in the browser: the script says what the server said, in the
 * reader's language and its plural forms, and keeps saying it as time passes.
 */
@RemovesPeople("countdown@journey.test")
class HoldCountdownBrowserTest extends JourneyTest {

	@TestCampaign
	long campaign;

	@TestCampaign
	TestLetters testLetters;

	@Test
	void theHoldsTimeLeftCountsDownInTheReadersLanguage() {
		String code = testLetters.published(campaign, Spec.of("Kamran", 9));
		long donor = accounts.create("countdown@journey.test", "geri-sayim-41", "Sayğac Donor", Role.DONOR, Set.of())
			.getId();
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);
		LocalDate due = jdbc.sql("SELECT due_date FROM letter WHERE code = ?").param(code).query(LocalDate.class).single();
		long days = Duration.between(Instant.now(), due.plusDays(1).atStartOfDay(Formats.BAKU).toInstant()).toDays();

		browser.signIn("countdown@journey.test", "geri-sayim-41");
		browser.open("/me/adoptions?lang=ru");
		String selector = "article[data-code='" + code + "'] [data-deadline]";
		// the script has run (it sets the text on load) and says what the server said
		assertThat(browser.text(selector)).isEqualTo(russianDays(days));

		// three minutes before the end, the words change by themselves, in the right plural form
		((JavascriptExecutor) browser.driver()).executeScript(
				"document.querySelector(arguments[0]).setAttribute('data-deadline', String(Date.now() + 150000));", selector);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(40))
			.until(d -> browser.text(selector).equals("Осталось 3 минуты"));
		((JavascriptExecutor) browser.driver()).executeScript(
				"document.querySelector(arguments[0]).setAttribute('data-deadline', String(Date.now() - 1000));", selector);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(40)).until(d -> browser.text(selector).equals("Время истекло"));

		browser.open("/me/adoptions?lang=az");
		assertThat(browser.text(selector)).isEqualTo(days + " gün qalıb");
	}

}
