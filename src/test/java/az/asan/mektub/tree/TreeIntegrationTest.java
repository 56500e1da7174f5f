package az.asan.mektub.tree;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class TreeIntegrationTest extends CampaignTestBase {

	private static final Pattern CARD = Pattern.compile("href=\"/letters/([0-9A-Z]{12})\"");

	@Test
	void theTreeFiltersByRegionAgeGenderCategoryCostAndWordsOfTheWish() throws Exception {
		String ganjaGirl = testLetters.published(campaign, Spec.of("Aysel", 9).region("AZ-GA"));
		String bakuBoy = testLetters.published(campaign,
				Spec.of("Murad", 12).region("AZ-BA-YAS").gender(Gender.M).wish("Velosiped istəyirəm", Category.SPORTS).cost("180"));
		String lankaranGirl = testLetters.published(campaign,
				Spec.of("Lalə", 4).region("AZ-LAN").wish("Böyük yumşaq ayı", Category.TOY).cost("35"));

		assertThat(cards("")).containsExactlyInAnyOrder(ganjaGirl, bakuBoy, lankaranGirl);
		// Bakı includes its districts
		assertThat(cards("&region=" + region("AZ-BA"))).containsExactly(bakuBoy);
		assertThat(cards("&economicRegion=" + economicRegionOf("AZ-LAN"))).containsExactly(lankaranGirl);
		assertThat(cards("&ageMin=8&ageMax=10")).containsExactly(ganjaGirl);
		// ages the wrong way round mean the same range, not nothing
		assertThat(cards("&ageMin=10&ageMax=8")).containsExactly(ganjaGirl);
		// the age choices are the program's ages, 3 to 14
		org.jsoup.nodes.Document tree = org.jsoup.Jsoup.parse(page("/tree?campaign=" + campaign));
		assertThat(tree.select("#f-age-min option[value]").eachAttr("value")).filteredOn(v -> !v.isEmpty())
			.containsExactly("3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");
		assertThat(cards("&gender=M")).containsExactly(bakuBoy);
		assertThat(cards("&category=TOY")).containsExactly(lankaranGirl);
		assertThat(cards("&costMin=100")).containsExactly(bakuBoy);
		assertThat(cards("&costMax=30")).containsExactly(ganjaGirl);
		// words of the wish, the Azerbaijani way and the Latin-keyboard way
		assertThat(cards("&q=VELOSİPED")).containsExactly(bakuBoy);
		assertThat(cards("&q=yumsaq")).containsExactly(lankaranGirl);
		// nonsense in the URL is ignored, not an error
		assertThat(cards("&ageMin=abc&gender=X")).hasSize(3);
	}

	@Test
	void theTreePagesThroughManyLettersAndShakingShowsARandomSet() throws Exception {
		for (int i = 0; i < 30; i++) {
			testLetters.published(campaign, Spec.of("Uşaq" + i, 3 + i % 12));
		}
		List<String> first = cards("");
		List<String> second = cards("&page=2");
		assertThat(first).hasSize(TreeFilter.PAGE_SIZE);
		assertThat(second).hasSize(6);
		assertThat(first).doesNotContainAnyElementsOf(second);

		List<String> shaken = cards("&shake=12345");
		assertThat(shaken).hasSize(TreeFilter.PAGE_SIZE).doesNotHaveDuplicates();
		assertThat(cards("&shake=12345")).isEqualTo(shaken);
		// after shaking, the way on: shake again, or back to all letters in pages
		org.jsoup.nodes.Document shakenPage = org.jsoup.Jsoup.parse(page("/tree?campaign=" + campaign + "&shake=12345"));
		assertThat(shakenPage.select("#after-shake a")).hasSize(2);
		assertThat(shakenPage.select("#all-letters").attr("href")).isEqualTo("/tree?campaign=" + campaign);

		// a page past the end shows the last page, not an empty tree
		assertThat(cards("&page=999")).isEqualTo(second);

		String list = page("/tree?view=list&campaign=" + campaign);
		assertThat(list).contains("id=\"tree-list\"");
	}

	@Test
	void noPersonalDataReachesTheTreeOrALettersPublicPage() throws Exception {
		String code = testLetters.published(campaign, Spec.of("Xədicə", 8)
			.privately("Zərbəliyeva", LocalDate.of(2017, 4, 23), "Qarabağ küç. 17, tel. +994 12 345 67 89"));
		String internal = jdbc.sql("SELECT id::text FROM letter WHERE code = ?").param(code).query(String.class).single();

		for (String html : List.of(page("/tree?campaign=" + campaign), page("/tree?view=list&campaign=" + campaign),
				page("/letters/" + code))) {
			assertThat(html).contains("Xədicə")
				.doesNotContain("Zərbəliyeva")
				.doesNotContain("23.04.2017")
				.doesNotContain("2017-04-23")
				.doesNotContain("Qarabağ küç")
				.doesNotContain("345 67 89")
				.doesNotContain("/letters/" + internal + "\"");
		}
	}

	@Test
	void aLetterThatIsNotOnTheTreeAnswers404ToThePublic() throws Exception {
		String code = testLetters.published(campaign, Spec.of("Fidan", 8));
		jdbc.sql("UPDATE letter SET status = 'WITHDRAWN' WHERE code = ?").param(code).update();

		mvc.perform(get("/letters/" + code)).andExpect(status().isNotFound());
		mvc.perform(get("/letters/NOSUCHCODE00")).andExpect(status().isNotFound());
		mvc.perform(get("/letters/" + code + "/picture.jpg")).andExpect(status().isNotFound());
	}

	private List<String> cards(String query) throws Exception {
		String html = page("/tree?campaign=" + campaign + query);
		Matcher matcher = CARD.matcher(html);
		List<String> codes = new java.util.ArrayList<>();
		Set<String> seen = new HashSet<>();
		while (matcher.find()) {
			if (seen.add(matcher.group(1))) {
				codes.add(matcher.group(1));
			}
		}
		return codes;
	}

	private String page(String url) throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	private int economicRegionOf(String code) {
		return jdbc.sql("SELECT economic_region_id FROM region WHERE code = ?").param(code).query(Integer.class).single();
	}

}
