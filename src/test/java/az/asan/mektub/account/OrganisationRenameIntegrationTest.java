package az.asan.mektub.account;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Penetration-test finding: a confirmed organisation renamed itself on /me with no new review and no
 * audit entry. Its new name now goes back to staff (PENDING, in the audit log), and it is told so.
 */
@IntegrationTest
@RemovesPeople(OrganisationRenameIntegrationTest.EMAIL)
class OrganisationRenameIntegrationTest extends IntegrationTestBase {

	static final String EMAIL = "rename@organisations.test";

	@Autowired
	Accounts accountRows;

	@Test
	void aConfirmedOrganisationThatRenamesItselfIsAuditedAndWaitsForStaffAgain() {
		// given: an organisation staff confirmed
		Account organisation = Account.organisation(EMAIL, "{noop}x", "Günəş MMC", "1402345671", "Aysel Quliyeva");
		organisation.confirmEmail();
		long id = accountRows.saveAndFlush(organisation).getId();
		jdbc.sql("UPDATE app_user SET organisation_review = 'CONFIRMED' WHERE id = ?").param(id).update();
		Visitor visitor = Visitor.signedIn(mvc, users.loadUserByUsername(EMAIL));

		// when: it renames itself on its page
		Page saved = visitor.open("/me").form("#profile-form").set("fullName", "ASAN Xidmət Rəsmi Fondu").submit();

		// then: told plainly, back in staff review, and in the audit log
		assertThat(saved.document().select(".alert-success").text()).contains("yenidən təsdiqləməlidir");
		assertThat(jdbc.sql("SELECT full_name || '|' || organisation_review FROM app_user WHERE id = ?").param(id)
			.query(String.class).single()).isEqualTo("ASAN Xidmət Rəsmi Fondu|PENDING");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ORGANISATION_RENAMED' AND target_id = ?")
			.param(id).query(Long.class).single()).isEqualTo(1);
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		assertThat(staff.open("/admin/organisations").text()).contains("ASAN Xidmət Rəsmi Fondu");
		assertThat(staff.open("/admin/audit").text()).contains("Günəş MMC");

		// saving the page again without a new name changes nothing more
		visitor.open("/me").form("#profile-form").submit();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ORGANISATION_RENAMED' AND target_id = ?")
			.param(id).query(Long.class).single()).isEqualTo(1);
	}

}
