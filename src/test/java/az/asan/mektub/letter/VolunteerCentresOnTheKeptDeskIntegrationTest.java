package az.asan.mektub.letter;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import az.asan.mektub.HttpBrowser;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;
import az.asan.mektub.handover.HandoverPoints;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteer's desk names the ASAN service centres the reader works at, each linked to its daily
 * list. The desk is kept and shared by volunteers with the same regions (issue 17), so with the
 * caches on, as in production, two volunteers of the same regions but other centres, reading in turn
 * and in two languages, each see their own centres, named in the language they read.
 */
@IntegrationTest
@TestPropertySource(properties = { "asan.tree.cache-seconds=300", "asan.desk.cache-seconds=300" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolunteerCentresOnTheKeptDeskIntegrationTest extends IntegrationTestBase {

	private static final Map<String, String> GANJA = Map.of("az", "Gəncə “ASAN xidmət” mərkəzi", "ru",
			"Центр «ASAN xidmət» в Гяндже");

	private static final Map<String, String> SUMQAYIT = Map.of("az", "Sumqayıt “ASAN xidmət” mərkəzi", "ru",
			"Центр «ASAN xidmət» в Сумгайыте");

	private static final Map<String, String> SHAKI = Map.of("az", "Şəki “ASAN xidmət” mərkəzi", "ru",
			"Центр «ASAN xidmət» в Шеки");

	@Autowired
	HandoverPoints handoverPoints;

	long ganja;

	long sumqayit;

	long shaki;

	long second;

	@BeforeAll
	void twoVolunteersOfAgdamAtOtherCentres() {
		cleanUp();
		ganja = point("AZ-GA");
		sumqayit = point("AZ-SM");
		shaki = point("AZ-SA");
		Set<Integer> agdam = Set.of(region("AZ-AGM"));
		long first = accounts.create("ganja@kept-centres.test", "gence-parol-81", "Gəncədə İşləyən", Role.VOLUNTEER, agdam)
			.getId();
		second = accounts.create("sumqayit@kept-centres.test", "sumqayit-parol-82", "Sumqayıtda İşləyən",
				Role.VOLUNTEER, agdam).getId();
		accounts.create("nowhere@kept-centres.test", "hec-yer-parol-83", "Mərkəzsiz", Role.VOLUNTEER, agdam);
		handoverPoints.assignCentres(first, Set.of(ganja), null);
		handoverPoints.assignCentres(second, Set.of(sumqayit), null);
	}

	@AfterAll
	void cleanUp() {
		jdbc.sql("DELETE FROM login_attempt").update();
		TestPeople.remove(jdbc, "%@kept-centres.test");
	}

	@Test
	void twoVolunteersWithTheSameRegionsReadingInTurnEachSeeTheirOwnCentresInTheirLanguage() throws Exception {
		HttpBrowser first = signedIn("ganja@kept-centres.test", "gence-parol-81");
		HttpBrowser other = signedIn("sumqayit@kept-centres.test", "sumqayit-parol-82");
		HttpBrowser none = signedIn("nowhere@kept-centres.test", "hec-yer-parol-83");
		for (String language : List.of("az", "ru", "az", "ru")) {
			Document firstDesk = first.page("/volunteer?lang=" + language);
			Document otherDesk = other.page("/volunteer?lang=" + language);
			Document noneDesk = none.page("/volunteer?lang=" + language);

			assertThat(firstDesk.select("html").attr("lang")).isEqualTo(language);
			assertThat(centres(firstDesk)).containsExactly(GANJA.get(language));
			assertThat(centres(otherDesk)).containsExactly(SUMQAYIT.get(language));
			assertThat(centres(noneDesk)).isEmpty();
			assertThat(noneDesk.select("#my-centres").text()).isNotBlank();
			// the same shared lists (the same regions), the other's centre nowhere on the page
			assertThat(firstDesk.select("#region-names, p:has(.fw-semibold)").first().text())
				.isEqualTo(otherDesk.select("#region-names, p:has(.fw-semibold)").first().text());
			assertThat(firstDesk.text()).doesNotContain(SUMQAYIT.get(language));
			assertThat(otherDesk.text()).doesNotContain(GANJA.get(language));
			assertThat(noneDesk.text()).doesNotContain(GANJA.get(language)).doesNotContain(SUMQAYIT.get(language));
			// each name leads to the centre's daily list, which the reader may open
			assertThat(firstDesk.select("#my-centres a").eachAttr("href"))
				.containsExactly("/volunteer/handover/" + ganja + "/daily");
			assertThat(otherDesk.select("#my-centres a").eachAttr("href"))
				.containsExactly("/volunteer/handover/" + sumqayit + "/daily");
			assertThat(first.get("/volunteer/handover/" + ganja + "/daily").statusCode()).isEqualTo(200);
			assertThat(other.get("/volunteer/handover/" + sumqayit + "/daily").statusCode()).isEqualTo(200);
		}

		// staff add a centre: the next reading of the kept desk shows it
		handoverPoints.assignCentres(second, Set.of(sumqayit, shaki), null);
		assertThat(centres(other.page("/volunteer?lang=ru"))).containsExactlyInAnyOrder(SUMQAYIT.get("ru"), SHAKI.get("ru"));
		assertThat(centres(first.page("/volunteer?lang=ru"))).containsExactly(GANJA.get("ru"));
	}

	private static List<String> centres(Document desk) {
		return desk.select("#my-centres a").eachText();
	}

	private HttpBrowser signedIn(String email, String password) throws Exception {
		HttpBrowser browser = new HttpBrowser(port);
		browser.signIn(email, password);
		return browser;
	}

}
