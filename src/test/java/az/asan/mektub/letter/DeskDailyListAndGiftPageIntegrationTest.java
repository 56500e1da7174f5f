package az.asan.mektub.letter;


import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.TestPerson;
import az.asan.mektub.account.Role;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a centre's desk shows: the child's (public) region on the gift's page and in the daily list, in
 * the reader's language; a daily list listing exactly the gifts the volunteer can open; overdue holds
 * not counted as expected.
 */
@IntegrationTest
@RemovesPeople("%@daily.test")
class DeskDailyListAndGiftPageIntegrationTest extends CampaignTestBase {

	@TestPerson("donor1@example.az")
	long donor;

	@Test
	void theGanjaDeskSeesThatAGiftGoesOnToAgdamOnTheGiftPageAndInTheDailyList() {
		long ganja = point("AZ-GA");
		String code = adoptedAt(Spec.of("Aysu", 8).region("AZ-AGM"), ganja, 2);
		Visitor desk = volunteer("ganja@daily.test", "AZ-GA");
		assignCentre("ganja@daily.test", ganja);

		assertThat(desk.open("/volunteer/handover/gifts/" + code).document().select("#gift-region").text())
			.isEqualTo("Ağdam");
		Page daily = desk.open("/volunteer/handover/" + ganja + "/daily");
		assertThat(daily.document().select("#expected tr[data-code=" + code + "] .daily-region").text()).isEqualTo("Ağdam");
		// in the reader's language
		Visitor russian = desk.speaking("ru");
		assertThat(russian.open("/volunteer/handover/gifts/" + code).document().select("#gift-region").text())
			.isEqualTo("Агдам");
		assertThat(russian.open("/volunteer/handover/" + ganja + "/daily").document()
			.select("#expected tr[data-code=" + code + "] .daily-region").text()).isEqualTo("Агдам");
	}

	@Test
	void atACentreCoveredOnlyThroughARegionTheDailyListShowsExactlyTheGiftsThatOpen() {
		// given: the volunteer of Gəncə with no centre ticked; at the Gəncə centre a Gəncə child's gift and
		// an Ağdam child's gift
		long ganja = point("AZ-GA");
		String own = adoptedAt(Spec.of("Leyla", 9).region("AZ-GA"), ganja, 2);
		String other = adoptedAt(Spec.of("Aysu", 8).region("AZ-AGM"), ganja, 3);
		Visitor desk = volunteer("region@daily.test", "AZ-GA");

		// the desk lists the centre and says why: it is in the volunteer's region
		assertThat(desk.open("/volunteer/handover").document().select("#handover-points a[href$=/" + ganja + "/daily]").text())
			.contains("(sizin regionunuz");

		// when
		Page daily = desk.open("/volunteer/handover/" + ganja + "/daily");

		// then: every gift listed opens from the list, and the one that would not open is not listed
		var listed = daily.document().select("#expected tr[data-code], #received tr[data-code]");
		assertThat(listed.eachAttr("data-code")).contains(own).doesNotContain(other);
		for (var row : listed) {
			String href = row.select("a").attr("href");
			assertThat(desk.request(href).getResponse().getStatus()).as(href).isEqualTo(200);
		}
		assertThat(desk.request("/volunteer/handover/gifts/" + other).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aHoldPastItsDueDateIsNotExpectedEvenBeforeTheExpiryJobRan() {
		long ganja = point("AZ-GA");
		String overdue = adoptedAt(Spec.of("Orxan", 10).region("AZ-GA"), ganja, -13);
		String dueToday = adoptedAt(Spec.of("Nərmin", 7).region("AZ-GA"), ganja, 0);
		Visitor desk = volunteer("late@daily.test", "AZ-GA");
		assignCentre("late@daily.test", ganja);

		Page daily = desk.open("/volunteer/handover/" + ganja + "/daily");

		assertThat(daily.document().select("#expected tr[data-code]").eachAttr("data-code")).contains(dueToday)
			.doesNotContain(overdue);
	}

	private String adoptedAt(Spec spec, long point, int dueInDays) {
		String code = testLetters.published(campaign, spec);
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);
		jdbc.sql("UPDATE letter SET handover_point_id = ?, due_date = CAST(now() AT TIME ZONE 'Asia/Baku' AS date) + ? WHERE code = ?")
			.params(point, dueInDays, code)
			.update();
		return code;
	}

	private Visitor volunteer(String email, String... regionCodes) {
		accounts.create(email, "merkez-parol-22", "Könüllü", Role.VOLUNTEER, regions(regionCodes));
		return Visitor.signedIn(mvc, users.loadUserByUsername(email));
	}

	private void assignCentre(String email, long point) {
		long id = TestPeople.id(jdbc, email);
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		Page saved = staff.open("/admin/users/" + id).form("#centres-form").choose("handoverPointIds", String.valueOf(point))
			.submit();
		assertThat(saved.document().select(".alert-success")).as(saved.messages()).isNotEmpty();
	}

}
