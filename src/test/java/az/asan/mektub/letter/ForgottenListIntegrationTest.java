package az.asan.mektub.letter;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The desk shows ten letters of each forgotten list; a volunteer told there are more can see them all
 * (seen in review: "21 on the tree for over 30 days", ten listed, no way to the rest).
 */
@IntegrationTest
class ForgottenListIntegrationTest extends CampaignTestBase {

	@Test
	void aListLongerThanTheDeskShowsLeadsToAllOfItInTheVolunteersRegions() throws Exception {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			codes.add(testLetters.published(campaign, Spec.of("Unudulan" + i, 8)));
		}
		jdbc.sql("UPDATE letter SET published_at = now() - make_interval(days => 400) WHERE campaign_id = ?")
			.param(campaign)
			.update();

		Document desk = page("/volunteer?lang=az");
		assertThat(desk.select("[data-all=UNADOPTED]")).hasSize(1);
		String all = desk.selectFirst("[data-all=UNADOPTED]").attr("href");
		assertThat(all).endsWith("/volunteer/forgotten/UNADOPTED");

		Document list = page(all);
		long count = Long.parseLong(list.selectFirst("#forgotten-count").text().replaceAll("\\D", ""));
		assertThat(count).isGreaterThanOrEqualTo(12);
		assertThat(list.select("#forgotten-all li")).hasSize((int) Math.min(count, 500));
		assertThat(list.select("#forgotten-all li").eachAttr("data-code")).containsAll(codes);
		assertThat(mvc.perform(get("/volunteer/forgotten/NOTHING").with(user(users.loadUserByUsername("staff@demo.az"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	private Document page(String path) throws Exception {
		var response = mvc.perform(get(path).with(user(users.loadUserByUsername("staff@demo.az")))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

}
