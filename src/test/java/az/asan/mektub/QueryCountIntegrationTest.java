package az.asan.mektub;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.letter.LetterStatus;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page issues a fixed number of SQL statements, whatever the amount of data: the tree, a letter's
 * page, the reports and the volunteer's desk cost the same with 10 letters as with 1 000.
 */
@IntegrationTest
class QueryCountIntegrationTest extends IntegrationTestBase {

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
	}

	@Test
	void pagesIssueAsManyQueriesWithAThousandLettersAsWithTen() throws Exception {
		long small = campaignWith(10);
		long large = campaignWith(1_000);
		String smallCode = someCode(small);
		String largeCode = someCode(large);

		for (String page : new String[] { "/tree?campaign=%d", "/tree?view=list&campaign=%d",
				"/tree?campaign=%d&region=" + region("AZ-GA") + "&ageMin=5&ageMax=12&q=kitab", "/tree?campaign=%d&shake=99",
				"/reports/regions?campaign=%d", "/reports/donors?campaign=%d", "/reports?campaign=%d" }) {
			int withTen = queries(get(page.formatted(small)));
			int withThousand = queries(get(page.formatted(large)));
			assertThat(withThousand).as(page + " with 10 and with 1 000 letters").isEqualTo(withTen);
			assertThat(withTen).as(page).isLessThanOrEqualTo(8);
		}
		assertThat(queries(get("/letters/" + largeCode))).isEqualTo(queries(get("/letters/" + smallCode)));
		assertThat(queries(get("/volunteer/letters/" + largeCode))).isEqualTo(queries(get("/volunteer/letters/" + smallCode)));
		assertThat(queries(get("/volunteer/letters?campaign=" + large)))
			.isEqualTo(queries(get("/volunteer/letters?campaign=" + small)));
	}

	private int queries(MockHttpServletRequestBuilder request) throws Exception {
		request.with(user(users.loadUserByUsername("staff@demo.az")));
		mvc.perform(request).andExpect(status().isOk());
		// the second time counts: reference data read once per node is then in memory
		SqlCounter.reset();
		mvc.perform(request).andExpect(status().isOk());
		return SqlCounter.count();
	}

	private long campaignWith(int count) {
		long campaign = TestCampaigns.open(jdbc);
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		long donor = TestPeople.id(jdbc, "donor1@example.az");
		String[] regions = { "AZ-GA", "AZ-BA-YAS", "AZ-SM", "AZ-LAN", "AZ-QBA" };
		for (int i = 0; i < count; i++) {
			String code = testLetters.published(campaign,
					Spec.of("Uşaq", 3 + i % 12).region(regions[i % regions.length]).wish("Kitab " + i, az.asan.mektub.letter.Category.BOOKS));
			if (i % 4 == 1) {
				testLetters.moveTo(code, LetterStatus.FULFILLED, donor);
			}
		}
		return campaign;
	}

	private String someCode(long campaign) {
		return jdbc.sql("SELECT code FROM letter WHERE campaign_id = ? AND status = 'PUBLISHED' LIMIT 1")
			.param(campaign)
			.query(String.class)
			.single();
	}

}
