package az.asan.mektub.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the outside user saw at 390 px and 1366 px (issue 16): the volunteer's desk's row of links ran
 * off the phone's screen in Azerbaijani and Russian, report tables were wider than the phone, and the
 * Russian top menu took two lines on a laptop. Now nothing scrolls sideways, a table wider than the
 * screen scrolls inside a region the keyboard can reach, and the menu keeps to one line.
 */
class DeskAndReportsOnAPhoneBrowserTest extends JourneyTest {

	@AfterEach
	void desktopAgain() {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@Test
	void theVolunteersDeskFitsAPhoneInEveryLanguage() {
		browser.signIn("volunteer@demo.az", "demo12345");
		size(390, 844);
		for (String lang : List.of("az", "en", "ru")) {
			browser.open("/volunteer?lang=" + lang);
			assertNothingScrollsSideways(lang + " /volunteer");
			for (WebElement link : browser.all("#desk-links a")) {
				Map<String, Object> box = rect(link);
				assertThat(number(box.get("right"))).as(() -> lang + ": " + link.getText() + " inside the screen")
					.isLessThanOrEqualTo(390);
			}
			assertThat(browser.find("#handover-desk-link").isDisplayed()).isTrue();
		}
	}

	@Test
	void reportTablesFitAPhoneOrScrollInsideAFocusableRegion() {
		browser.signIn("staff@demo.az", "demo12345");
		size(390, 844);
		List<String> wide = new ArrayList<>();
		for (String lang : List.of("az", "en", "ru")) {
			for (String page : List.of("/reports", "/reports/channels", "/reports/channels?campaign=all", "/reports/regions",
					"/reports/donors", "/reports/forgotten")) {
				browser.open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
				assertNothingScrollsSideways(lang + " " + page);
				for (WebElement table : browser.all("main table")) {
					boolean wider = (Boolean) js("return arguments[0].scrollWidth > arguments[0].parentElement.clientWidth"
							+ " || arguments[0].getBoundingClientRect().right > window.innerWidth", table);
					if (wider) {
						wide.add(lang + " " + page + " #" + table.getDomAttribute("id"));
						WebElement region = (WebElement) js("return arguments[0].closest('.table-responsive')", table);
						assertThat(region).as(lang + " " + page + ": a wide table scrolls in its own region").isNotNull();
						assertThat(region.getDomAttribute("tabindex")).as("which the keyboard reaches").isEqualTo("0");
					}
				}
			}
		}
		// the channels' tables themselves fit the phone (names wrap), in every language
		assertThat(wide).noneMatch(w -> w.contains("channels-centres"));
	}

	@Test
	void theOrganisationsAndCentresAdminTablesScrollInsideAFocusableRegionNotThePage() {
		browser.signIn("admin@demo.az", "demo12345");
		size(390, 844);
		for (String lang : List.of("az", "en", "ru")) {
			for (String page : List.of("/admin/organisations", "/admin/handover-points")) {
				browser.open(page + "?lang=" + lang);
				assertNothingScrollsSideways(lang + " " + page);
				for (WebElement table : browser.all("main table")) {
					WebElement region = (WebElement) js("return arguments[0].closest('.table-responsive')", table);
					assertThat(region).as(lang + " " + page + ": the table scrolls in its own region").isNotNull();
					assertThat(region.getDomAttribute("tabindex")).as("which the keyboard reaches").isEqualTo("0");
				}
			}
		}
	}

	@Test
	void theRussianMenuKeepsToOneLineOnALaptop() {
		browser.signIn("admin@demo.az", "demo12345");
		size(1366, 900);
		for (String lang : List.of("ru", "az", "en")) {
			for (String page : List.of("/volunteer", "/reports")) {
				browser.open(page + "?lang=" + lang);
				// one row: the items' tops differ only by their vertical centring, and no label breaks in two
				List<?> boxes = (List<?>) js("return [...document.querySelectorAll('#mainNav > ul > li')]"
						+ ".map(li => [li.getBoundingClientRect().top, li.firstElementChild.getBoundingClientRect().height, li.innerText])");
				double highest = boxes.stream().mapToDouble(b -> number(((List<?>) b).get(0))).min().orElse(0);
				for (Object box : boxes) {
					List<?> b = (List<?>) box;
					assertThat(number(b.get(0)) - highest).as(lang + " " + page + ": " + b.get(2) + " on the first row")
						.isLessThan(30);
					assertThat(number(b.get(1))).as(lang + " " + page + ": " + b.get(2) + " on one line").isLessThan(50);
				}
				double navHeight = number(js("return document.querySelector('nav.navbar').getBoundingClientRect().height"));
				assertThat(navHeight).as(lang + " menu height").isLessThan(80);
			}
		}
	}

	@Test
	void theLanguageLinksKeepTheFiltersOfTheReportBeingRead() {
		browser.signIn("staff@demo.az", "demo12345");
		size(1366, 900);
		browser.open("/reports/channels?campaign=all&lang=az");
		browser.click("#langMenu");
		browser.click("#language-links a[lang=ru]");
		assertThat(browser.url()).contains("campaign=all").contains("lang=ru");
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("ru");
		// a page without a query keeps its plain links
		browser.open("/reports?lang=en");
		assertThat(browser.find("#language-links a[lang=az]").getDomAttribute("href")).isEqualTo("?lang=az");
	}

	private void size(int width, int height) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", width < 800 ? 3 : 1, "mobile", width < 800));
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> rect(WebElement element) {
		return (Map<String, Object>) js("const r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right};",
				element);
	}

	private void assertNothingScrollsSideways(String where) {
		List<?> both = (List<?>) js("return [document.documentElement.scrollWidth, window.innerWidth];");
		assertThat(number(both.get(0))).as(where + ": page width (scrollWidth) within the screen").isLessThanOrEqualTo(number(both.get(1)));
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

}
