package az.asan.mektub.letter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.importing.LetterImport;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Files made the way Excel in Azerbaijan makes them: "CSV" in Windows-1254 or 1251, "Unicode text"
 * (UTF-16LE, tabs), UTF-8 with a byte order mark, and XLSX; regions written by name in three
 * languages; and the files the import refuses: unreadable encodings, lost letters, control
 * characters, more rows than allowed. Nothing stored ever holds U+FFFD or a control character.
 */
@IntegrationTest
class LetterImportFilesIntegrationTest extends LetterImportTest {

	static final Charset CP1254 = Charset.forName("windows-1254");

	static final Charset CP1251 = Charset.forName("windows-1251");

	@Test
	void aWindows1254CsvFromExcelKeepsItsAzerbaijaniLettersAndSaysHowItWasRead() throws Exception {
		// given: Excel's "CSV (semicolon)" in the Turkish/Azerbaijani code page, no ə (1254 has none)
		byte[] file = bytes(String.join(";", LetterImport.COLUMNS) + "\r\n"
				+ "Şirin;Ağayeva;14.05.2016;Q;Sumqayıt;FAMILY;Ana Gülnur;Top;Top;TOY;;12,50\r\n"
				+ "İlkin;Süleymanlı;01.02.2015;O;SUMQAYIT;FAMILY;Ata Çingiz;Kitab;Kitab;BOOKS;;8\r\n", CP1254);
		// Ş is 0xDE, ğ 0xF0, ı 0xFD, İ 0xDD in 1254: one byte each, never valid UTF-8 here
		assertThat(file).contains((byte) 0xDE, (byte) 0xF0, (byte) 0xFD, (byte) 0xDD);

		// when / then
		upload("letters.csv", file, "az")
			.andExpect(flash().attribute("success", containsString("İdxal edildi: 2 məktub")))
			.andExpect(flash().attribute("success", containsString("Windows-1254")));
		assertThat(names()).containsExactlyInAnyOrder("Şirin Ağayeva", "İlkin Süleymanlı");
		assertThat(jdbc.sql("SELECT contact FROM child c JOIN letter l ON l.child_id = c.id WHERE l.campaign_id = ? AND c.first_name = 'İlkin'")
			.param(campaign).query(String.class).single()).isEqualTo("Ata Çingiz");
		assertNothingStoredIsGarbage();
	}

	@Test
	void aWindows1251CsvWithCyrillicNamesIsReadAsCyrillic() throws Exception {
		byte[] file = bytes(String.join(";", LetterImport.COLUMNS) + "\r\n"
				+ "Сабина;Гусейнова;03.03.2017;F;Сумгайыт;FAMILY;Мама Елена;Хочу куклу;Кукла;TOY;;20\r\n"
				+ "Тимур;Алиев;04.04.2016;M;Гянджа;SHELTER;Приют №1;Мяч;Мяч;SPORTS;;15\r\n", CP1251);
		// С is 0xD1, ы 0xFB in 1251
		assertThat(file).contains((byte) 0xD1, (byte) 0xFB);

		upload("letters.csv", file, "ru")
			.andExpect(flash().attribute("success", containsString("Windows-1251")));
		assertThat(names()).containsExactlyInAnyOrder("Сабина Гусейнова", "Тимур Алиев");
		assertThat(regionOf("Сабина")).isEqualTo("AZ-SM");
		assertThat(regionOf("Тимур")).isEqualTo("AZ-GA");
		assertNothingStoredIsGarbage();
	}

	@Test
	void excelsUnicodeTextIsUtf16WithAByteOrderMarkAndTabs() throws Exception {
		String text = String.join("\t", LetterImport.COLUMNS) + "\r\n"
				+ "Gülnarə\tƏsədova\t14.05.2016\tF\tSumgait\tFAMILY\t\"Ana: Səbinə, +994 50 000 00 00\"\tKukla istəyirəm\tKukla\tTOY\t\t25\r\n";
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write(0xFF);
		file.write(0xFE);
		file.write(text.getBytes(StandardCharsets.UTF_16LE));

		upload("letters.txt", file.toByteArray(), "en")
			.andExpect(flash().attribute("success", containsString("UTF-16LE")));
		assertThat(names()).containsExactly("Gülnarə Əsədova");
		assertThat(regionOf("Gülnarə")).isEqualTo("AZ-SM");
		assertNothingStoredIsGarbage();
	}

	@Test
	void regionsAreFoundByCodeOrByNameInAzerbaijaniEnglishAndRussian() throws Exception {
		List<String> written = List.of("Sumqayıt", "sumqayit", "Sumgait", "Сумгайыт", "SM", "az-sm", "Yasamal",
				"Ясамал", "Gəncə", "Ganja", "gence");
		StringBuilder csv = new StringBuilder("\uFEFF" + String.join(",", LetterImport.COLUMNS) + "\r\n");
		for (int i = 0; i < written.size(); i++) {
			csv.append("Uşaq").append((char) ('A' + i)).append(",Soyad,14.05.2016,F,").append(written.get(i))
				.append(",FAMILY,Ana,Top istəyirəm,Top,TOY,,10\r\n");
		}
		upload("letters.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "az")
			.andExpect(flash().attribute("success", containsString("UTF-8")));
		assertThat(jdbc.sql("""
				SELECT r.code FROM letter l JOIN region r ON r.id = l.region_id
				WHERE l.campaign_id = ? ORDER BY l.first_name""").param(campaign).query(String.class).list())
			.containsExactly("AZ-SM", "AZ-SM", "AZ-SM", "AZ-SM", "AZ-SM", "AZ-SM", "AZ-BA-YAS", "AZ-BA-YAS", "AZ-GA",
					"AZ-GA", "AZ-GA");
	}

	@Test
	void aNameTwoRegionsShareIsNotGuessedAndAnUnknownOneIsNamed() throws Exception {
		String csv = String.join(",", LetterImport.COLUMNS) + "\n"
				+ "Aysel,Məmmədova,14.05.2016,F,Şəki,FAMILY,Ana,Top,Top,TOY,,10\n"
				+ "Aysel,Quliyeva,14.05.2016,F,Atlantida,FAMILY,Ana,Top,Top,TOY,,10\n"
				+ "Aysel,Həsənova,14.05.2016,F,Şəki rayonu,FAMILY,Ana,Top,Top,TOY,,10\n";
		String page = page(upload("letters.csv", csv.getBytes(StandardCharsets.UTF_8), "en"));
		assertThat(page).contains("“Şəki” is the name of more than one region").contains("AZ-SA").contains("AZ-SAK");
		assertThat(page).contains("“Atlantida” is neither a region code nor a region name");
		// the kind written after the name says which one: found, and then refused as not the volunteer's region
		assertThat(page).contains("“Şəki rayonu”: This region is not assigned to you.")
			.doesNotContain("“Şəki rayonu” is the name");
		assertThat(count()).isZero();
	}

	@Test
	void anXlsxWorkbookImportsWithExcelDatesAndNumbers() throws Exception {
		byte[] file;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("Məktublar");
			Row head = sheet.createRow(0);
			for (int i = 0; i < LetterImport.COLUMNS.size(); i++) {
				head.createCell(i).setCellValue(LetterImport.COLUMNS.get(i));
			}
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
			Row row = sheet.createRow(1);
			Object[] values = { "Ləman", "Şükürova", LocalDate.of(2016, 5, 14), "F", "Гянджа", "FAMILY", 994501234567d,
					"Rəsm dəftəri istəyirəm", "Rəsm dəftəri", "SCHOOL", null, 12.5 };
			for (int i = 0; i < values.length; i++) {
				if (values[i] instanceof LocalDate day) {
					row.createCell(i).setCellValue(day);
					row.getCell(i).setCellStyle(date);
				}
				else if (values[i] instanceof Double number) {
					row.createCell(i).setCellValue(number);
				}
				else if (values[i] != null) {
					row.createCell(i).setCellValue((String) values[i]);
				}
			}
			Row text = sheet.createRow(3);
			Object[] typed = { "Murad", "Əliyev", "01.09.2015", "M", "AZ-SM", "FAMILY", "Ata", "Top", "Top", "SPORTS", "",
					"20" };
			for (int i = 0; i < typed.length; i++) {
				text.createCell(i).setCellValue((String) typed[i]);
			}
			book.createSheet("qeydlər").createRow(0).createCell(0).setCellValue("ignored");
			book.write(out);
			file = out.toByteArray();
		}

		upload("letters.xlsx", file, "en").andExpect(flash().attribute("success", containsString("Excel (XLSX)")));
		assertThat(names()).containsExactlyInAnyOrder("Ləman Şükürova", "Murad Əliyev");
		assertThat(jdbc.sql("""
				SELECT c.birth_date::text || ' ' || c.contact || ' ' || l.estimated_cost::text FROM letter l
				JOIN child c ON c.id = l.child_id WHERE l.campaign_id = ? AND l.first_name = 'Ləman'""")
			.param(campaign).query(String.class).single()).isEqualTo("2016-05-14 994501234567 12.50");
		assertNothingStoredIsGarbage();
	}

	@Test
	void aFileInNoEncodingItCanReadIsRefusedWithTheEncodingNamedAndHowToSaveIt() throws Exception {
		// bytes that 1254 leaves undefined and 1251 turns into Cyrillic inside Latin words
		byte[] file = concat(String.join(",", LetterImport.COLUMNS).getBytes(StandardCharsets.US_ASCII),
				new byte[] { '\n', 'A', 'b', (byte) 0x81, 'c', ',', 'D', (byte) 0x8D, 'e', (byte) 0x90, 'f', ',' });
		String page = page(upload("letters.csv", file, "en"));
		assertThat(page).contains("not UTF-8").contains("Windows-1254").contains("Windows-1251")
			.contains("CSV UTF-8 (Comma delimited)");
		assertThat(count()).isZero();

		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		assertThat(page(upload("letters.xls", xls, "en"))).contains("Excel 97–2003");
	}

	@Test
	void aWindows1254FileWhoseəBecameQuestionMarksIsRefusedAndSaysWhy() throws Exception {
		// Excel saving "Məmmədova" in 1254 writes "M?mm?dova"
		byte[] file = bytes(String.join(";", LetterImport.COLUMNS) + "\r\n"
				+ "Şirin;M?mm?dova;14.05.2016;F;AZ-SM;FAMILY;Ana;Top;Top;TOY;;10\r\n", CP1254);
		String page = page(upload("letters.csv", file, "en"));
		assertThat(page).contains("“M?mm?dova”: a “?” stands where a letter should be")
			.contains("Windows-1254")
			.contains("CSV UTF-8 (Comma delimited)");
		assertThat(count()).isZero();
	}

	@Test
	void aNulInACellIsRefusedWithItsRowAndColumnForAPageAndForJson() throws Exception {
		String csv = String.join(",", LetterImport.COLUMNS) + "\n"
				+ "Aysel,Məmmədova,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n"
				+ "Kənan,Babayev,14.05.2015,M,AZ-SM,FAMILY,Ata,Top\u0000,Top,TOY,,10\n"
				+ "Nərmin,Babayeva,14.05.2015,F,AZ-SM,FAMILY,Ata,Kukla\u0007,Kukla,TOY,,10\n";
		byte[] file = csv.getBytes(StandardCharsets.UTF_8);

		String html = page(upload("letters.csv", file, "az").andExpect(status().isOk()));
		assertThat(html).containsPattern("<td>3</td>\\s*<td><code>original_wish</code></td>\\s*<td>[^<]*U\\+0000");
		assertThat(html).containsPattern("<td>4</td>\\s*<td><code>original_wish</code></td>\\s*<td>[^<]*U\\+0007");

		mvc.perform(multipart("/volunteer/letters/import")
			.file(new MockMultipartFile("file", "letters.csv", "text/csv", file))
			.param("campaignId", String.valueOf(campaign))
			.param("lang", "en")
			.accept(MediaType.APPLICATION_JSON)
			.with(csrf())
			.with(user(volunteer())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.problems[0].line").value(3))
			.andExpect(jsonPath("$.problems[0].column").value("original_wish"))
			.andExpect(jsonPath("$.problems[0].message").value(containsString("control character")));
		assertThat(count()).isZero();
	}

	@Test
	void aFileForAPlannedCampaignIsRefusedOnceForTheFileNotOnEveryRow() throws Exception {
		// given: a campaign that has not opened yet (the form does not offer it; a crafted upload names it)
		jdbc.sql("UPDATE campaign SET status = 'PLANNED' WHERE id = ?").param(campaign).update();
		String csv = String.join(",", LetterImport.COLUMNS) + "\n"
				+ "Aysel,Məmmədova,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n"
				+ "Kənan,Babayev,14.05.2015,M,AZ-SM,FAMILY,Ata,Top,Top,TOY,,10\n";

		// when
		String html = page(upload("letters.csv", csv.getBytes(StandardCharsets.UTF_8), "en"));

		// then
		assertThat(html).containsOnlyOnce("This campaign has not opened yet");
		assertThat(count()).isZero();
	}

	@Test
	void aJsonClientGetsWhatWasImported() throws Exception {
		String csv = String.join(",", LetterImport.COLUMNS) + "\n"
				+ "Aysel,Məmmədova,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n";
		mvc.perform(multipart("/volunteer/letters/import")
			.file(new MockMultipartFile("file", "letters.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("campaignId", String.valueOf(campaign))
			.accept(MediaType.APPLICATION_JSON)
			.with(csrf())
			.with(user(volunteer())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(1))
			.andExpect(jsonPath("$.encoding").value("UTF-8"));
	}

	@Test
	void aFileOverTheRowCapIsRefusedNamingTheCap() throws Exception {
		StringBuilder csv = new StringBuilder(String.join(",", LetterImport.COLUMNS) + "\n");
		String row = "Uşaq,Soyad,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n";
		csv.append(row.repeat(20_001));
		String page = page(upload("letters.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "en"));
		// the grouping of the number is the language's (another change may settle English on "20,000")
		assertThat(page).containsPattern("at most 20[ ,\u00a0\u202f]000 rows");
		assertThat(count()).isZero();
	}

	@Test
	void aLongFileRunsInTheBackgroundAndItsPageShowsTheProgressThenTheResult() throws Exception {
		// given: more rows than are imported within the request (10 000 by default)
		StringBuilder csv = new StringBuilder(String.join(",", LetterImport.COLUMNS) + "\n");
		for (int i = 0; i < 10_001; i++) {
			csv.append("Uşaq").append(i).append(",Soyad,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n");
		}

		// when
		String run = upload("letters.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "en")
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		// then: the page tells how far it has come, reloading itself without script, until the result
		assertThat(run).startsWith("/volunteer/letters/import/runs/");
		String page = followUntilFinished(run);
		assertThat(page).contains("id=\"import-run-done\"").contains("10,001").contains("UTF-8");
		// the result links to the letters waiting for review (the template asks the controller, never spells the status)
		assertThat(page).contains("href=\"/volunteer/letters?status=RECEIVED\"");
		assertThat(count()).isEqualTo(10_001);
		String fragment = mvc.perform(get(run + "/progress").with(user(volunteer())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).contains("id=\"import-run\"").doesNotContain("<html").doesNotContain("hx-trigger");
		// another person's import is not theirs to see
		mvc.perform(get(run).with(user((SignedInUser) users.loadUserByUsername("staff@demo.az"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/volunteer/letters/import/runs/not-a-run").with(user(volunteer())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aLongFileWithAMistakeIsRefusedOnItsPageWithTheRowNamed() throws Exception {
		StringBuilder csv = new StringBuilder(String.join(",", LetterImport.COLUMNS) + "\n");
		for (int i = 0; i < 10_000; i++) {
			csv.append("Uşaq").append(i).append(",Soyad,14.05.2016,F,AZ-SM,FAMILY,Ana,Top,Top,TOY,,10\n");
		}
		csv.append("Son,Soyad,14.05.2016,F,AZ-SM,FAMILY,Ana,To\u0000p,Top,TOY,,10\n");
		String run = upload("letters.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "en")
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String page = followUntilFinished(run);
		assertThat(page).containsPattern("<td>10002</td>\\s*<td><code>original_wish</code></td>\\s*<td>[^<]*U\\+0000");
		assertThat(count()).isZero();
	}

	/** Reloads the run's page as a browser without script does (its Refresh header) until it has a result. */
	private String followUntilFinished(String run) throws Exception {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
		while (true) {
			MvcResult page = mvc.perform(get(run).param("lang", "en").with(user(volunteer())))
				.andExpect(status().isOk()).andReturn();
			String refresh = page.getResponse().getHeader("Refresh");
			String html = HtmlUtils.htmlUnescape(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
			if (refresh == null) {
				return html;
			}
			assertThat(html).contains("Rows checked:").contains("hx-trigger=\"every 2s\"");
			assertThat(System.nanoTime()).as("the import finishes within minutes").isLessThan(deadline);
			java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(300));
		}
	}

	@Test
	void bothTemplatesDownloadAndImportAsTheyAre() throws Exception {
		for (String name : List.of("template.csv", "template.xlsx")) {
			byte[] template = mvc.perform(get("/volunteer/letters/import/" + name).with(user(volunteer())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			TestCampaigns.dropAll(jdbc);
			campaign = TestCampaigns.open(jdbc);
			upload(name, template, "az").andExpect(flash().attribute("success", containsString("İdxal edildi: 1 məktub")));
			assertThat(names()).as(name).containsExactly("Aysel Məmmədova");
		}
		byte[] csv = mvc.perform(get("/volunteer/letters/import/template.csv").with(user(volunteer())))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
	}

	@Test
	void theImportPageSaysWhichColumnsAreRequiredAndListsEveryRegionWithItsCodeAndNames() throws Exception {
		String page = HtmlUtils.htmlUnescape(mvc.perform(get("/volunteer/letters/import").param("lang", "en")
			.with(user(volunteer()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page).containsPattern("<code>contact</code>\\s*\\(<strong>required</strong>")
			.containsPattern("<code>sizes</code>\\s*\\(<span>optional</span>")
			.contains("href=\"/volunteer/letters/import/regions\"");

		String list = HtmlUtils.htmlUnescape(mvc.perform(get("/volunteer/letters/import/regions").param("lang", "en")
			.with(user(volunteer()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		long regions = jdbc.sql("SELECT count(*) FROM region WHERE type <> 'autonomous_republic'").query(Long.class).single();
		assertThat(list.split("<tr>").length - 2).isEqualTo(regions);
		assertThat(list).contains("<code>AZ-SM</code>").contains("Sumqayit").contains("Sumqayıt").contains("Сумгайыт");

		String csv = new String(mvc.perform(get("/volunteer/letters/import/regions.csv").with(user(volunteer())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFregion_code,name_az,name_en,name_ru,type").contains("AZ-SM,Sumqayıt,Sumqayit,Сумгайыт,city");
	}

	private void assertNothingStoredIsGarbage() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter l JOIN child c ON c.id = l.child_id
				WHERE l.campaign_id = ? AND concat_ws('|', c.first_name, c.surname, c.contact, l.first_name, l.original_wish,
				      l.public_wish, l.sizes) ~ '[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFD]'""")
			.param(campaign).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter l JOIN child c ON c.id = l.child_id
				WHERE l.campaign_id = ? AND concat_ws('|', c.first_name, c.surname, c.contact, l.original_wish) LIKE '%?%'""")
			.param(campaign).query(Long.class).single()).isZero();
	}

	private static byte[] bytes(String text, Charset charset) {
		byte[] bytes = text.getBytes(charset);
		assertThat(new String(bytes, charset)).as("every letter exists in %s", charset).isEqualTo(text);
		return bytes;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	private String regionOf(String firstName) {
		return jdbc.sql("""
				SELECT r.code FROM letter l JOIN region r ON r.id = l.region_id
				WHERE l.campaign_id = ? AND l.first_name = ?""").params(campaign, firstName).query(String.class).single();
	}

}
