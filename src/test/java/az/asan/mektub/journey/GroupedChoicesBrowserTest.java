package az.asan.mektub.journey;

import az.asan.mektub.TestPeople;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff choose a volunteer's regions and centres in lists grouped by economic region (issue 22): the
 * page's own script shows a search field that narrows the lists as the name is typed, the Azerbaijani
 * letters folded ("gence" finds Gəncə), ticked boxes staying in sight; the ticks are saved.
 */
class GroupedChoicesBrowserTest extends JourneyTest {

	@Test
	void staffFindARegionByTypingItsNameWithoutAzerbaijaniLettersAndTickIt() {
		long volunteer = TestPeople.id(jdbc, "volunteer@demo.az");
		int shaki = jdbc.sql("SELECT id FROM region WHERE code = 'AZ-SA'").query(Integer.class).single();
		browser.open("/?lang=az");
		browser.signIn("staff@demo.az", "demo12345");
		browser.open("/admin/users/" + volunteer);

		// the search field is there (the script showed it), every group visible
		WebElement search = browser.find("#person-regions-search");
		assertThat(search.isDisplayed()).isTrue();
		long groups = visible("#person-regions [data-check-group]");
		assertThat(groups).isGreaterThan(10);

		// when: "seki" is typed
		search.sendKeys("seki");

		// then: Şəki shows, far-away regions do not; the volunteer's ticked regions stay in sight
		assertThat(browser.find("#person-regions-" + shaki).isDisplayed()).isTrue();
		assertThat(browser.find("label[for=person-regions-" + region("AZ-AGM") + "]").isDisplayed()).isFalse();
		assertThat(browser.find("label[for=person-regions-" + region("AZ-GA") + "]").isDisplayed()).isTrue();
		assertThat(visible("#person-regions [data-check-group]")).isLessThan(groups);

		// a centre found the same way; Enter in the field does not send the form
		WebElement centres = browser.find("#person-centres-search");
		centres.sendKeys("gence\n");
		assertThat(browser.url()).endsWith("/admin/users/" + volunteer);

		// ticked and saved
		// (clicked in the middle of the window: a sticky footer may cover the bottom edge where a bare click scrolls to)
		browser.click("#person-regions-" + shaki);
		browser.click("#regions-form button[type=submit]");
		assertThat(browser.find(".alert-success").isDisplayed()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM volunteer_region WHERE user_id = ? AND region_id = ?")
			.params(volunteer, shaki).query(Long.class).single()).isEqualTo(1);
		jdbc.sql("DELETE FROM volunteer_region WHERE user_id = ? AND region_id = ?").params(volunteer, shaki).update();
		browser.checkAccessibility();
	}

	private long visible(String css) {
		return browser.all(css).stream().filter(WebElement::isDisplayed).count();
	}

}
