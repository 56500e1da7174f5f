package az.asan.mektub.journey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.PaperTree;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper tree's sheet as the outside tester printed it: saved to PDF through Chromium's print
 * engine on A4, sheets of 7, 8 and 19 tags take 1, 1 and 3 pages, and in Azerbaijani, English and
 * Russian no tag's text runs past its cut lines. On a phone the QR code leaves the name alone; the
 * sheet, the walk-in receipt and the daily list each have a print button; the code is printed in
 * groups; an old sheet whose letters left says so; and the drawn tree names which Baku centre.
 */
class PaperSheetPrintBrowserTest extends JourneyTest {

	static final java.nio.file.Path SHOTS = java.nio.file.Path.of("target", "paper-sheet-print");

	/** Ages no demo letter has, one per sheet, so each sheet holds only this test's letters. */
	static final int SEVEN = 18, EIGHT = 19, NINETEEN = 20;

	static final String LONG_WISH = "Mənə böyük rəngli kitab lazımdır, içində heyvanlar, quşlar, dənizlər və ulduzlar haqqında "
			+ "şəkilli hekayələr olsun, bir də karandaşlar və albom, rəsm çəkməyi çox sevirəm, həm də oxumağı öyrənirəm";

	@Autowired
	PaperTree paperTree;

	@TestCampaign
	long campaign;

	@TestCampaign
	TestLetters testLetters;

	@Test
	void sheetsOfSevenEightAndNineteenTagsPrintOnOneOneAndThreeA4PagesWithNothingPastTheCutLines() throws Exception {
		for (int i = 0; i < 7; i++) {
			testLetters.published(campaign, Spec.of("Müşfiqə" + i, SEVEN).wish(LONG_WISH, Category.SCHOOL));
		}
		for (int i = 0; i < 8; i++) {
			testLetters.published(campaign, Spec.of("Nərmin" + i, EIGHT));
		}
		for (int i = 0; i < 19; i++) {
			testLetters.published(campaign, i % 2 == 0 ? Spec.of("Əbülfəz" + i, NINETEEN).wish(LONG_WISH, Category.SCHOOL)
					: Spec.of("Tural" + i, NINETEEN));
		}
		long ganja = point("AZ-GA");
		String seven = sheet(ganja, SEVEN, 7);
		String eight = sheet(ganja, EIGHT, 8);
		String nineteen = sheet(ganja, NINETEEN, 19);

		browser.open("/?lang=az");
		browser.signIn("volunteer@demo.az", "demo12345");
		for (String lang : List.of("az", "en", "ru")) {
			for (var sheet : Map.of(seven, 1, eight, 1, nineteen, 3).entrySet()) {
				browser.open(sheet.getKey() + "&lang=" + lang);
				int tags = browser.all(".paper-tag").size();
				assertThat(tagsPastTheirCutLines(lang + "-" + tags)).as("tags past their cut lines on " + sheet.getKey() + " in " + lang)
					.isEmpty();
				assertThat(pages(print())).as("A4 pages for " + tags + " tags in " + lang).isEqualTo(sheet.getValue());
			}
		}

		// the code is printed in groups of four; the print button prints and is not printed itself
		browser.open(seven + "&lang=az");
		assertThat(browser.text(".paper-tag-code")).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
		assertThat(browser.text(".paper-tag-code").replace("-", ""))
			.isEqualTo(browser.find(".paper-tag").getDomAttribute("data-code"));
		assertPrintButtonPrints("#print-sheet-button");

		// on a phone the QR code sits beside the name and age, never over them, in every language
		size(390, 844);
		for (String lang : List.of("az", "en", "ru")) {
			browser.open(seven + "&lang=" + lang);
			assertThat(js("""
					return [...document.querySelectorAll('.paper-tag')].filter(t => {
					  const q = t.querySelector('.paper-tag-qr').getBoundingClientRect();
					  return [...t.querySelectorAll('.paper-tag-text p')].some(p => { const r = p.getBoundingClientRect();
					    return r.right > q.left + 1 && r.left < q.right - 1 && r.bottom > q.top + 1 && r.top < q.bottom - 1; });
					}).length;""")).as("tags whose QR covers their text at 390 px in " + lang).isEqualTo(0L);
			assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		}
		clearSize();

		// the walk-in receipt and the day's list have a print button too
		String taken = browser.find(".paper-tag").getDomAttribute("data-code");
		browser.open("/volunteer/walk-in?code=" + taken);
		browser.type("#donorName", "Rauf Qəniyev");
		browser.type("#donorPhone", "+994 55 123 45 67");
		browser.choose("#handoverPointId", String.valueOf(ganja));
		browser.click("#walk-in-adopt");
		assertPrintButtonPrints("#print-receipt");
		browser.open("/volunteer/handover/" + ganja + "/daily");
		assertPrintButtonPrints("#print-daily");

		// the letters of the sheet of eight are printed again for a new sheet: the old link says so
		assertThat(paperTree.print(new PaperTree.Choice(null, EIGHT, EIGHT, 8, false), ganja, RegionScope.all()))
			.isPresent();
		for (String lang : List.of("az", "en", "ru")) {
			browser.open(eight + "&lang=" + lang);
			assertThat(browser.all("#sheet-empty")).hasSize(1);
			assertThat(browser.page()).doesNotContain("0 etiket").doesNotContain("0 tags").doesNotContain("0 бирок");
		}
		browser.click("#sheet-print-new");
		assertThat(browser.url()).endsWith("/volunteer/paper-tree");
	}

	@Test
	void theDrawnTreesCardsSayWhichBakuCentreAndKeepTheirTextOnTheCard() {
		String school = testLetters.published(campaign, Spec.of("Nərmin", 24).region("AZ-BA").wish("Məktəb çantası", Category.SCHOOL));
		long baku = jdbc.sql("""
				SELECT min(p.id) FROM handover_point p JOIN region r ON r.id = p.region_id WHERE r.code = 'AZ-BA'""")
			.query(Long.class).single();
		assertThat(paperTree.print(new PaperTree.Choice(null, 24, 24, 1, true), baku, RegionScope.all())).isPresent();
		String centreNumber = jdbc.sql("SELECT name_en FROM handover_point WHERE id = ?").param(baku).query(String.class)
			.single().replaceAll(".*(No\\. \\d+)$", "$1");

		size(1366, 900);
		for (String lang : List.of("az", "en", "ru")) {
			browser.open("/tree?campaign=" + campaign + "&lang=" + lang);
			String card = "svg a.tree-card[href='/letters/" + school + "']";
			String said = browser.find(card + " .card-paper-tree").getText() + " " + browser.find(card + " .card-paper-tree-end").getText();
			if (lang.equals("en")) {
				assertThat(said).contains(centreNumber);
			}
			assertThat(said).as("the centre's number in " + lang).containsPattern("\\d");
			assertThat(js("""
					const card = document.querySelector(arguments[0]);
					const paper = card.querySelector('.card-paper').getBoundingClientRect();
					return [...card.querySelectorAll('text')].filter(t => { const r = t.getBoundingClientRect();
					  return r.right > paper.right + 1 || r.bottom > paper.bottom + 1; }).map(t => t.textContent).join(' | ');""", card))
				.as("text past the card in " + lang).isEqualTo("");
		}
		clearSize();
	}

	/** Prints the sheet's letters for the centre, as the form does, and answers the sheet's address. */
	private String sheet(long point, int age, int count) {
		Instant at = paperTree.print(new PaperTree.Choice(null, age, age, count, true), point, RegionScope.all()).orElseThrow();
		List<?> printed = paperTree.sheet(point, at, RegionScope.all());
		assertThat(printed).hasSize(count);
		return "/volunteer/paper-tree/sheet?point=" + point + "&at=" + at;
	}

	/** In the print layout at A4's printable width, the tags whose text box overflows the tag. */
	private String tagsPastTheirCutLines(String name) throws java.io.IOException {
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		size(718, 1047);
		try {
			// a picture of the print layout in target/paper-sheet-print, for a person to look at
			java.nio.file.Files.createDirectories(SHOTS);
			Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true));
			java.nio.file.Files.write(SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
			return (String) js("""
					const over = e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1;
					return [...document.querySelectorAll('.paper-tag')].filter(t => over(t) || over(t.querySelector('.paper-tag-text'))
					    || [...t.querySelectorAll('.paper-tag-text p, .paper-tag-code')].some(p => {
					      const r = p.getBoundingClientRect(), c = t.getBoundingClientRect();
					      return r.right > c.right + 1 || r.bottom > c.bottom + 1; }))
					  .map(t => t.dataset.code).join(' ');""");
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
			clearSize();
		}
	}

	/** The page as Chromium's print engine saves it to PDF on A4 with 1 cm margins. */
	private byte[] print() {
		PrintOptions options = new PrintOptions();
		options.setPageSize(new PageSize(29.7, 21.0));
		options.setPageMargin(new PageMargin(1, 1, 1, 1));
		options.setBackground(true);
		return Base64.getDecoder().decode(((ChromeDriver) browser.driver()).print(options).getContent());
	}

	/** The pages of a PDF: its page objects (not the page tree's nodes). */
	static int pages(byte[] pdf) {
		Matcher page = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
		int count = 0;
		while (page.find()) {
			count++;
		}
		return count;
	}

	/** The button shows on screen, is hidden in print, and clicking it opens the browser's print. */
	private void assertPrintButtonPrints(String button) {
		assertThat(browser.find(button).isDisplayed()).isTrue();
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(js("return document.querySelector(arguments[0]).getClientRects().length;", button)).isEqualTo(0L);
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
		js("window.printed = 0; window.print = () => { window.printed++; };");
		browser.find(button).click();
		assertThat(js("return window.printed;")).isEqualTo(1L);
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
	}

	private void size(int width, int height) {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 800));
	}

	private void clearSize() {
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

}
