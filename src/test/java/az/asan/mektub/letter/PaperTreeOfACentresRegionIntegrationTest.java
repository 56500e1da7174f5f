package az.asan.mektub.letter;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff, who see every region, print tags for the Baku 1 centre: Quba's letters do not go onto its
 * tree (its desk could not take their gifts), whether Quba is chosen in the form or merely matches.
 */
@IntegrationTest
class PaperTreeOfACentresRegionIntegrationTest extends CampaignTestBase {

	// an age no demo letter has
	static final int AGE = 22;

	@Test
	void aCentresSheetHoldsOnlyLettersOfItsOwnRegion() {
		String quba = testLetters.published(campaign, Spec.of("Kamran", AGE).region("AZ-QBA"));
		String baku = testLetters.published(campaign, Spec.of("Nərmin", AGE).region("AZ-BA"));
		long bakuCentre = point("AZ-BA");
		int qubaRegion = jdbc.sql("SELECT id FROM region WHERE code = 'AZ-QBA'").query(Integer.class).single();
		String[][] languages = { { "az", "Bu mərkəzin kağız ağacına yalnız onun regionunun məktubları asılır" },
				{ "en", "Only letters of the centre's own region can hang on its paper tree" },
				{ "ru", "На бумажное дерево центра можно повесить только письма его региона" } };
		for (String[] language : languages) {
			Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking(language[0]);
			Page refused = staff.open("/volunteer/paper-tree").form("#paper-tree-form")
				.set("handoverPointId", String.valueOf(bakuCentre))
				.set("regionId", String.valueOf(qubaRegion))
				.set("minAge", String.valueOf(AGE))
				.set("maxAge", String.valueOf(AGE))
				.submit();
			assertThat(refused.document().select("#regionId ~ .invalid-feedback, .invalid-feedback").text()).as(language[0])
				.contains(language[1]);
			assertThat(hangingAt(quba)).isZero();
		}

		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		Page sheet = staff.open("/volunteer/paper-tree").form("#paper-tree-form")
			.set("handoverPointId", String.valueOf(bakuCentre))
			.set("minAge", String.valueOf(AGE))
			.set("maxAge", String.valueOf(AGE))
			.set("count", "10")
			.submit();
		assertThat(sheet.document().select(".paper-tag").eachAttr("data-code")).containsExactly(baku);
		assertThat(hangingAt(quba)).isZero();
		assertThat(hangingAt(baku)).isEqualTo(bakuCentre);
	}

	private long hangingAt(String code) {
		return jdbc.sql("SELECT coalesce(paper_tree_point_id, 0) FROM letter WHERE code = ?").param(code).query(Long.class).single();
	}

}
