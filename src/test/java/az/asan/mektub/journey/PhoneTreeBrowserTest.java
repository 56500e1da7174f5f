package az.asan.mektub.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree on a donor's phone (390 × 844 CSS px, the size of a common phone): the first letters are in
 * the first screen and readable, nothing scrolls sideways, every control is big enough for a thumb,
 * and filtering, shaking and paging work by tapping. Every public page, on a phone and on a desktop,
 * in the three languages, passes axe with no violation of any impact, AAA contrast and
 * "the accessible name holds what is shown" included.
 */
class PhoneTreeBrowserTest extends JourneyTest {

	private static final String STRICT_AXE = """
			{"rules": {"color-contrast-enhanced": {"enabled": true}, "label-content-name-mismatch": {"enabled": true}}}""";

	@AfterEach
	void desktopAgain() {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@ParameterizedTest
	@ValueSource(strings = { "az", "en", "ru" })
	void theTreesFirstCardsAreInTheFirstScreenOfAPhoneAndReadable(String lang) {
		phone(390, 844);
		browser.open("/tree?lang=" + lang);

		List<WebElement> cards = browser.all(".tree-phone a.tree-card");
		assertThat(cards).hasSizeGreaterThanOrEqualTo(2);
		Map<String, Object> first = rect(cards.get(0));
		assertThat(number(first.get("top"))).isGreaterThanOrEqualTo(0);
		assertThat(number(first.get("bottom"))).as("the first card ends inside the first screen").isLessThanOrEqualTo(844);
		assertThat(number(rect(cards.get(1)).get("bottom"))).as("so does the second").isLessThanOrEqualTo(844);
		for (WebElement part : cards.get(0).findElements(org.openqa.selenium.By.cssSelector("span"))) {
			assertThat(fontSize(part)).as(() -> "text size of " + part.getDomAttribute("class")).isGreaterThanOrEqualTo(14);
		}
		// The desktop's drawing is not shown on a phone, and the phone's cards not on a desktop.
		assertThat(browser.find(".tree-wrap").isDisplayed()).isFalse();
		assertNothingScrollsSideways();
		assertTapTargetsAreLargeEnough();

		browser.open("/tree?view=list&lang=" + lang);
		assertThat(browser.find("#tree-list").isDisplayed()).isTrue();
		assertNothingScrollsSideways();
		assertTapTargetsAreLargeEnough();

		desktopAgain();
		browser.open("/tree?lang=" + lang);
		assertThat(browser.find(".tree-wrap").isDisplayed()).isTrue();
		assertThat(browser.find(".tree-phone").isDisplayed()).isFalse();
	}

	@Test
	void filteringShakingAndPagingWorkByThumb() {
		phone(360, 740);
		browser.open("/tree?lang=en");
		WebElement form = browser.find("#tree-filters");
		assertThat(form.isDisplayed()).as("the filters wait behind their button").isFalse();

		browser.find("#filters-toggle").click();
		// Bootstrap's collapse animates ("collapsing") before it settles as "collapse show": a thumb waits for it too.
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10), Browser.POLL).until(d -> form.isDisplayed()
				&& String.valueOf(form.getDomAttribute("class")).contains("show")
				&& browser.find("#f-category").isDisplayed());
		browser.choose("#f-category", "TOY");
		browser.click("#tree-filters button[type=submit]");
		assertThat(browser.url()).contains("category=TOY");
		assertThat(browser.text("#filters-toggle")).contains("1");
		WebElement chip = browser.find("#filter-chips a.filter-chip");
		assertThat(chip.getText()).contains("Category: Toy");
		assertThat(browser.all(".tree-phone .card-category")).isNotEmpty()
			.allSatisfy(category -> assertThat(category.getText()).isEqualTo("Toy"));

		browser.click("#filter-chips a.filter-chip");
		assertThat(browser.url()).doesNotContain("category=");
		assertThat(browser.all("#filter-chips")).isEmpty();

		browser.click("#shake");
		assertThat(browser.url()).contains("shake=");
		assertThat(browser.all(".tree-phone a.tree-card")).isNotEmpty();

		browser.open("/tree?lang=en");
		String firstBefore = browser.find(".tree-phone a.tree-card").getDomAttribute("href");
		browser.click("#more");
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10), Browser.POLL).until(d -> d.getCurrentUrl().contains("page=2"));
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10), Browser.POLL)
			.until(d -> !firstBefore.equals(browser.find(".tree-phone a.tree-card").getDomAttribute("href")));
		assertNothingScrollsSideways();
	}

	@ParameterizedTest
	@ValueSource(strings = { "az", "en", "ru" })
	void everyPublicPagePassesAxeWithNoViolationAtAll(String lang) {
		browser.open("/tree?lang=" + lang);
		String letter = browser.find("a.tree-card").getDomAttribute("href");
		List<String> pages = List.of("/", "/tree", "/tree?view=list", "/tree?category=TOY&ageMin=5", letter, "/impact",
				"/about", "/login", "/register");
		List<String> violations = new ArrayList<>();
		for (int[] size : new int[][] { { 390, 844 }, { 1366, 900 } }) {
			phone(size[0], size[1]);
			for (String page : pages) {
				browser.driver().get(base() + page);
				for (Rule rule : browser.violations(STRICT_AXE)) {
					violations.add(size[0] + "px " + page + ": " + rule.getId() + " (" + rule.getImpact() + ") "
							+ rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getHtml())).collect(Collectors.joining(" | ")));
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void theStaffsWidePagesDoNotScrollSidewaysOnAPhone() {
		browser.signIn("admin@demo.az", "demo12345");
		phone(390, 844);
		for (String lang : List.of("az", "en", "ru")) {
			for (String page : List.of("/admin/campaigns", "/admin/handover-points", "/admin/users", "/admin", "/reports",
					"/reports/regions")) {
				browser.open(page + "?lang=" + lang);
				assertThat(browser.url()).as("signed in as an administrator").contains(page + "?lang=");
				assertNothingScrollsSideways();
			}
		}
	}

	@Test
	void theManatSignComesFromTheAppsOwnFont() {
		browser.open("/tree?view=list&lang=az");
		Object loaded = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				document.fonts.load('16px Manat', '\\u20BC').then(faces => done(faces.length));""");
		assertThat(((Number) loaded).intValue()).isPositive();
	}

	private void phone(int width, int height) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", width < 800 ? 3 : 1, "mobile", width < 800));
	}

	private String base() {
		return "http://localhost:" + port;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> rect(WebElement element) {
		return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(
				"const r = arguments[0].getBoundingClientRect(); return {top: r.top, bottom: r.bottom, width: r.width, height: r.height};",
				element);
	}

	private double fontSize(WebElement element) {
		return Double.parseDouble(element.getCssValue("font-size").replace("px", ""));
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

	private void assertNothingScrollsSideways() {
		Object widths = ((JavascriptExecutor) browser.driver())
			.executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
		List<?> both = (List<?>) widths;
		if (number(both.get(0)) > number(both.get(1))) {
			Object wide = ((JavascriptExecutor) browser.driver()).executeScript("""
					return [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-responsive') && e.getBoundingClientRect().right > window.innerWidth)
						.slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ');""");
			assertThat(number(both.get(0))).as(() -> "page width on " + browser.url() + ", too wide: " + wide)
				.isLessThanOrEqualTo(number(both.get(1)));
		}
		assertThat(number(both.get(0))).as(() -> "page width on " + browser.url()).isLessThanOrEqualTo(number(both.get(1)));
	}

	/** Every visible control of the page's main part is at least 44 × 44 CSS px. */
	private void assertTapTargetsAreLargeEnough() {
		for (WebElement control : browser.all("main .btn, main .form-control, main .form-select, main a.tree-card, "
				+ "main a.filter-chip, main #tree-list a, .navbar-toggler")) {
			if (control.isDisplayed()) {
				Map<String, Object> r = rect(control);
				assertThat(number(r.get("height"))).as(() -> "height of " + control.getText() + " on " + browser.url())
					.isGreaterThanOrEqualTo(44);
				assertThat(number(r.get("width"))).as(() -> "width of " + control.getText() + " on " + browser.url())
					.isGreaterThanOrEqualTo(44);
			}
		}
	}

}
