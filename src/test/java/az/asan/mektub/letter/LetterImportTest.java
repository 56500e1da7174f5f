package az.asan.mektub.letter;

import java.nio.charset.StandardCharsets;
import java.util.List;

import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.account.SignedInUser;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * What the letter import's tests send and read back, once instead of a copy in each class (issue 24):
 * a test campaign, a file uploaded as the demo volunteer, the answer page, and the campaign's letters.
 */
abstract class LetterImportTest extends IntegrationTestBase {

	@TestCampaign
	long campaign;

	/** Uploads a file to the test campaign as the import form does, the answer in {@code language}. */
	ResultActions upload(String name, byte[] file, String language) throws Exception {
		return mvc.perform(multipart("/volunteer/letters/import")
			.file(new MockMultipartFile("file", name, "application/octet-stream", file))
			.param("campaignId", String.valueOf(campaign))
			.param("lang", language)
			.with(csrf())
			.with(user(volunteer())));
	}

	/** The answer, a page that answered 200, its HTML unescaped. */
	static String page(ResultActions actions) throws Exception {
		MvcResult result = actions.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** The full names of the test campaign's children. */
	List<String> names() {
		return jdbc.sql("""
				SELECT c.first_name || ' ' || c.surname FROM letter l JOIN child c ON c.id = l.child_id
				WHERE l.campaign_id = ?""").param(campaign).query(String.class).list();
	}

	SignedInUser volunteer() {
		return (SignedInUser) users.loadUserByUsername("volunteer@demo.az");
	}

	/** How many letters the test campaign has. */
	long count() {
		return jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = ?").param(campaign).query(Long.class).single();
	}

}
