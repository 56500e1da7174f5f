package az.asan.mektub.admin;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.platform.database.JobRuns;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff's start page names every job in the reader's language, and charts speak it too. */
@IntegrationTest
class AdminOverviewIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

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

	@Test
	void chartsAreToldThePagesLanguage() {
		for (String lang : new String[] { "az", "en", "ru" }) {
			Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking(lang);
			for (String path : new String[] { "/reports", "/reports/regions", "/impact" }) {
				Page page = staff.open(path);
				assertThat(page.document().select("canvas[data-chart]")).as(path).isNotEmpty();
				assertThat(page.document().select("canvas[data-chart]").eachAttr("data-locale")).as(path)
					.containsOnly(lang);
			}
		}
		String script = Visitor.anonymous(mvc).open("/js/charts.js").html();
		assertThat(script).contains("dataset.locale").contains("formatToParts").contains("ticks");
	}

}
