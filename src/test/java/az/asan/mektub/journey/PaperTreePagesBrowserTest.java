package az.asan.mektub.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.letter.PaperTree;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper tree's pages on a phone (390 CSS px) and a laptop (1366), in Azerbaijani, English and
 * Russian: the tree with a card that also hangs at a centre, the letter's public page, the impact
 * figures, the scanning desk, a walk-in letter's page and the channel report. None scrolls sideways;
 * each leaves a screenshot in target/paper-tree-pages for a person to look at.
 */
class PaperTreePagesBrowserTest extends JourneyTest {

	static final Path SCREENSHOTS = Path.of("target", "paper-tree-pages");

	static final int AGE = 24;

	@Autowired
	PaperTree paperTree;

	@TestCampaign
	long campaign;

	@TestCampaign
	TestLetters testLetters;

	@Test
	void thePaperTreesPagesFitAPhoneAndALaptopInEveryLanguage() throws Exception {
		String printed = testLetters.published(campaign, Spec.of("Nərmin", AGE));
		String taken = testLetters.published(campaign, Spec.of("Sevda", AGE));
		testLetters.published(campaign, Spec.of("Tural", AGE + 1));
		long ganja = jdbc.sql("""
				SELECT min(p.id) FROM handover_point p JOIN region r ON r.id = p.region_id WHERE r.code = 'AZ-GA'""")
			.query(Long.class).single();
		paperTree.print(new PaperTree.Choice(null, AGE, AGE, 10, true), ganja, RegionScope.all());

		browser.open("/?lang=az");
		browser.signIn("volunteer@demo.az", "demo12345");
		browser.open("/volunteer/walk-in?code=" + taken);
		browser.type("#donorName", "Rauf Qəniyev");
		browser.type("#donorPhone", "+994 55 123 45 67");
		browser.choose("#handoverPointId", String.valueOf(ganja));
		browser.click("#walk-in-adopt");
		assertThat(browser.url()).endsWith("/volunteer/walk-in/" + taken + "/receipt");
		browser.driver().manage().deleteAllCookies();

		Files.createDirectories(SCREENSHOTS);
		List<String> publicPages = List.of("/tree?campaign=" + campaign, "/tree?view=list&campaign=" + campaign,
				"/letters/" + printed, "/impact");
		List<String> deskPages = List.of("/volunteer/handover", "/volunteer/letters/" + taken, "/reports/channels");
		for (String lang : List.of("az", "en", "ru")) {
			for (int width : new int[] { 390, 1366 }) {
				size(width, width < 800 ? 844 : 900);
				for (String page : publicPages) {
					look(page, lang, width);
				}
			}
		}
		browser.signIn("staff@demo.az", "demo12345");
		for (String lang : List.of("az", "en", "ru")) {
			for (int width : new int[] { 390, 1366 }) {
				size(width, width < 800 ? 844 : 900);
				for (String page : deskPages) {
					look(page, lang, width);
				}
			}
		}
		size(1280, 1000);
	}

	private void look(String page, String lang, int width) throws Exception {
		browser.open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
		assertThat(browser.page()).doesNotContainPattern("\\?\\?[a-z][A-Za-z.]*\\?\\?");
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		List<?> widths = (List<?>) js.executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
		Object wide = js.executeScript("""
				return [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-responsive') && e.getBoundingClientRect().right > window.innerWidth + 1)
					.slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ');""");
		String name = lang + "-" + width + "-" + page.replaceAll("[^A-Za-z0-9]+", "_");
		Map<String, Object> shot = ((ChromeDriver) browser.driver()).executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true));
		Files.write(SCREENSHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
		assertThat(((Number) widths.get(0)).doubleValue()).as("page width of " + name + ", too wide: " + wide)
			.isLessThanOrEqualTo(((Number) widths.get(1)).doubleValue());
	}

	private void size(int width, int height) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 800));
	}

}
