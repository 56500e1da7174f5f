package az.asan.mektub.letter;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correcting a letter through the form as the page serves it: the correction form sends no campaign
 * (a registered letter keeps its own), and that must not keep the correction from being saved.
 */
@IntegrationTest
class LetterCorrectionIntegrationTest extends IntegrationTestBase {

	@TestCampaign
	long campaign;

	@Test
	void anIncompleteLetterCorrectedThroughTheServedFormGoesBackToReview() {
		String code = registeredLetter();
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));

		// given: sent back as incomplete, through the letter's page
		Page letterPage = volunteer.open("/volunteer/letters/" + code);
		letterPage.form("#incomplete-form").set("reason", "MISSING_CONSENT").set("note", "İmza yoxdur").submit();
		assertThat(status(code)).isEqualTo("INCOMPLETE");

		// when: the volunteer opens "correct the details" and fixes the contact
		Page edit = volunteer.open("/volunteer/letters/" + code + "/edit");
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.form("#letter-form").has("campaignId")).as("the correction form sends no campaign").isFalse();
		Page after = edit.form("#letter-form").set("contact", "Uşaq evi №3, razılıq alınıb").submit();

		// then
		assertThat(after.url()).isEqualTo("/volunteer/letters/" + code);
		assertThat(after.text()).contains("Məlumatlar düzəldildi").doesNotContain("Formada səhvlər var");
		assertThat(status(code)).isEqualTo("RECEIVED");
		assertThat(jdbc.sql("SELECT ch.contact FROM child ch JOIN letter l ON l.child_id = ch.id WHERE l.code = ?")
			.param(code)
			.query(String.class)
			.single()).isEqualTo("Uşaq evi №3, razılıq alınıb");
	}

	@Test
	void aCorrectionWithAMissingNameIsRefusedBesideTheFieldAndChangesNothing() {
		String code = registeredLetter();
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));

		Page answer = volunteer.open("/volunteer/letters/" + code + "/edit")
			.form("#letter-form")
			.set("firstName", "")
			.set("estimatedCost", "qırx")
			.submit();

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.document().select("#firstName.is-invalid, [name=firstName].is-invalid")).isNotEmpty();
		assertThat(answer.text()).contains("Qiyməti rəqəmlə yazın");
		assertThat(jdbc.sql("SELECT first_name FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("Səbinə");
	}

	private String registeredLetter() {
		int region = jdbc.sql("SELECT id FROM region WHERE code = 'AZ-GA'").query(Integer.class).single();
		Child child = new Child("Səbinə", "Əliyeva", LocalDate.now().minusYears(9), Gender.F, region,
				CareSetting.CHILDREN_HOME, "Uşaq evi №3");
		Letter letter = Letter.register(child, campaign, 9, "Kitab istəyirəm", "Kitab istəyirəm", Category.BOOKS, null,
				new java.math.BigDecimal("20.00"), false, 1L);
		return tx.execute(s -> letters.save(letter).getCode());
	}

	private String status(String code) {
		return jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single();
	}

}
