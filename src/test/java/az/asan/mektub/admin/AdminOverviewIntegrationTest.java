package az.asan.mektub.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.platform.database.JobRuns;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff's start page names every job in the reader's language, and charts speak it too. */
@IntegrationTest
class AdminOverviewIntegrationTest extends IntegrationTestBase {

	@Autowired
	JobRuns jobRuns;

	@Test
	void everyJobThatRanIsNamedInTheReadersLanguageNeverAsARawKey() {
		jobRuns.finished("letterCounts", Instant.now(), "12");
		for (String[] expected : new String[][] { { "az", "Hesabatlar üçün sayların yığılması" },
				{ "en", "Counting letters for the reports" }, { "ru", "Подсчёт писем для отчётов" } }) {
			Page admin = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking(expected[0]).open("/admin");
			assertThat(admin.status()).isEqualTo(200);
			assertThat(admin.html()).doesNotContain("??");
			assertThat(admin.document().select("#jobs tr[data-job=letterCounts]").text()).contains(expected[1]);
		}
	}

	@Test
	void aJobsCountIsGroupedLikeEveryOtherNumberAndTheCampaignsKindIsJustItsName() {
		jobRuns.finished("retention", Instant.now(), "7922");
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		assertThat(staff.open("/admin").document().select("#jobs tr[data-job=retention]").text())
			.contains("7 922 uşağın məlumatları anonimləşdirildi");
		assertThat(staff.speaking("en").open("/admin").document().select("#jobs tr[data-job=retention]").text())
			.contains("children anonymised").doesNotContain("7922");

		java.util.List<String> kinds = staff.speaking("az").open("/admin/campaigns").document()
			.select("#campaigns tbody tr td").eachText();
		assertThat(kinds).containsAnyOf("İlboyu", "Mövsümi");
		assertThat(String.join(" ", kinds)).doesNotContain("məs.");
	}

	/**
	 * Charts are SVG drawn on the server (issue 26.4): this asked before that each Chart.js canvas was told
	 * the page's language and that the script formatted numbers; there is no canvas nor script any more, so
	 * it asks the same of the drawing itself: its title, its description and its numbers in the reader's
	 * language, and no chart script on the page.
	 */
	@Test
	void chartsAreDrawnOnTheServerInThePagesLanguageWithNoScript() {
		Map<String, List<String>> titles = Map.of(
				"az", List.of("İllər üzrə gerçəkləşən arzular", "Regionlar üzrə gerçəkləşən arzular",
						"Ən çox arzu gerçəkləşən regionlar"),
				"en", List.of("Wishes fulfilled by year", "Wishes fulfilled by region", "Regions with the most wishes fulfilled"),
				"ru", List.of("Исполненные желания по годам", "Исполненные желания по регионам",
						"Регионы с наибольшим числом исполненных желаний"));
		Map<String, String> bakuFulfilled = Map.of("az", "Bakı — 2 423", "en", "Baku, 2,423", "ru", "Баку — 2 423");
		Map<String, String> number = Map.of("az", "\\d{1,3}( \\d{3})*", "en", "\\d{1,3}(,\\d{3})*", "ru",
				"\\d{1,3}( \\d{3})*");
		for (String lang : new String[] { "az", "en", "ru" }) {
			Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking(lang);
			for (String path : new String[] { "/reports", "/reports/regions", "/impact" }) {
				Page page = staff.open(path);
				Elements charts = page.document().select("svg.chart-svg[role=img]");
				assertThat(charts).as(path).isNotEmpty();
				for (Element chart : charts) {
					Element title = chart.selectFirst("title");
					Element desc = chart.selectFirst("desc");
					assertThat(chart.attr("aria-labelledby")).as(path).isEqualTo(title.id() + " " + desc.id());
					assertThat(title.text()).as(path).isIn(titles.get(lang));
					assertThat(desc.text()).as(path).isNotBlank().doesNotContain("??");
					assertThat(chart.select("text.chart-value").eachText()).as(path)
						.isNotEmpty()
						.allMatch(value -> value.matches(number.get(lang)));
					assertThat(chart.select(".chart-axis text").eachText()).as(path)
						.startsWith("0")
						.allMatch(value -> value.matches(number.get(lang)));
				}
				assertThat(page.document().select("canvas, script[src*=chart]")).as(path).isEmpty();
			}
			assertThat(staff.open("/impact").document().select("#impact-regions-chart desc").text()).as(lang)
				.contains(bakuFulfilled.get(lang));
		}
		assertThat(Visitor.anonymous(mvc).open("/js/charts.js").status()).isEqualTo(404);
	}

}
