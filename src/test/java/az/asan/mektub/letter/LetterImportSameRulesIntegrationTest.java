package az.asan.mektub.letter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.importing.LetterImport;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A row of a file and the registration page are checked by the same rules, and a rule says the same
 * thing in both places, in the volunteer's language: an empty surname, a region not theirs, a cost
 * over the limit, a date in the future.
 */
@IntegrationTest
class LetterImportSameRulesIntegrationTest extends IntegrationTestBase {

	@TestCampaign
	long campaign;

	@Test
	void theFileAndTheFormSayTheSameAboutTheSameMistakes() throws Exception {
		Map<String, String[]> expected = Map.of(
				"en", new String[] { "This field must not be empty.", "This region is not assigned to you.",
						"The cost cannot exceed 5 000 ₼; for dearer wishes, contact the agency." },
				"az", new String[] { "Bu sahə boş ola bilməz.", "Bu region sizə təyin olunmayıb.",
						"Qiymət 5 000 ₼-dan çox ola bilməz; daha bahalı arzular üçün agentliklə əlaqə saxlayın." });
		for (Map.Entry<String, String[]> language : expected.entrySet()) {
			String csv = String.join(",", LetterImport.COLUMNS) + "\n"
					+ "Kamran,,01.01.2017,M,AZ-LAN,FAMILY,Ata,Top,Top,SPORTS,,6000\n";
			String file = send(multipart("/volunteer/letters/import")
				.file(new MockMultipartFile("file", "letters.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("campaignId", String.valueOf(campaign)), language.getKey());
			String form = send(multipart("/volunteer/letters/new")
				.param("campaignId", String.valueOf(campaign))
				.param("firstName", "Kamran")
				.param("surname", "")
				.param("birthDate", "2017-01-01")
				.param("gender", "M")
				.param("regionId", jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-LAN'").query(String.class).single())
				.param("careSetting", "FAMILY")
				.param("contact", "Ata")
				.param("originalWish", "Top")
				.param("publicWish", "Top")
				.param("category", "SPORTS")
				.param("estimatedCost", "6000"), language.getKey());
			for (String message : language.getValue()) {
				assertThat(file).as("the file, in %s", language.getKey()).contains(message);
				assertThat(form).as("the form, in %s", language.getKey()).contains(message);
			}
			// the file names the region by its code, so the code leads the message
			assertThat(file).contains("“AZ-LAN”: " + language.getValue()[1]);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = ?").param(campaign).query(Long.class).single())
			.isZero();
	}

	private String send(org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request,
			String language) throws Exception {
		return HtmlUtils.htmlUnescape(mvc
			.perform(request.param("lang", language)
				.with(csrf())
				.with(user((SignedInUser) users.loadUserByUsername("volunteer@demo.az"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
