package az.asan.mektub.tree;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.web.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/** Notes for developers stay in the templates: no page ships an HTML comment naming the code. */
@IntegrationTest
class NoDeveloperCommentsIntegrationTest extends IntegrationTestBase {

	@TestCampaign
	long campaign;

	@Test
	void publicAndVolunteerPagesCarryNoHtmlComments() {
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Aysel", 7).region("AZ-GA"));
		Visitor anonymous = Visitor.anonymous(mvc);
		for (String page : new String[] { "/", "/tree", "/tree?view=list", "/letters/" + code, "/impact", "/login" }) {
			assertThat(anonymous.open(page).html()).as(page).doesNotContain("<!--");
		}
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
		for (String page : new String[] { "/volunteer", "/volunteer/letters/" + code, "/letters/" + code }) {
			assertThat(volunteer.open(page).html()).as(page).doesNotContain("<!--");
		}
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		for (String page : new String[] { "/reports", "/reports/regions", "/admin" }) {
			assertThat(staff.open(page).html()).as(page).doesNotContain("<!--");
		}
	}

}
