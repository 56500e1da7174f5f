package az.asan.mektub.journey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff open the regional report, filter it by campaign and download it as CSV. */
class StaffJourneyBrowserTest extends JourneyTest {

	@ParameterizedTest
	@CsvSource({ "az,Ölkə üzrə,Qeydə alınıb", "ru,По стране,Зарегистрировано" })
	void staffFilterTheRegionalReportAndDownloadItsCsv(String lang, String total, String registered) throws Exception {
		long campaign = jdbc.sql("SELECT id FROM campaign WHERE code = 'AM-2019'").query(Long.class).single();
		long fulfilled2019 = jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = ? AND status = 'FULFILLED'")
			.param(campaign)
			.query(Long.class)
			.single();

		browser.open("/?lang=" + lang);
		browser.signIn("staff@demo.az", "demo12345");
		assertThat(browser.url()).endsWith("/reports");
		browser.click(".report-tabs a[href='/reports/regions']");
		browser.choose("#r-campaign", String.valueOf(campaign));
		browser.click("#report-filters button[type=submit]");
		assertThat(browser.url()).contains("campaign=" + campaign);
		assertThat(browser.text("#national-total")).contains(total);

		browser.click(".exports a[href*='regions.csv']");
		Path csv = awaitDownload(browser.downloads());
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).startsWith("\uFEFF").contains(registered);
		String totalRow = lines.stream().filter(l -> l.startsWith(total + ";")).findFirst().orElseThrow();
		assertThat(totalRow.split(";")[7]).isEqualTo(String.valueOf(fulfilled2019));
		Files.delete(csv);
	}

	private static Path awaitDownload(Path folder) throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < until) {
			try (Stream<Path> files = Files.list(folder)) {
				var done = files.filter(f -> f.toString().endsWith(".csv")).findFirst();
				if (done.isPresent()) {
					return done.get();
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("No CSV arrived in " + folder);
	}

}
