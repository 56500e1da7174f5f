package az.asan.mektub.adoption;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.letter.PaperTree;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter on a centre's paper tree says so on the online tree; once a citizen takes it at the desk,
 * the walk-in shows where volunteers and staff look for it (the letter's page, the channel report and
 * its exports) and the walk-in donor's name and phone appear on no public page, in any language.
 */
@IntegrationTest
class WalkInOnEveryPageIntegrationTest extends CampaignTestBase {

	static final String NAME = "Rauf Qəniyev";

	static final String PHONE = "+994 55 123 45 67";

	static final String GANJA_CENTRE = "Gəncə “ASAN xidmət” mərkəzi";

	// an age no demo letter has, so the sheet holds only this test's letters
	static final int AGE = 23;

	@Autowired
	PaperTree paperTree;

	@Test
	void aLetterOnAPaperTreeSaysWhereOnTheOnlineTreeCardsAndItsPublicPage() {
		// given: two letters on the tree, one printed for the Ganja centre's paper tree
		String printed = testLetters.published(campaign, Spec.of("Nərmin", AGE));
		String online = testLetters.published(campaign, Spec.of("Tural", AGE + 1));
		assertThat(paperTree.print(new PaperTree.Choice(null, AGE, AGE, 10, true), point("AZ-GA"), RegionScope.all()))
			.isPresent();
		Visitor visitor = Visitor.anonymous(mvc);

		// then: the drawn tree's card, the phone's card and the list each say so, in Azerbaijani
		Page tree = visitor.open("/tree?campaign=" + campaign);
		String card = "a.tree-card[href='/letters/" + printed + "']";
		assertThat(tree.document().select("svg " + card + " text.card-paper-tree").text()).isEqualTo("Həm də: Gəncə “ASAN…");
		assertThat(tree.document().select("svg " + card).attr("aria-label")).endsWith("Kağız ağacda da: " + GANJA_CENTRE);
		assertThat(tree.document().select(".phone-cards " + card + " .card-paper-tree").text())
			.isEqualTo("Kağız ağacda da: " + GANJA_CENTRE);
		assertThat(tree.document().select("a.tree-card[href='/letters/" + online + "'] .card-paper-tree")).isEmpty();
		Page list = visitor.open("/tree?view=list&campaign=" + campaign);
		assertThat(list.document().select("#tree-list tr:has(a[href='/letters/" + printed + "']) .card-paper-tree").text())
			.isEqualTo("Kağız ağacda da: " + GANJA_CENTRE);
		// and the letter's public page names the centre and its address
		assertThat(visitor.open("/letters/" + printed).document().select("#paper-tree-centre").text())
			.contains(GANJA_CENTRE).contains("Gəncə şəhəri");

		// in English and Russian too
		Visitor english = Visitor.anonymous(mvc).speaking("en");
		assertThat(english.open("/tree?campaign=" + campaign).document()
			.select(".phone-cards " + card + " .card-paper-tree").text())
			.isEqualTo("Also on the paper tree at Ganja ASAN service centre");
		Visitor russian = Visitor.anonymous(mvc).speaking("ru");
		assertThat(russian.open("/tree?campaign=" + campaign).document()
			.select(".phone-cards " + card + " .card-paper-tree").text())
			.isEqualTo("Также на бумажной ёлке: Центр «ASAN xidmət» в Гяндже");
	}

	@Test
	void aWalkInShowsWhereVolunteersAndStaffLookAndItsDonorOnNoPublicPage() throws Exception {
		// given: a letter on the Ganja paper tree, taken there by a citizen
		String code = testLetters.published(campaign, Spec.of("Sevda", AGE));
		long ganja = point("AZ-GA");
		paperTree.print(new PaperTree.Choice(null, AGE, AGE, 10, true), ganja, RegionScope.all());
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
		volunteer.open("/volunteer/walk-in?code=" + code).form("#walk-in-form")
			.set("donorName", NAME)
			.set("donorPhone", PHONE)
			.set("handoverPointId", String.valueOf(ganja))
			.submit();

		// then: the letter's page tells the volunteer and staff who took it, where, and how to call them
		for (String who : List.of("volunteer@demo.az", "staff@demo.az")) {
			Page letter = Visitor.signedIn(mvc, users.loadUserByUsername(who)).open("/volunteer/letters/" + code);
			assertThat(letter.document().select("#walk-in-centre").text()).as(who).isEqualTo(GANJA_CENTRE);
			assertThat(letter.document().select("#walk-in-name").text()).as(who).isEqualTo(NAME);
			assertThat(letter.document().select("#walk-in-phone a").attr("href")).as(who).isEqualTo("tel:+994551234567");
		}

		// the channel report's export counts it at its centre, without the person
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		Page report = staff.open("/reports/channels");
		assertThat(report.document().select("#channels-exports a").eachAttr("href"))
			.containsExactly("/reports/channels.csv", "/reports/channels.xlsx");
		Page csv = staff.open("/reports/channels.csv");
		assertThat(csv.result().getResponse().getContentType()).startsWith("text/csv");
		String exported = new String(csv.result().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(exported).contains(GANJA_CENTRE).contains("Gəncə").doesNotContain("Rauf").doesNotContain("123 45 67");
		assertThat(staff.open("/reports/channels.xlsx").status()).isEqualTo(200);

		// and no public page shows the walk-in donor, in any language
		for (String language : List.of("az", "en", "ru")) {
			Visitor visitor = Visitor.anonymous(mvc).speaking(language);
			for (String page : List.of("/tree?campaign=" + campaign, "/tree?view=list&campaign=" + campaign,
					"/letters/" + code, "/impact")) {
				String html = visitor.open(page).html();
				assertThat(html).as(language + " " + page).doesNotContain("Rauf").doesNotContain("Qəniyev")
					.doesNotContain("123 45 67").doesNotContain("551234567");
			}
		}
	}

}
