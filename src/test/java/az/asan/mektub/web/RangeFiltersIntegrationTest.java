package az.asan.mektub.web;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every "from … to …" filter reads a range typed the wrong way round as the right way round, and the
 * page says so in the reader's language.
 */
@IntegrationTest
class RangeFiltersIntegrationTest extends IntegrationTestBase {

	@TestCampaign
	long campaign;

	@Test
	void costFrom50To10OnTheTreeFindsWhat10To50FindsAndSaysTheEndsWereSwapped() {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String cheap = testLetters.published(campaign, Spec.of("Lalə", 4).cost("35"));
		testLetters.published(campaign, Spec.of("Murad", 12).cost("180"));
		testLetters.published(campaign, Spec.of("Aysel", 9).cost("5"));

		Visitor visitor = Visitor.anonymous(mvc);
		Document rightWay = tree(visitor, "costMin", "10", "costMax", "50");
		Document wrongWay = tree(visitor, "costMin", "50", "costMax", "10");

		assertThat(cards(wrongWay)).containsExactly(cheap).isEqualTo(cards(rightWay));
		assertThat(rightWay.select("#range-swapped")).isEmpty();
		assertThat(wrongWay.select("#range-swapped").text()).isEqualTo("Aralığın başlanğıcı sonundan böyük idi, ona görə hədlərin yerini dəyişdik.");
		// the form shows the range as it was applied
		assertThat(wrongWay.select("#f-cost-min").val()).isEqualTo("10");
		assertThat(wrongWay.select("#f-cost-max").val()).isEqualTo("50");
	}

	@Test
	void agesTheWrongWayRoundAreSwappedWithTheSameNoteInTheReadersLanguage() {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String nine = testLetters.published(campaign, Spec.of("Aysel", 9));
		testLetters.published(campaign, Spec.of("Murad", 12));

		Document english = tree(Visitor.anonymous(mvc).speaking("en"), "ageMin", "10", "ageMax", "8");
		assertThat(cards(english)).containsExactly(nine);
		assertThat(english.select("#range-swapped").text()).isEqualTo("The start of a range was larger than its end, so we swapped them.");
		Document russian = tree(Visitor.anonymous(mvc).speaking("ru"), "ageMin", "10", "ageMax", "8");
		assertThat(russian.select("#range-swapped").text()).isEqualTo("Начало диапазона было больше конца, поэтому мы поменяли их местами.");
		// equal ends are no mistake
		assertThat(tree(Visitor.anonymous(mvc), "ageMin", "9", "ageMax", "9").select("#range-swapped")).isEmpty();
	}

	@Test
	void reportDatesTheWrongWayRoundShowTheSameFiguresAsTheRightWayRoundWithTheNote() {
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		for (String report : List.of("/reports/regions", "/reports/duplicates", "/reports/donors")) {
			Document rightWay = staff.open(report).form("#report-filters").set("from", "2020-01-01").set("to", "2022-12-31")
				.submit().document();
			Document wrongWay = staff.open(report).form("#report-filters").set("from", "2022-12-31").set("to", "2020-01-01")
				.submit().document();
			assertThat(rightWay.select("#range-swapped")).as(report).isEmpty();
			assertThat(wrongWay.select("#range-swapped")).as(report).hasSize(1);
			assertThat(wrongWay.select("table tbody").text()).as(report).isEqualTo(rightWay.select("table tbody").text());
			assertThat(wrongWay.select("#report-filters input[name=from]").val()).as(report).isEqualTo("2020-01-01");
		}
		Document regions = staff.open("/reports/regions?from=2022-12-31&to=2020-01-01").document();
		assertThat(regions.select("#regions tfoot").text()).isNotBlank();
	}

	@Test
	void theAuditLogsDatesTheWrongWayRoundAreSwappedToo() {
		Visitor admin = Visitor.signedIn(mvc, users.loadUserByUsername("admin@demo.az"));
		Document page = admin.open("/admin/audit").form("#audit-filters").set("from", "2030-01-01")
			.set("to", "2020-01-01").submit().document();
		assertThat(page.select("#range-swapped")).hasSize(1);
		assertThat(page.select("#audit-from").val()).isEqualTo("2020-01-01");
		assertThat(page.select("#audit-to").val()).isEqualTo("2030-01-01");
	}

	private Document tree(Visitor visitor, String lowName, String low, String highName, String high) {
		return visitor.open("/tree?campaign=" + campaign + "&view=list").form("#tree-filters").set(lowName, low)
			.set(highName, high).submit().document();
	}

	private static List<String> cards(Document tree) {
		return tree.select("a[href^=/letters/]").stream().map(a -> a.attr("href")).map(h -> h.substring(h.lastIndexOf('/') + 1))
			.filter(code -> code.matches("[0-9A-Z]{12}")).distinct().toList();
	}

}
