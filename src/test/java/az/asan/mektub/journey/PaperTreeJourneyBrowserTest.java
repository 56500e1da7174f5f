package az.asan.mektub.journey;

import java.util.List;

import org.junit.jupiter.api.Test;

import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;

import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper tree in a browser: a volunteer prints a sheet for the Ganja centre, a citizen takes one
 * of its tags and the volunteer records the walk-in adoption by its code; the letter is gone from the
 * online tree and from a second sheet, and its gift is recorded at the handover desk by its tag code.
 */
class PaperTreeJourneyBrowserTest extends JourneyTest {

	// an age no demo letter has
	static final String AGE = "22";

	@TestCampaign
	long campaign;

	@TestCampaign
	TestLetters testLetters;

	@Test
	void aPrintedTagIsTakenAtTheCentreLeavesEveryTreeAndItsGiftIsRecordedByTheTagCode() {
		for (String name : List.of("Nərmin", "Tural", "Sevda")) {
			testLetters.published(campaign, Spec.of(name, Integer.parseInt(AGE)));
		}
		String ganja = jdbc.sql("""
				SELECT min(p.id)::text FROM handover_point p JOIN region r ON r.id = p.region_id WHERE r.code = 'AZ-GA'""")
			.query(String.class).single();

		browser.open("/?lang=az");
		browser.signIn("volunteer@demo.az", "demo12345");

		// print a sheet
		browser.click("#paper-tree-link");
		browser.choose("#handoverPointId", ganja);
		browser.type("#minAge", AGE);
		browser.type("#maxAge", AGE);
		browser.type("#count", "10");
		browser.click("#print-sheet");
		List<String> printed = browser.all(".paper-tag").stream().map(t -> t.getDomAttribute("data-code")).toList();
		assertThat(printed).hasSize(3);
		String code = printed.get(0);
		assertThat(browser.find(".paper-tag img.paper-tag-qr").getDomAttribute("src")).contains("/letters/" + code + "/qr.svg");

		// a citizen takes its tag: the volunteer types the code
		browser.open("/volunteer");
		browser.click("#walk-in-desk-link");
		browser.type("#code", code.toLowerCase());
		browser.type("#donorName", "Rauf Qəniyev");
		browser.type("#donorPhone", "+994 55 123 45 67");
		browser.choose("#handoverPointId", ganja);
		browser.click("#walk-in-adopt");
		assertThat(browser.url()).endsWith("/volunteer/walk-in/" + code + "/receipt");
		String tagCode = browser.text(".gift-tag-tagcode");

		// gone from the online tree
		browser.open("/letters/" + code);
		assertThat(browser.all("#letter-taken")).hasSize(1);
		assertThat(browser.all("#adopt-form")).isEmpty();
		assertThat(browser.page()).doesNotContain("Rauf");

		// and from a second sheet, even with letters already on paper trees
		browser.open("/volunteer/paper-tree");
		browser.choose("#handoverPointId", ganja);
		browser.type("#minAge", AGE);
		browser.type("#maxAge", AGE);
		WebElement notOnPaper = browser.find("#notOnPaper1");
		if (notOnPaper.isSelected()) {
			notOnPaper.click();
		}
		browser.click("#print-sheet");
		List<String> second = browser.all(".paper-tag").stream().map(t -> t.getDomAttribute("data-code")).toList();
		assertThat(second).hasSize(2).doesNotContain(code);

		// the gift comes in at the handover desk with its tag
		browser.open("/volunteer");
		browser.click("#handover-desk-link");
		browser.type("#tagCode", tagCode);
		browser.click("#handover-find");
		assertThat(browser.url()).endsWith("/volunteer/letters/" + code);
		browser.click("#gift-form button[type=submit]");
		assertThat(browser.find("#letter-status").getDomAttribute("data-status")).isEqualTo("GIFT_RECEIVED");
	}

}
