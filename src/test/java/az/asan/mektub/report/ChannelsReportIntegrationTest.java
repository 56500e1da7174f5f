package az.asan.mektub.report;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports count adoptions both ways: online and at service centres, per region and per centre. */
@IntegrationTest
class ChannelsReportIntegrationTest extends CampaignTestBase {

	@Test
	void aWalkInAndAnOnlineAdoptionInGanjaAreCountedEachInItsColumnAndTheWalkInAtItsCentre() {
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		Page before = channels(staff);
		long ganja = jdbc.sql("SELECT min(p.id) FROM handover_point p JOIN region r ON r.id = p.region_id WHERE r.code = 'AZ-GA'")
			.query(Long.class).single();

		String online = testLetters.published(campaign, Spec.of("Tural", 8));
		long donor = TestPeople.id(jdbc, "donor1@example.az");
		testLetters.moveTo(online, LetterStatus.ADOPTED, donor);
		String walkIn = testLetters.published(campaign, Spec.of("Nərmin", 7));
		Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az")).open("/volunteer/walk-in?code=" + walkIn)
			.form("#walk-in-form")
			.set("donorName", "Rauf Qəniyev")
			.set("donorPhone", "+994 55 123 45 67")
			.set("handoverPointId", String.valueOf(ganja))
			.submit();

		Page after = channels(staff);
		assertThat(cell(after, "Gəncə", 1)).isEqualTo(cell(before, "Gəncə", 1) + 1);
		assertThat(cell(after, "Gəncə", 2)).isEqualTo(cell(before, "Gəncə", 2) + 1);
		assertThat(after.document().select("#channels-centres tr[data-centre='Gəncə “ASAN xidmət” mərkəzi'] td").text())
			.isEqualTo(String.valueOf(centre(before) + 1));
		assertThat(after.document().select("#channels-total").text()).startsWith("Götürülən məktublar: onlayn");
		assertThat(after.html()).doesNotContain("Rauf");
	}

	private Page channels(Visitor staff) {
		Page reports = staff.open("/reports");
		return staff.open(reports.document().selectFirst(".report-tabs a[href='/reports/channels']").attr("href"));
	}

	private static long cell(Page page, String region, int column) {
		String text = page.document().select("#channels-regions tr[data-region=" + region + "] > *").get(column).text();
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

	private static long centre(Page page) {
		String text = page.document().select("#channels-centres tr[data-centre='Gəncə “ASAN xidmət” mərkəzi'] td").text();
		return text.isEmpty() ? 0 : Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

}
