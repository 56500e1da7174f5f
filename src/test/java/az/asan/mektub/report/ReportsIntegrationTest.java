package az.asan.mektub.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPerson;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.LetterStatus;

import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ReportsIntegrationTest extends CampaignTestBase {

	@TestPerson("donor1@example.az")
	long donor;

	@Test
	void theRegionalReportCountsExactlyTheLettersOfTheCampaignAndTheCsvSaysTheSame() throws Exception {
		// given: Gəncə 2 on the tree, 1 adopted, 2 fulfilled, 1 withdrawn; Bakı (two districts) 1 fulfilled, 1 gift in
		letterIn("AZ-GA", LetterStatus.PUBLISHED);
		letterIn("AZ-GA", LetterStatus.PUBLISHED);
		letterIn("AZ-GA", LetterStatus.ADOPTED);
		letterIn("AZ-GA", LetterStatus.FULFILLED);
		letterIn("AZ-GA", LetterStatus.FULFILLED);
		letterIn("AZ-GA", LetterStatus.WITHDRAWN);
		letterIn("AZ-BA-YAS", LetterStatus.FULFILLED);
		letterIn("AZ-BA-NAS", LetterStatus.GIFT_RECEIVED);
		// an overdue hold
		String overdue = testLetters.published(campaign, Spec.of("Gecikən", 9).region("AZ-GA"));
		testLetters.moveTo(overdue, LetterStatus.ADOPTED, donor);
		jdbc.sql("UPDATE letter SET due_date = current_date - 1 WHERE code = ?").param(overdue).update();

		// when
		String csv = new String(mvc.perform(get("/reports/regions.csv").param("campaign", String.valueOf(campaign))
			.with(user(staff())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);

		// then: UTF-8 with a byte order mark, one row per region, Baku's districts under Bakı
		assertThat(csv).startsWith("\uFEFFRegion;İqtisadi rayon;Qeydə alınıb");
		Map<String, List<String>> rows = rows(csv);
		assertThat(rows.get("Gəncə")).containsExactly("Gəncə", "Gəncə-Daşkəsən", "7", "0", "2", "2", "0", "2", "1",
				"33,3", "0,0", "1");
		assertThat(rows.get("Bakı").subList(2, 10)).containsExactly("2", "0", "0", "0", "1", "1", "0", "50,0");
		assertThat(rows.get("Ölkə üzrə").subList(2, 9)).containsExactly("9", "0", "2", "2", "1", "3", "1");
		// every region's row adds up to the national one
		long fulfilledSum = rows.values()
			.stream()
			.filter(r -> !r.get(0).equals("Ölkə üzrə"))
			.mapToLong(r -> Long.parseLong(r.get(7)))
			.sum();
		assertThat(fulfilledSum).isEqualTo(3);

		// the spreadsheet holds the same figures as numbers
		byte[] xlsx = mvc.perform(get("/reports/regions.xlsx").param("campaign", String.valueOf(campaign))
			.with(user(staff()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			Row ganja = null;
			for (Row row : sheet) {
				if ("Gəncə".equals(row.getCell(0).getStringCellValue())) {
					ganja = row;
				}
			}
			assertThat(ganja).isNotNull();
			assertThat(ganja.getCell(2).getNumericCellValue()).isEqualTo(7.0);
			assertThat(ganja.getCell(7).getNumericCellValue()).isEqualTo(2.0);
		}

		// and the page shows them, each region linking to its letters
		String page = page("/reports/regions?campaign=" + campaign + "&sort=fulfilled&dir=desc");
		assertThat(page).contains("/volunteer/letters?region=" + region("AZ-GA") + "&campaign=" + campaign);
	}

	@Test
	void byEconomicRegionTheFiguresRollUpToo() throws Exception {
		letterIn("AZ-GA", LetterStatus.FULFILLED);
		letterIn("AZ-DAS", LetterStatus.FULFILLED);
		Map<String, List<String>> rows = rows(new String(mvc.perform(get("/reports/regions.csv")
			.param("campaign", String.valueOf(campaign))
			.param("group", "economic")
			.with(user(staff()))).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
		// one column names the economic region: no header twice
		assertThat(rows.get("Gəncə-Daşkəsən").get(6)).isEqualTo("2");
	}

	@Test
	void withTheDemoDataTheReportsAndTheImpactPageShowTheProgramsFigures() throws Exception {
		assertThat(page("/reports")).contains("id=\"report-fulfilled\">10 512<").contains("id=\"report-regions\">56<");
		String impact = page("/impact");
		assertThat(impact).contains("id=\"impact-fulfilled\">10 512<").contains("id=\"impact-regions\">56<");
		Map<String, List<String>> rows = rows(new String(mvc.perform(get("/reports/regions.csv").with(user(staff())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8));
		long reached = rows.values().stream().filter(r -> !r.get(0).equals("Ölkə üzrə")).filter(r -> !r.get(7).equals("0")).count();
		long sum = rows.values().stream().filter(r -> !r.get(0).equals("Ölkə üzrə")).mapToLong(r -> Long.parseLong(r.get(7))).sum();
		assertThat(sum).isEqualTo(Long.parseLong(rows.get("Ölkə üzrə").get(7))).isEqualTo(10_512);
		assertThat(reached).isEqualTo(56);
	}

	@Test
	void eachChartDrawsTheFiguresOfTheTableBesideItAsAnImageWithItsOwnNameAndNoScript() throws Exception {
		Document impact = Jsoup.parse(page("/impact"));
		// the years: the chart's rows are the table's rows, a year without a fulfilled wish a row of 0 and no bar
		assertThat(chartRows(impact.selectFirst("#impact-years-chart")))
			.isEqualTo(tableRows(impact.select("#impact-years tbody tr"), 1));
		Element years = impact.selectFirst("#impact-years-chart");
		assertThat(years.select("text.chart-value").eachText()).contains("1 427");
		// the regions: the twenty first rows of the table, Bakı first
		List<String> regionRows = chartRows(impact.selectFirst("#impact-regions-chart"));
		assertThat(regionRows).hasSize(20).first().isEqualTo("Bakı 2 423");
		assertThat(regionRows).isEqualTo(tableRows(impact.select("#impact-regions-table tbody tr"), 1).subList(0, 20));
		for (Element chart : impact.select("svg.chart-svg")) {
			assertThat(chart.attr("role")).isEqualTo("img");
			assertThat(chart.attr("width")).isEqualTo("100%");
			assertThat(chart.selectFirst("title").text()).isNotBlank();
			assertThat(chart.selectFirst("desc").text()).contains("Eyni rəqəmlər bu səhifədəki cədvəldədir");
			assertThat(chart.select("[style]")).isEmpty();
		}
		assertThat(impact.select("script[src*=chart], canvas")).isEmpty();

		Document summary = Jsoup.parse(page("/reports"));
		assertThat(chartRows(summary.selectFirst("#years-chart"))).isEqualTo(tableRows(summary.select("#years tbody tr"), 2));
		Document regions = Jsoup.parse(page("/reports/regions"));
		assertThat(chartRows(regions.selectFirst("#top-regions-chart"))).hasSize(15).first().isEqualTo("Bakı 2 423");
	}

	/** A chart's rows as "label value", as drawn. */
	private static List<String> chartRows(Element chart) {
		assertThat(chart).isNotNull();
		return chart.select("g.chart-row")
			.stream()
			.map(row -> row.selectFirst("text.chart-label").text() + " " + row.selectFirst("text.chart-value").text())
			.toList();
	}

	/** A table's rows as "first cell, the cell at this column". */
	private static List<String> tableRows(Elements rows, int column) {
		return rows.stream().map(row -> row.child(0).text() + " " + row.child(column).text()).toList();
	}

	@Test
	void donorContactsReachOnlyAnAdministrator() throws Exception {
		String code = testLetters.published(campaign, Spec.of("Kamran", 9));
		testLetters.moveTo(code, LetterStatus.FULFILLED, donor);
		jdbc.sql("UPDATE app_user SET phone = '+994 50 777 66 55' WHERE id = ?").param(donor).update();

		String staffCsv = new String(mvc.perform(get("/reports/donors.csv").param("campaign", String.valueOf(campaign))
			.with(user(staff()))).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(staffCsv).contains("Donor 1").doesNotContain("donor1@example.az").doesNotContain("777 66 55");
		assertThat(page("/reports/donors?campaign=" + campaign)).doesNotContain("donor1@example.az");

		String adminCsv = new String(mvc.perform(get("/reports/donors.csv").param("campaign", String.valueOf(campaign))
			.with(user(users.loadUserByUsername("admin@demo.az")))).andReturn().getResponse().getContentAsByteArray(),
				StandardCharsets.UTF_8);
		assertThat(adminCsv).contains("donor1@example.az").contains("777 66 55");
	}

	@Test
	void possibleDuplicatesAndForgottenLettersAreListed() throws Exception {
		testLetters.published(campaign, Spec.of("Təkrar", 7).privately("Eyni", java.time.LocalDate.of(2019, 1, 2), "x"));
		testLetters.published(campaign, Spec.of("TƏKRAR", 7).privately("EYNİ", java.time.LocalDate.of(2019, 1, 2), "x"));
		assertThat(page("/reports/duplicates?campaign=" + campaign)).contains("Təkrar");
		String forgottenCode = testLetters.published(campaign, Spec.of("Unudulan", 7));
		jdbc.sql("UPDATE letter SET published_at = now() - interval '200 days' WHERE code = ?").param(forgottenCode).update();
		assertThat(page("/reports/forgotten")).contains(forgottenCode);
	}

	@ParameterizedTest
	@CsvSource({ "volunteer@demo.az,/reports", "volunteer@demo.az,/reports/regions.csv", "volunteer@demo.az,/admin/campaigns",
			"volunteer@demo.az,/admin/users", "donor@demo.az,/reports/donors", "donor@demo.az,/admin/handover-points",
			"donor@demo.az,/admin/audit", "volunteer@demo.az,/reports/forgotten" })
	void aVolunteerOrDonorAskingForReportsOrAdminGets403(String email, String url) throws Exception {
		mvc.perform(get(url).with(user(users.loadUserByUsername(email))).accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden());
	}

	private void letterIn(String regionCode, LetterStatus target) {
		String code = testLetters.published(campaign, Spec.of("Uşaq", 8).region(regionCode));
		testLetters.moveTo(code, target, donor);
	}

	private static Map<String, List<String>> rows(String csv) {
		return csv.lines()
			.skip(1)
			.map(line -> Arrays.asList(line.split(";", -1)))
			.collect(Collectors.toMap(r -> r.get(0), r -> r, (a, b) -> a));
	}

	private String page(String url) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(get(url).with(user(staff()))).andExpect(status().isOk()).andReturn()
			.getResponse()
			.getContentAsString());
	}

	private SignedInUser staff() {
		return (SignedInUser) users.loadUserByUsername("staff@demo.az");
	}

}
