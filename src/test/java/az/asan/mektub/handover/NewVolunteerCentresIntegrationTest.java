package az.asan.mektub.handover;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestPeople;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff opening a volunteer's account choose the ASAN service centres the volunteer will work at on
 * the same form, in the grouped searchable list of the volunteer's page: a form sent back for an
 * error keeps the ticks, and the account is saved with its centres (and their audit row) in one step.
 */
@IntegrationTest
@RemovesPeople("%@new-centres.test")
class NewVolunteerCentresIntegrationTest extends IntegrationTestBase {

	private static final String EMAIL = "newcomer@new-centres.test";

	@Test
	void staffTickTheCentresOfANewVolunteerOnTheInvitationFormAndTheyAreSavedWithTheAccount() {
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		String ganja = String.valueOf(point("AZ-GA"));
		String sumqayit = String.valueOf(point("AZ-SM"));

		// the form offers the centres grouped by economic region, searchable like the regions
		Page form = staff.open("/admin/users/new");
		assertThat(form.document().select("#volunteer-form fieldset[data-check-group] input[name=handoverPointIds]"))
			.hasSizeGreaterThanOrEqualTo(10);
		assertThat(form.document().select("#volunteer-form label[for=new-centres-" + ganja + "]").text())
			.isEqualTo("Gəncə “ASAN xidmət” mərkəzi");
		assertThat(form.document().select("#new-centres input[type=search][hidden]")).hasSize(1);
		assertThat(form.document().select("script:not([src])")).isEmpty();

		// when: no region chosen, the form comes back with the message and the centres still ticked
		Page refused = form.form("#volunteer-form").set("fullName", "Yeni Könüllü").set("email", EMAIL)
			.choose("handoverPointIds", ganja, sumqayit).submit();
		assertThat(refused.document().select(".invalid-feedback").text()).as(refused.messages()).isNotBlank();
		assertThat(refused.document().select("#volunteer-form input[name=handoverPointIds][checked]").eachAttr("value"))
			.containsExactlyInAnyOrder(ganja, sumqayit);
		assertThat(refused.form("#volunteer-form").value("fullName")).isEqualTo("Yeni Könüllü");
		assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?").param(EMAIL).query(Long.class).single())
			.isZero();

		// when: the region ticked on the page that came back, the rest sent as it stands
		Page invited = refused.form("#volunteer-form").choose("regionIds", String.valueOf(region("AZ-AGM")))
			.choose("handoverPointIds", ganja, sumqayit).submit();

		// then: the account and its two centres, the centres ticked on the volunteer's page, in the audit log
		assertThat(invited.document().select(".alert-success")).as(invited.messages()).isNotEmpty();
		long id = TestPeople.id(jdbc, EMAIL);
		assertThat(invited.url()).isEqualTo("/admin/users/" + id);
		assertThat(jdbc.sql("SELECT handover_point_id FROM volunteer_handover_point WHERE user_id = ?").param(id)
			.query(Long.class).set()).containsExactlyInAnyOrder(Long.valueOf(ganja), Long.valueOf(sumqayit));
		assertThat(invited.document().select("#centres-form input[name=handoverPointIds][checked]").eachAttr("value"))
			.containsExactlyInAnyOrder(ganja, sumqayit);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target_id = ? AND action = 'CENTRES'").param(id)
			.query(Long.class).single()).isEqualTo(1);

	}

	@Test
	void aNewVolunteerWithoutCentresHasNone() {
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking("ru");
		Page form = staff.open("/admin/users/new");
		assertThat(form.document().select("#volunteer-form label[for=new-centres-" + point("AZ-GA") + "]").text())
			.isEqualTo("Центр «ASAN xidmət» в Гяндже");

		Page invited = form.form("#volunteer-form").set("fullName", "Без Центров").set("email", "none@new-centres.test")
			.choose("regionIds", String.valueOf(region("AZ-AGM"))).submit();

		assertThat(invited.document().select(".alert-success")).as(invited.messages()).isNotEmpty();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM volunteer_handover_point c JOIN app_user u ON u.id = c.user_id
				WHERE u.email = 'none@new-centres.test'""").query(Long.class).single()).isZero();
	}

}
