package az.asan.mektub.letter;

import java.util.List;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer prints tags for a service centre's paper tree: the letters chosen by the filters are
 * marked as hanging there, the public letter page says so, and a second sheet with "not yet on any
 * paper tree" leaves them out.
 */
@IntegrationTest
class PaperTreeIntegrationTest extends CampaignTestBase {

	// an age no demo letter has, so the filters find only this test's letters
	static final int AGE = 21;

	@Test
	void printingASheetHangsTheChosenLettersAtTheCentreAndASecondSheetLeavesThemOut() {
		// given
		String first = testLetters.published(campaign, Spec.of("Nərmin", AGE));
		String second = testLetters.published(campaign, Spec.of("Tural", AGE));
		String third = testLetters.published(campaign, Spec.of("Sevda", AGE));
		String elsewhere = testLetters.published(campaign, Spec.of("Kamran", AGE).region("AZ-LAN"));
		long ganja = point("AZ-GA");
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));

		// when
		Page form = volunteer.open(volunteer.open("/volunteer").document().selectFirst("#paper-tree-link").attr("href"));
		Page sheet = form.form("#paper-tree-form")
			.set("handoverPointId", String.valueOf(ganja))
			.set("minAge", String.valueOf(AGE))
			.set("maxAge", String.valueOf(AGE))
			.set("count", "2")
			.submit();

		// then
		assertThat(sheet.status()).isEqualTo(200);
		assertThat(codesOn(sheet)).containsExactly(first, second);
		assertThat(sheet.document().select(".paper-tag img.paper-tag-qr").eachAttr("src"))
			.containsExactly("/letters/" + first + "/qr.svg", "/letters/" + second + "/qr.svg");
		assertThat(sheet.document().select("#sheet-summary").text()).isEqualTo("2 etiket, 1 səhifə.");
		assertThat(hangingAt(first)).isEqualTo(ganja);
		assertThat(hangingAt(third)).isZero();
		assertThat(volunteer.open("/letters/" + first).document().select("#paper-tree-centre").text())
			.contains("Gəncə “ASAN xidmət” mərkəzi");
		assertThat(volunteer.open("/letters/" + third).document().select("#paper-tree-centre")).isEmpty();

		// a second sheet, "not yet on any paper tree": only the third letter, never another region's
		Page again = volunteer.open("/volunteer/paper-tree").form("#paper-tree-form")
			.set("handoverPointId", String.valueOf(ganja))
			.set("minAge", String.valueOf(AGE))
			.set("maxAge", String.valueOf(AGE))
			.set("count", "10")
			.submit();
		assertThat(codesOn(again)).containsExactly(third);
		assertThat(hangingAt(elsewhere)).isZero();

		// nothing left to print: said so, in the volunteer's language
		Page none = volunteer.speaking("en").open("/volunteer/paper-tree").form("#paper-tree-form")
			.set("handoverPointId", String.valueOf(ganja))
			.set("minAge", String.valueOf(AGE))
			.set("maxAge", String.valueOf(AGE))
			.submit();
		assertThat(none.document().select("#form-errors").text()).contains("No letter on the tree matches this choice.");
		assertThat(Visitor.anonymous(mvc).speaking("en").open("/letters/" + second).document()
			.select("#paper-tree-centre").text()).isEqualTo("This letter also hangs on the tree at Ganja ASAN service centre (Ganja city).");
	}

	@Test
	void reversedAgesAndAMissingCentreAreRefusedBesideTheirFieldsAndNothingIsMarked() {
		String code = testLetters.published(campaign, Spec.of("Nərmin", AGE));
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az")).speaking("ru");

		Page refused = volunteer.open("/volunteer/paper-tree").form("#paper-tree-form")
			.set("minAge", "9")
			.set("maxAge", "5")
			.submit();

		assertThat(refused.document().select("#maxAge-errors").text())
			.isEqualTo("Наибольший возраст не может быть меньше наименьшего.");
		assertThat(refused.document().select("#handoverPointId-errors").text()).isNotBlank();
		assertThat(hangingAt(code)).isZero();
	}

	private static List<String> codesOn(Page sheet) {
		return sheet.document().select(".paper-tag").eachAttr("data-code");
	}

	/** The centre the letter hangs at, 0 for none. */
	private long hangingAt(String code) {
		return jdbc.sql("SELECT coalesce(paper_tree_point_id, 0) FROM letter WHERE code = ?").param(code).query(Long.class).single();
	}

}
