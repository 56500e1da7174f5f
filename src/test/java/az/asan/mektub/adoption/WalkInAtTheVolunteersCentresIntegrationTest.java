package az.asan.mektub.adoption;

import java.util.Set;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.Role;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk-in form offers the centres of the volunteer's desk: the ASAN service centres staff assigned
 * to them as well as those of their regions (staff: every centre taking gifts), and a tag that hung on
 * the paper tree of the volunteer's centre is adopted there.
 */
@IntegrationTest
@RemovesPeople("%@walk-in-centres.test")
class WalkInAtTheVolunteersCentresIntegrationTest extends CampaignTestBase {

	static final String EMAIL = "agdam@walk-in-centres.test";

	@Autowired
	HandoverPoints handoverPoints;

	@Test
	void aVolunteerOfAgdamWhoWorksAtTheGanjaCentreRecordsAWalkInAdoptionThere() {
		// given: a volunteer of Ağdam whom staff assigned the Gəncə centre, and an Ağdam letter on its paper tree
		long ganja = point("AZ-GA");
		long sumqayit = point("AZ-SM");
		long id = accounts.create(EMAIL, "agdam-parol-61", "Ağdam Könüllüsü", Role.VOLUNTEER, Set.of(region("AZ-AGM")))
			.getId();
		handoverPoints.assignCentres(id, Set.of(ganja), null);
		String code = testLetters.published(campaign, Spec.of("Lalə", 8).region("AZ-AGM"));
		jdbc.sql("UPDATE letter SET paper_tree_point_id = ? WHERE code = ?").params(ganja, code).update();
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername(EMAIL));

		// when: the tag is typed at the desk
		Page form = volunteer.open("/volunteer/walk-in?code=" + code);

		// then: the centre they work at is offered, and chosen, as the tree it hung on; a stranger's is not
		var options = form.document().select("#walk-in-form select[name=handoverPointId] option").eachAttr("value");
		assertThat(options).contains(String.valueOf(ganja)).doesNotContain(String.valueOf(sumqayit));
		assertThat(form.document().select("#walk-in-form select[name=handoverPointId] option[selected]").val())
			.isEqualTo(String.valueOf(ganja));

		Page receipt = form.form("#walk-in-form").set("donorName", "Rauf Qəniyev").set("donorPhone", "+994 55 123 45 67")
			.set("handoverPointId", String.valueOf(ganja)).submit();

		assertThat(receipt.url()).as(receipt.messages()).isEqualTo("/volunteer/walk-in/" + code + "/receipt");
		assertThat(jdbc.sql("SELECT status || ' ' || handover_point_id FROM letter WHERE code = ?").param(code)
			.query(String.class).single()).isEqualTo("ADOPTED " + ganja);
	}

	@Test
	void staffAreOfferedEveryCentreThatTakesGifts() {
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		var offered = staff.open("/volunteer/walk-in").document()
			.select("#walk-in-form select[name=handoverPointId] option[value~=^[0-9]+$]").eachAttr("value");
		var accepting = jdbc.sql("SELECT CAST(id AS text) FROM handover_point WHERE accepting").query(String.class).list();
		assertThat(offered).containsExactlyInAnyOrderElementsOf(accepting);
	}

}
