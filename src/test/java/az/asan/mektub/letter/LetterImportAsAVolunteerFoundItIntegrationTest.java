package az.asan.mektub.letter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestPeople;
import az.asan.mektub.letter.importing.LetterImport;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a volunteer found trying the import with real files: the same file sent twice at once, dates
 * that do not exist, the template's example row left above their own rows, a file without the
 * optional columns, headings written as names, a Windows-1254 file full of "?", a file over the cap.
 */
@IntegrationTest
class LetterImportAsAVolunteerFoundItIntegrationTest extends LetterImportTest {

	static final Charset CP1254 = Charset.forName("windows-1254");

	@Test
	void theSameFileSentFromTwoTabsAtOnceMakesEachChildOnce() throws Exception {
		StringBuilder csv = new StringBuilder(String.join(",", LetterImport.COLUMNS) + "\n");
		for (int i = 0; i < 600; i++) {
			csv.append("Uşaq").append(i).append(",Soyad").append(i % 97).append(',')
				.append(String.format("%02d.%02d.%d", 1 + i % 28, 1 + i % 12, 2012 + i % 8))
				.append(i % 2 == 0 ? ",F," : ",M,")
				.append("AZ-GA,FAMILY,Ailə,Kitab istəyirəm,Kitab,BOOKS,,15\n");
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		ExecutorService tabs = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch together = new CountDownLatch(1);
			List<Future<Integer>> sent = new ArrayList<>();
			for (int tab = 0; tab < 2; tab++) {
				sent.add(tabs.submit(() -> {
					together.await();
					return upload("letters.csv", file, "az").andReturn().getResponse().getStatus();
				}));
			}
			together.countDown();
			for (Future<Integer> answer : sent) {
				assertThat(answer.get(2, TimeUnit.MINUTES)).isEqualTo(302);
			}
		}
		finally {
			tabs.shutdownNow();
		}
		assertThat(count()).isEqualTo(600);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT c.first_name, c.surname, c.birth_date FROM letter l
				JOIN child c ON c.id = l.child_id WHERE l.campaign_id = ?
				GROUP BY 1, 2, 3 HAVING count(*) > 1) twice""").param(campaign).query(Long.class).single()).isZero();
	}

	@Test
	void aDateThatDoesNotExistIsRefusedWithItsRowAndColumnNotMovedToTheEndOfFebruary() throws Exception {
		String csv = String.join(",", LetterImport.COLUMNS) + "\n"
				+ "Aynur,Əliyeva,31.02.2017,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n"
				+ "Kamran,Əliyev,29.02.2017,M,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n"
				+ "Leyla,Əliyeva,29.02.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n";
		String page = page(upload("letters.csv", csv.getBytes(StandardCharsets.UTF_8), "en"));
		assertThat(page).contains("“31.02.2017” is not a date").contains("“29.02.2017” is not a date")
			.doesNotContain("“29.02.2016”");
		assertThat(problemRows(page, "birth_date")).containsExactly("2", "3");
		assertThat(count()).isZero();
	}

	@Test
	void theTemplatesExampleRowIsSkippedWhenTheVolunteerTypedRowsBelowIt() throws Exception {
		byte[] template = mvc.perform(get("/volunteer/letters/import/template.csv").with(user(volunteer())))
			.andReturn().getResponse().getContentAsByteArray();
		String filled = new String(template, StandardCharsets.UTF_8)
				+ "Nərgiz,Quliyeva,14.05.2016,F,AZ-SM,FAMILY,Ana Gülnar,Kukla,Kukla,TOY,,20\r\n";
		String said = (String) upload("letters.csv", filled.getBytes(StandardCharsets.UTF_8), "en").andReturn()
			.getFlashMap().get("success");
		assertThat(said).contains("Imported: 1 letter").contains("example row (Aysel Məmmədova) was not imported")
			.contains("Skipped as already present: 0");
		assertThat(names()).containsExactly("Nərgiz Quliyeva");
	}

	@Test
	void aFileWithoutTheOptionalColumnsImports() throws Exception {
		String csv = "first_name,surname,birth_date,gender,region_code,care_setting,contact,original_wish,public_wish,category,estimated_cost\n"
				+ "Aynur,Əliyeva,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,10\n";
		upload("letters.csv", csv.getBytes(StandardCharsets.UTF_8), "en");
		assertThat(names()).containsExactly("Aynur Əliyeva");

		String noContact = "first_name,surname,birth_date,gender,region_code,care_setting,original_wish,public_wish,category,estimated_cost\n"
				+ "Kamran,Əliyev,14.05.2016,M,AZ-SM,FAMILY,Top,Top,TOY,10\n";
		assertThat(page(upload("letters.csv", noContact.getBytes(StandardCharsets.UTF_8), "en")))
			.contains("Column “contact” is missing").doesNotContain("“sizes”");
	}

	@Test
	void headingsWrittenAsNamesInAzerbaijaniEnglishOrRussianAreUnderstood() throws Exception {
		String az = "Ad;Soyad;Doğum tarixi;Cins;Region;Qayğı forması;Əlaqə;Arzu;İCTİMAİ MƏTN;Kateqoriya;Ölçülər;Təxmini qiymət\r\n"
				+ "Aynur;Əliyeva;14.05.2016;Q;Sumqayıt;FAMILY;Ana;Top;Top;TOY;;10\r\n";
		String en = "First name,Surname,Date of birth,Gender,Region,Care setting,Contact,Original wish,Public text,Category,Estimated cost\n"
				+ "Kamran,Əliyev,14.05.2015,M,AZ-SM,FAMILY,Ata,Top,Top,TOY,10\n";
		String ru = "Имя,Фамилия,Дата рождения,Пол,Регион,Форма опеки,Контакт,Желание,Публичный текст,Категория,Примерная стоимость\n"
				+ "Лейла,Алиева,14.05.2014,F,AZ-SM,FAMILY,Мама,Кукла,Кукла,TOY,10\n";
		for (String file : List.of(az, en, ru)) {
			upload("letters.csv", file.getBytes(StandardCharsets.UTF_8), "az");
		}
		assertThat(names()).containsExactlyInAnyOrder("Aynur Əliyeva", "Kamran Əliyev", "Лейла Алиева");

		String help = HtmlUtils.htmlUnescape(mvc.perform(get("/volunteer/letters/import").with(user(volunteer())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(help).contains("İctimai mətn · Public text · Публичный текст").doesNotContain("i̇");

		String unknown = "Ad,Soyad,Doğum tarixi,Cins,Region,Qayğı forması,Əlaqə,Arzu,İctimai şərh,Kateqoriya,Təxmini qiymət\n"
				+ "Nərmin,Əliyeva,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,10\n";
		assertThat(page(upload("letters.csv", unknown.getBytes(StandardCharsets.UTF_8), "en")))
			.contains("Unknown column “İctimai şərh”").contains("Column “public_wish” is missing").doesNotContain("i̇");
	}

	@Test
	void aWindows1254FileFullOfQuestionMarksSaysHowToSaveItOnceAndListsEveryQuestionMarkBriefly() throws Exception {
		StringBuilder csv = new StringBuilder(String.join(";", LetterImport.COLUMNS) + "\r\n");
		for (int i = 0; i < 30; i++) {
			csv.append("Şirin;M?mm?dova;14.05.2016;F;AZ-SM;FAMILY;Ana;G?z?l kukla;Kukla;TOY;;10\r\n");
		}
		String page = page(upload("letters.csv", bytes(csv.toString(), CP1254), "en"));
		assertThat(page.split("CSV UTF-8 \\(Comma delimited\\)", -1)).hasSize(2);
		assertThat(page.split("Excel writes “\\?”", -1)).hasSize(2);
		assertThat(problemRows(page, "surname")).hasSize(30);
		assertThat(problemRows(page, "original_wish")).hasSize(30);
		assertThat(page).contains("“G?z?l kukla”: a “?” stands where a letter should be.");
		assertThat(count()).isZero();
	}

	@Test
	void aFileOverTheRowCapSaysHowManyRowsItHasAndThePageStatesTheCapBeforeUploading() throws Exception {
		String form = HtmlUtils.htmlUnescape(mvc.perform(get("/volunteer/letters/import").param("lang", "en")
			.with(user(volunteer()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(form).contains("A file may hold at most 20,000 letter rows.");
		StringBuilder csv = new StringBuilder(String.join(",", LetterImport.COLUMNS) + "\n");
		for (int i = 0; i < 20_345; i++) {
			csv.append("A,B,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n");
		}
		assertThat(page(upload("letters.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "en")))
			.contains("The file has 20,345 letter rows, and a file may hold at most 20,000 rows.");
		assertThat(count()).isZero();
	}

	@Test
	void aBackgroundImportLeftBehindIsFoundAgainFromTheImportPageAndOnlyTheVolunteersOwn() throws Exception {
		// the template with the volunteer's rows typed below its example
		byte[] template = mvc.perform(get("/volunteer/letters/import/template.csv").with(user(volunteer())))
			.andReturn().getResponse().getContentAsByteArray();
		StringBuilder csv = new StringBuilder(new String(template, StandardCharsets.UTF_8));
		for (int i = 0; i < 10_001; i++) {
			csv.append("Uşaq").append(i).append(",Soyad,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\r\n");
		}
		String run = upload("letters.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "en").andReturn()
			.getResponse().getRedirectedUrl();
		assertThat(run).startsWith("/volunteer/letters/import/runs/");
		long staff = TestPeople.id(jdbc, "staff@demo.az");
		java.util.UUID others = java.util.UUID.randomUUID();
		jdbc.sql("INSERT INTO letter_import_run (id, volunteer_id, campaign_id, state, rows_total) VALUES (?, ?, ?, 'DONE', 12345)")
			.params(others, staff, campaign).update();
		try {
			String page = HtmlUtils.htmlUnescape(mvc.perform(get("/volunteer/letters/import").param("lang", "en")
				.with(user(volunteer()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
			assertThat(page).contains("Your recent large imports").contains("href=\"" + run + "\"")
				.doesNotContain(others.toString());
			String runPage = mvc.perform(get(run).param("lang", "en").with(user(volunteer()))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(runPage).contains("Importing the file");
			waitFor(run);
			String done = HtmlUtils.htmlUnescape(mvc.perform(get(run).param("lang", "en").with(user(volunteer())))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
			assertThat(done).contains("id=\"import-run-done\"").contains("example row (Aysel Məmmədova) was not imported");
			assertThat(count()).isEqualTo(10_001);
			assertThat(names()).doesNotContain("Aysel Məmmədova");
		}
		finally {
			java.util.UUID own = waitFor(run);
			jdbc.sql("DELETE FROM letter_import_run WHERE id = ? OR id = ?").params(others, own).update();
		}
	}

	@Test
	void aCityWithItsDistrictAndAnotherAlphabetsSpellingResolveAndTheRegionListSaysSuch() throws Exception {
		String csv = String.join(",", LetterImport.COLUMNS) + "\n"
				+ "Aynur,Əliyeva,14.05.2016,F,\"Bakı, Yasamal\",FAMILY,Ana,Top,Top,TOY,,10\n"
				+ "Kamran,Əliyev,14.05.2015,M,Sumgait,FAMILY,Ata,Top,Top,TOY,,10\n";
		upload("letters.csv", csv.getBytes(StandardCharsets.UTF_8), "en");
		assertThat(jdbc.sql("""
				SELECT r.code FROM letter l JOIN region r ON r.id = l.region_id WHERE l.campaign_id = ? ORDER BY l.first_name""")
			.param(campaign).query(String.class).list()).containsExactly("AZ-BA-YAS", "AZ-SM");

		String list = HtmlUtils.htmlUnescape(mvc.perform(get("/volunteer/letters/import/regions").param("lang", "en")
			.with(user(volunteer()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(list).contains("Other spellings are understood").contains("Sumgait").contains("Bakı, Yasamal");
	}

	@Test
	void theDeskSaysExcelOrCsvAndAnImportedLettersHistoryDoesNotCallAnXlsxACsv() throws Exception {
		String desk = HtmlUtils.htmlUnescape(mvc.perform(get("/volunteer").param("lang", "en").with(user(volunteer())))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(desk).contains("Import from Excel or CSV").doesNotContain("Import from CSV");

		byte[] template = mvc.perform(get("/volunteer/letters/import/template.xlsx").with(user(volunteer())))
			.andReturn().getResponse().getContentAsByteArray();
		upload("letters.xlsx", template, "en");
		String code = jdbc.sql("SELECT code FROM letter WHERE campaign_id = ?").param(campaign).query(String.class).single();
		String letter = HtmlUtils.htmlUnescape(mvc.perform(get("/volunteer/letters/" + code).param("lang", "en")
			.with(user(volunteer()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(letter).contains("Imported from a file (Excel or CSV)").doesNotContain("Imported from CSV");
	}

	/** Waits (three minutes at most) until the background run has finished; its id. */
	private java.util.UUID waitFor(String run) throws InterruptedException {
		java.util.UUID id = java.util.UUID.fromString(run.substring(run.lastIndexOf('/') + 1));
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline && "RUNNING".equals(jdbc.sql("SELECT state FROM letter_import_run WHERE id = ?")
			.param(id).query(String.class).single())) {
			Thread.sleep(200);
		}
		return id;
	}

	/** The line numbers of the problems in one column, as the problem table lists them. */
	private static List<String> problemRows(String page, String column) {
		List<String> rows = new ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("<tr>\\s*<td>(\\d+)</td>\\s*<td><code>" + column + "</code></td>")
			.matcher(page);
		while (m.find()) {
			rows.add(m.group(1));
		}
		return rows;
	}

	private static byte[] bytes(String text, Charset charset) {
		byte[] bytes = text.getBytes(charset);
		assertThat(new String(bytes, charset)).isEqualTo(text);
		return bytes;
	}

}
