package az.asan.mektub.account;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.web.Visitor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Penetration-test finding: a flash message stayed in the language the step was taken in. On the
 * organisation review and campaign pages it is now kept as its key and shown in the reader's language.
 */
@IntegrationTest
@RemovesPeople(FlashLanguageIntegrationTest.EMAIL)
class FlashLanguageIntegrationTest extends IntegrationTestBase {

	static final String EMAIL = "flash@organisations.test";

	@Autowired
	Accounts accountRows;

	@Test
	void anOrganisationConfirmedInAzerbaijaniIsReportedInEnglishAfterSwitching() {
		Account organisation = Account.organisation(EMAIL, "{noop}x", "Bayraq MMC", "1402345672", "Nigar Əliyeva");
		organisation.confirmEmail();
		long id = accountRows.saveAndFlush(organisation).getId();
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking("az");

		// the step is taken in Azerbaijani; before its page is shown, the person switches to English
		staff.open("/admin/organisations").formTo("/admin/organisations/" + id + "/confirm").press();
		String shown = staff.open("/admin/organisations?lang=en").document().select(".alert-success").text();

		assertThat(shown).isEqualTo("The organisation is confirmed; its contact person was told by e-mail.");
	}

}
