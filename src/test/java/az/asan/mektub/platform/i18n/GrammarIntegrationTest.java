package az.asan.mektub.platform.i18n;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestLetters;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.importing.LetterImport;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * What a new user reads where a word meets a name or a number, in each language: the tree, a
 * letter's page, the adoption mails, the volunteer's import errors, the form errors and the home
 * page's figures.
 */
@IntegrationTest
@RemovesPeople("%@grammar.test")
class GrammarIntegrationTest extends CampaignTestBase {

	SignedInUser reader;

	@BeforeEach
	void openATestCampaign() {
		reader = (SignedInUser) users.loadUserByUsername("donor@demo.az");
	}

	@Test
	void theTreeCountsLettersAndAgesAsEachLanguageDoes() throws Exception {
		// given: three children of 3, 4 and 5 on the tree, one of them wishing for something else
		testLetters.published(campaign, TestLetters.Spec.of("Səbinə", 3).wish("Qrammatika kitabı", az.asan.mektub.letter.Category.BOOKS));
		testLetters.published(campaign, TestLetters.Spec.of("Mələk", 4).wish("Qrammatika kitabı", az.asan.mektub.letter.Category.BOOKS));
		testLetters.published(campaign, TestLetters.Spec.of("Orxan", 5).wish("Qrammatika dəftəri və top", az.asan.mektub.letter.Category.SCHOOL));
		SignedInUser donor = donor("tree@grammar.test", "az");
		String three = "/tree?campaign=" + campaign + "&q=Qrammatika&lang=";
		String one = "/tree?campaign=" + campaign + "&q=top&lang=";

		// then: Russian picks the form of each number
		assertThat(page(get(three + "ru"), donor)).contains("На дереве 3 письма")
			.contains("Səbinə, 3 года")
			.contains("Mələk, 4 года")
			.contains("Orxan, 5 лет")
			.doesNotContain("3 лет");
		assertThat(page(get(one + "ru"), donor)).contains("На дереве 1 письмо");
		// English too
		assertThat(page(get(three + "en"), donor)).contains("3 letters on the tree").contains("Səbinə, age 3");
		assertThat(page(get(one + "en"), donor)).contains("1 letter on the tree").doesNotContain("1 letters");
		// and Azerbaijani keeps the noun singular after a number, with filter labels a person writes
		assertThat(page(get(three + "az"), donor)).contains("Ağacda 3 məktub")
			.contains("Səbinə, 3 yaş")
			.contains("Ən az yaş")
			.contains("Ən çox qiymət (₼)")
			.doesNotContain("-dan")
			.doesNotContain("-dək");
	}

	@Test
	void aLettersPageNamesTheChildWithTheEndingTheNameTakes() throws Exception {
		String sabina = testLetters.published(campaign, TestLetters.Spec.of("Səbinə", 3));
		String malak = testLetters.published(campaign, TestLetters.Spec.of("Mələk", 7));
		String orxan = testLetters.published(campaign, TestLetters.Spec.of("Orxan", 5));
		String yusuf = testLetters.published(campaign, TestLetters.Spec.of("Yusuf", 11));

		assertThat(letterPage(sabina, "az"))
			.contains("<title>Səbinənin məktubu — ASAN Məktub</title>")
			.contains("Səbinənin arzusunu öhdəliyə götürürəm")
			.doesNotContain("Səbinə-in");
		assertThat(letterPage(malak, "az")).contains("Mələyin məktubu");
		assertThat(letterPage(orxan, "az")).contains("Orxanın arzusunu");
		assertThat(letterPage(yusuf, "az")).contains("Yusufun məktubu");
		assertThat(letterPage(orxan, "ru")).contains("Orxan, 5 лет");
		assertThat(letterPage(sabina, "ru")).contains("Səbinə, 3 года");
		assertThat(letterPage(orxan, "en")).contains("<title>Orxan's letter — ASAN Məktub</title>")
			.contains("I adopt Orxan's wish");
	}

	@Test
	void theAdoptionMailsNameTheChildGrammaticallyInTheDonorsLanguage() throws Exception {
		// given: donors who read their mail in Azerbaijani, English and Russian
		SignedInUser az = donor("az@grammar.test", "az");
		SignedInUser en = donor("en@grammar.test", "en");
		SignedInUser ru = donor("ru@grammar.test", "ru");
		String sabina = testLetters.published(campaign, TestLetters.Spec.of("Səbinə", 6));
		String malak = testLetters.published(campaign, TestLetters.Spec.of("Mələk", 9));
		String murad = testLetters.published(campaign, TestLetters.Spec.of("Murad", 12));
		String yusuf = testLetters.published(campaign, TestLetters.Spec.of("Yusuf", 8));
		String orxan = testLetters.published(campaign, TestLetters.Spec.of("Orxan", 4).gender(Gender.M));
		String aysel = testLetters.published(campaign, TestLetters.Spec.of("Aysel", 10).gender(Gender.F));

		// when: each adopts as a person does
		adopt(sabina, az);
		adopt(malak, az);
		adopt(murad, az);
		adopt(yusuf, en);
		adopt(orxan, ru);
		adopt(aysel, ru);

		// then
		assertThat(subjects("az@grammar.test")).contains("Səbinənin arzusu sizə etibar edildi",
				"Mələyin arzusu sizə etibar edildi", "Muradın arzusu sizə etibar edildi");
		assertThat(bodies("az@grammar.test")).anySatisfy(body -> assertThat(body).contains("Səbinənin məktubunu öhdəliyə götürdünüz"))
			.allSatisfy(body -> assertThat(body).doesNotContain("-in ").doesNotContain("-ə "));
		assertThat(subjects("en@grammar.test")).contains("Yusuf's wish is yours to fulfil");
		assertThat(bodies("en@grammar.test")).anySatisfy(body -> assertThat(body).contains("you adopted the letter of Yusuf"));
		assertThat(subjects("ru@grammar.test")).contains("Желание ребёнка Orxan закреплено за вами");

		// when: the gifts reach Murad, Yusuf, Orxan and Aysel
		handOver(murad);
		handOver(yusuf);
		handOver(orxan);
		handOver(aysel);

		// then: the thanks say whom the gift reached
		assertThat(bodies("az@grammar.test")).anySatisfy(body -> assertThat(body).contains("hədiyyənizi Murada çatdırdı"));
		assertThat(bodies("en@grammar.test")).anySatisfy(body -> assertThat(body).contains("brought your gift to Yusuf"));
		assertThat(subjects("ru@grammar.test")).contains("Orxan получил ваш подарок — спасибо!",
				"Aysel получила ваш подарок — спасибо!");
	}

	@Test
	void importErrorsReadCorrectlyInEachLanguage() throws Exception {
		int year = LocalDate.now().getYear();
		String adult = "01.01." + (year - 21);
		String csv = String.join(",", LetterImport.COLUMNS) + "\n"
				+ "Aysel,Məmmədova,14.05.2016,F,AZ-GA,FAMILY,Ana,Kitab,Kitab,BOOKS,,10\n"
				+ "Əli,Həsənov,20.01.2015,M,AZ-GA,FAMILY,Ata,Top,Top,SPORTS,,10\n"
				+ "Nigar,Quliyeva,03.03.2017,F,AZ-GA,FAMILY,Ana,Kukla,Kukla,TOY,,10\n"
				+ "Orxan,Əliyev,04.04.2014,M,AZ-GA,FAMILY,Ata,Gitara,Gitara,MUSIC,,10\n"
				+ "Səbinə,Rzayeva,05.05.2016,F,AZ-GA,FAMILY,Ana,Boya,Boya,SCHOOL,,10\n"
				+ "Səbinə,Rzayeva,05.05.2016,F,AZ-GA,FAMILY,Ana,Boya,Boya,SCHOOL,,10\n"
				+ "Kamran,Babayev," + adult + ",M,AZ-GA,FAMILY,Ata,Top,Top,SPORTS,,10\n"
				+ "A".repeat(61) + ",Babayev,01.01.2016,M,AZ-GA,FAMILY,Ata,Top,Top,SPORTS,,10\n";

		assertThat(importing(csv, "az")).contains("Bu uşaq faylda artıq 6-cı sətirdə var.")
			.contains("Ən çox 60 simvol ola bilər.")
			.doesNotContain("6-cü");
		assertThat(importing(csv, "en")).contains("This child is already on line 6 of the file.")
			.contains("Age 21; the campaign is for ages 3–14.")
			.contains("At most 60 characters.");
		assertThat(importing(csv, "ru")).contains("Этот ребёнок уже есть в строке 6 файла.")
			.contains("Возраст — 21 год; кампания для детей от 3 до 14 лет.")
			.contains("Не более 60 символов.");
		assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = ?").param(campaign).query(Long.class).single())
			.isZero();
	}

	@Test
	void aChildOutsideTheAgeRangeIsRefusedInAGrammaticalSentence() throws Exception {
		int year = LocalDate.now().getYear();
		String reference = "01.01." + year;
		Map<String, String> expected = Map.of("az", "Uşağın yaşı " + reference + " tarixinə 15-dir; kampaniya 3–14 yaşlı uşaqlar üçündür.",
				"en", "The child is 15 on " + reference + "; the campaign is for children aged 3–14.",
				"ru", "На " + reference + " ребёнку 15 лет; кампания для детей от 3 до 14 лет.");
		for (Map.Entry<String, String> language : expected.entrySet()) {
			String html = page(multipart("/volunteer/letters/new?lang=" + language.getKey())
				.param("campaignId", String.valueOf(campaign))
				.param("firstName", "Kamran")
				.param("surname", "Babayev")
				.param("birthDate", LocalDate.of(year - 15, 1, 1).minusDays(3).toString())
				.param("gender", "M")
				.param("regionId", jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-GA'").query(String.class).single())
				.param("careSetting", "FAMILY")
				.param("contact", "Ata")
				.param("originalWish", "Futbol topu")
				.param("publicWish", "Futbol topu")
				.param("category", "SPORTS")
				.param("estimatedCost", "20")
				.with(csrf()), (SignedInUser) users.loadUserByUsername("volunteer@demo.az"));
			assertThat(html).as(language.getKey()).contains(language.getValue());
		}
		assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = ?").param(campaign).query(Long.class).single())
			.isZero();
	}

	@Test
	void aCampaignsLimitsAreExplainedInTheProductsOwnSentences() throws Exception {
		SignedInUser staff = (SignedInUser) users.loadUserByUsername("staff@demo.az");
		Map<String, List<String>> expected = Map.of(
				"az", List.of("Dəyər 1-dən kiçik ola bilməz.", "Dəyər 100-dən böyük ola bilməz.", "Dəyər 0-dan kiçik ola bilməz.",
						"Ən çox 160 simvol yazın."),
				"en", List.of("The value cannot be less than 1.", "The value cannot be more than 100.",
						"Write at most 160 characters."),
				"ru", List.of("Значение не может быть меньше 1.", "Значение не может быть больше 100.",
						"Не более 160 символов."));
		for (Map.Entry<String, List<String>> language : expected.entrySet()) {
			String html = page(post("/admin/campaigns/new?lang=" + language.getKey()).with(csrf())
				.param("code", "TEST-GRAMMAR")
				.param("nameAz", "Ə".repeat(161))
				.param("nameEn", "Grammar")
				.param("nameRu", "Грамматика")
				.param("kind", "SEASONAL")
				.param("startsOn", "2026-12-01")
				.param("endsOn", "2026-12-31")
				.param("minAge", "-1")
				.param("maxAge", "14")
				.param("ageReferenceDate", "2026-12-01")
				.param("holdDays", "0")
				.param("donorLimit", "500")
				.param("targetWishes", ""), staff);
			assertThat(html).as(language.getKey()).contains(language.getValue()).doesNotContain("bərabər olmalıdır");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM campaign WHERE code = 'TEST-GRAMMAR'").query(Long.class).single()).isZero();
	}

	@Test
	void theHomePagesFiguresAgreeWithTheirNouns() throws Exception {
		String ru = page(get("/?lang=ru"), null);
		assertThat(figure(ru, "total-fulfilled")).isEqualTo(
				russian(number(ru, "total-fulfilled"), "исполненное желание", "исполненных желания", "исполненных желаний"));
		assertThat(figure(ru, "total-regions")).isEqualTo(russian(number(ru, "total-regions"), "регион", "региона", "регионов"));
		assertThat(figure(ru, "total-waiting")).isEqualTo(russian(number(ru, "total-waiting"), "письмо ждёт на дереве",
				"письма ждут на дереве", "писем ждут на дереве"));
		assertThat(ru).doesNotContain("исполненных мечт");
		String en = page(get("/?lang=en"), null);
		assertThat(figure(en, "total-fulfilled"))
			.isEqualTo(number(en, "total-fulfilled") == 1 ? "wish fulfilled" : "wishes fulfilled");
	}

	/** The Russian form for a whole number: 1, 21 → one; 2–4, 22–24 → few; else many. */
	private static String russian(long n, String one, String few, String many) {
		long tens = n % 100;
		long units = n % 10;
		if (units == 1 && tens != 11) {
			return one;
		}
		return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
	}

	private static long number(String html, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(html);
		assertThat(matcher.find()).as(id).isTrue();
		return Long.parseLong(matcher.group(1).replaceAll("\\D", ""));
	}

	private static String figure(String html, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>[^<]+</p>\\s*<p class=\"stat-label\">([^<]+)<")
			.matcher(html);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1);
	}

	/** A letter's public page as a donor reads it who chose the language before. */
	private String letterPage(String code, String language) throws Exception {
		return page(get("/letters/" + code).cookie(new Cookie("ASANLANG", language)), reader);
	}

	private String importing(String csv, String language) throws Exception {
		return page(multipart("/volunteer/letters/import")
			.file(new MockMultipartFile("file", "letters.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("campaignId", String.valueOf(campaign))
			.param("lang", language)
			.with(csrf()), (SignedInUser) users.loadUserByUsername("volunteer@demo.az"));
	}

	private void adopt(String code, SignedInUser donor) throws Exception {
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)))
			.andExpect(redirectedUrlPattern("/me/adoptions/*"));
	}

	private void handOver(String code) throws Exception {
		SignedInUser volunteer = (SignedInUser) users.loadUserByUsername("volunteer@demo.az");
		String tag = jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
		String point = jdbc.sql("SELECT min(id) FROM handover_point").query(String.class).single();
		mvc.perform(post("/volunteer/letters/" + code + "/gift-received").param("tagCode", tag)
			.param("handoverPointId", point)
			.with(csrf())
			.with(user(volunteer))).andExpect(flash().attributeExists("success"));
		mvc.perform(multipart("/volunteer/letters/" + code + "/fulfilled")
			.param("handedOn", LocalDate.now(Formats.BAKU).toString())
			.param("note", "")
			.with(csrf())
			.with(user(volunteer))).andExpect(flash().attributeExists("success"));
	}

	private String page(AbstractMockHttpServletRequestBuilder<?> request, SignedInUser who) throws Exception {
		if (who != null) {
			request.with(user(who));
		}
		return HtmlUtils.htmlUnescape(mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private List<String> subjects(String email) {
		return jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = ? ORDER BY id").param(email).query(String.class).list();
	}

	private List<String> bodies(String email) {
		return jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id").param(email).query(String.class).list();
	}

	private SignedInUser donor(String email, String language) {
		accounts.create(email, "parol-12345", "Donor " + language, Role.DONOR, Set.of());
		jdbc.sql("UPDATE app_user SET language = ? WHERE email = ?").params(language, email).update();
		return (SignedInUser) users.loadUserByUsername(email);
	}

}
