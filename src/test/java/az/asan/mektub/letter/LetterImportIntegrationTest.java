package az.asan.mektub.letter;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.letter.importing.LetterImport;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LetterImportIntegrationTest extends LetterImportTest {

	static final String HEADER = String.join(",", LetterImport.COLUMNS) + "\n";

	@Test
	void aGoodFileImportsEveryRowAndTheSameFileAgainCreatesNoDuplicates() throws Exception {
		String csv = HEADER
				+ "Aysel,Məmmədova,14.05.2016,F,AZ-BA-YAS,CHILDREN_HOME,Uşaq evi №2,Gitara istəyirəm,Gitara,MUSIC,,\"80,00\"\n"
				+ "Əli,Həsənov,2013-01-20,M,AZ-GA,family,\"Ata: Vüqar, +994 50 000 00 00\",Velosiped,Velosiped,SPORTS,20 düym,150.5\n"
				+ "Şəbnəm,İsmayılova,01.09.2018,Q,AZ-SM,SHELTER,Sığınacaq,\"Kukla, \"\"Barbie\"\"\",Kukla,TOY,,25\n";

		upload(csv).andExpect(flash().attribute("success", containsString("İdxal edildi: 3 məktub")));
		assertThat(count()).isEqualTo(3);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				WHERE l.campaign_id = ? AND h.to_status = 'RECEIVED' AND h.note = 'IMPORTED'""")
			.param(campaign)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT original_wish FROM letter WHERE campaign_id = ? AND first_name = 'Şəbnəm'")
			.param(campaign)
			.query(String.class)
			.single()).isEqualTo("Kukla, \"Barbie\"");

		upload(csv).andExpect(flash().attribute("success", containsString("keçildi: 3")));
		assertThat(count()).isEqualTo(3);
	}

	@Test
	void aFileWithMistakesListsEachByLineAndColumnAndImportsNothing() throws Exception {
		String csv = HEADER
				+ "Aysel,Məmmədova,14.05.2016,F,AZ-BA-YAS,CHILDREN_HOME,Uşaq evi №2,Gitara istəyirəm,Gitara,MUSIC,,80\n"
				+ "Kənan,Babayev,31.13.2015,M,AZ-LAN,HOME,Ev,Top,Top,BALL,,pulsuz\n"
				+ ",Quliyev,01.01.2005,X,AZ-BA,FAMILY,Ev,Top,Babayev üçün top,SPORTS,,10\n";

		upload(csv).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-problems\"")))
			.andExpect(cell(3, "birth_date", "31.13.2015"))
			.andExpect(cell(3, "region_code", "AZ-LAN"))
			.andExpect(cell(3, "care_setting", "HOME"))
			.andExpect(cell(3, "category", "BALL"))
			.andExpect(cell(3, "estimated_cost", "pulsuz"))
			.andExpect(cell(4, "first_name", "boş ola bilməz"))
			.andExpect(cell(4, "birth_date", "Yaş 21"))
			.andExpect(cell(4, "gender", "X"));
		assertThat(count()).isZero();
	}

	@Test
	void aSpreadsheetsSemicolonFileWithAByteOrderMarkImportsToo() throws Exception {
		String csv = "\uFEFF" + String.join(";", LetterImport.COLUMNS) + "\r\n"
				+ "Nigar;Əhmədova;14.05.2016;F;AZ-ABS;FAMILY;Ana: Lalə;Rəngli karandaşlar;Karandaşlar;SCHOOL;;12,50\r\n";
		upload(csv).andExpect(flash().attributeExists("success"));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void tenThousandRowsImportInOneGo() throws Exception {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 10_000; i++) {
			csv.append("Uşaq").append(i).append(",Soyad").append(i % 97).append(',')
				.append(String.format("%02d.%02d.%d", 1 + i % 28, 1 + i % 12, 2012 + i % 8))
				.append(i % 2 == 0 ? ",F," : ",M,")
				.append(i % 3 == 0 ? "AZ-GA" : "AZ-BA-NAS")
				.append(",FAMILY,Ailə,Kitab istəyirəm,Kitab,BOOKS,,15\n");
		}
		long started = System.nanoTime();
		upload(csv.toString()).andExpect(flash().attribute("success", containsString("İdxal edildi: 10 000 məktub")));
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(count()).isEqualTo(10_000);
		System.out.println("Imported 10 000 letters in " + millis + " ms");
	}

	@Test
	void theTemplateDownloadsAsUtf8WithAByteOrderMark() throws Exception {
		byte[] body = mvc.perform(get("/volunteer/letters/import/template.csv").with(user(volunteer())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("asan-mektub-letters.csv")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF" + String.join(",", LetterImport.COLUMNS));
		assertThat(text).contains("Məmmədova");
	}

	private ResultActions upload(String csv) throws Exception {
		return mvc.perform(multipart("/volunteer/letters/import")
			.file(new MockMultipartFile("file", "letters.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("campaignId", String.valueOf(campaign))
			.with(csrf())
			.with(user(volunteer())));
	}

	/** A row of the problems table: line, column, and a part of the message. */
	private static org.springframework.test.web.servlet.ResultMatcher cell(int line, String column, String text) {
		return result -> {
			String html = org.springframework.web.util.HtmlUtils.htmlUnescape(result.getResponse().getContentAsString());
			java.util.regex.Pattern row = java.util.regex.Pattern.compile("<td>" + line + "</td>\\s*<td><code>" + column
					+ "</code></td>\\s*<td>[^<]*" + java.util.regex.Pattern.quote(text));
			assertThat(row.matcher(html).find()).as("problem on line %d, column %s, saying %s", line, column, text)
				.isTrue();
		};
	}

}
