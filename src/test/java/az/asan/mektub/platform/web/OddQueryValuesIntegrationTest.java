package az.asan.mektub.platform.web;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Values a penetration tester typed into query strings: each is the visitor's own text, encoded
 * again in every link the page builds, never a 500.
 */
@IntegrationTest
class OddQueryValuesIntegrationTest extends IntegrationTestBase {

	@Test
	void equalsSignsSemicolonsAndPlusesInAQueryAreKeptInTheTreesLinks() throws Exception {
		for (String query : new String[] { "q=a=b", "lang=en;q=1", "region=a;b=c", "q=a%2Bb&view=list",
				"q=%3Cb%3E&page=2" }) {
			var response = mvc.perform(get("/tree?" + query)).andReturn().getResponse();
			assertThat(response.getStatus()).as(query).isEqualTo(200);
		}
		Page tree = Visitor.anonymous(mvc).open("/tree?q=a%3Db%2Bc&view=tree");
		String list = tree.document().select("a[href*=view=list]").attr("href");
		assertThat(list).isEqualTo("/tree?q=a%3Db%2Bc&view=list");
	}

	@Test
	void aVolunteersListKeepsAnOddValueInItsPageLinks() throws Exception {
		var volunteer = user(users.loadUserByUsername("volunteer@demo.az"));
		for (String query : new String[] { "lang=a=b", "q=a=b", "q=x;y=z" }) {
			var response = mvc.perform(get("/volunteer/letters?" + query).with(volunteer)).andReturn().getResponse();
			assertThat(response.getStatus()).as(query).isEqualTo(200);
		}
		var staff = user(users.loadUserByUsername("staff@demo.az"));
		var response = mvc.perform(get("/reports/regions?year=a=b").with(staff)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("year=a%3Db");
	}

	@Test
	void aSheetOfAPaperTreeAtADateNoDatabaseHoldsIsA400() throws Exception {
		var volunteer = user(users.loadUserByUsername("volunteer@demo.az"));
		String point = jdbc.sql("SELECT min(id) FROM handover_point WHERE accepting").query(String.class).single();
		for (String at : new String[] { "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z" }) {
			var response = mvc.perform(get("/volunteer/paper-tree/sheet").param("point", point).param("at", at).with(volunteer))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(at).isEqualTo(400);
		}
	}

}
