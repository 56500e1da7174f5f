package az.asan.mektub.report;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPerson;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.web.CacheConfiguration;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of {@code /impact} as open files: the CSV and the JSON give the very numbers the page
 * shows, anyone may take them, and the feed of wishes fulfilled tells a first name, an age, a region and
 * a kind of wish, a day late at the earliest, and nothing else about a child.
 */
@IntegrationTest
class OpenFiguresIntegrationTest extends CampaignTestBase {

	@Autowired
	CacheManager caches;

	@TestPerson("donor1@example.az")
	long donor;

	@BeforeEach
	void openATestCampaignWithFiguresReadAfresh() {
		caches.getCache(CacheConfiguration.IMPACT).clear();
	}

	@AfterEach
	void cleanUp() {
		caches.getCache(CacheConfiguration.IMPACT).clear();
	}

	@Test
	void theCsvGivesInEachLanguageTheNumbersThePageShows() throws Exception {
		String fulfilled = testLetters.published(campaign, Spec.of("Lalə", 8).region("AZ-SMX"));
		testLetters.moveTo(fulfilled, LetterStatus.FULFILLED, donor);
		for (String language : List.of("az", "en", "ru")) {
			Visitor visitor = Visitor.anonymous(mvc).speaking(language);
			Page impact = visitor.open("/impact");
			Page file = visitor.open("/impact/figures.csv");
			// given the page and the file, read by one visitor
			assertThat(file.status()).as(language).isEqualTo(200);
			assertThat(file.result().getResponse().getContentType()).startsWith("text/csv");
			byte[] bytes = file.result().getResponse().getContentAsByteArray();
			assertThat(bytes).as("UTF-8 byte order mark").startsWith(0xEF, 0xBB, 0xBF);
			CSVParser csv = CSVFormat.DEFAULT.builder()
				.setDelimiter("en".equals(language) ? ',' : ';')
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8).substring(1)));
			// then the columns are the documented ones, in every language
			assertThat(csv.getHeaderNames()).isEqualTo(OpenFigures.COLUMNS);
			List<CSVRecord> rows = csv.getRecords();
			// and the country's figures are the page's headline figures
			CSVRecord total = section(rows, "total").get(0);
			assertThat(number(total.get("fulfilled"))).isEqualTo(number(impact, "#impact-fulfilled"));
			assertThat(number(total.get("regions_reached"))).isEqualTo(number(impact, "#impact-regions"));
			// each year, campaign and region row is the page's row, in the page's order and language
			assertThat(section(rows, "year").stream().map(r -> List.of(r.get("name"), r.get("fulfilled"), r.get("regions_reached"))).toList())
				.as(language)
				.isEqualTo(table(impact, "#impact-years tbody tr", 0, 1, 2))
				.isNotEmpty();
			assertThat(section(rows, "campaign").stream().map(r -> List.of(r.get("name"), r.get("registered"), r.get("fulfilled"))).toList())
				.as(language)
				.isEqualTo(table(impact, "#impact-campaigns tbody tr", 0, 2, 3))
				.contains(List.of(switch (language) {
					case "en" -> "Test campaign";
					case "ru" -> "Тестовая кампания";
					default -> "Test kampaniyası";
				}, "1", "1"));
			assertThat(section(rows, "region").stream().map(r -> List.of(r.get("name"), r.get("fulfilled"))).toList())
				.as(language)
				.isEqualTo(table(impact, "#impact-regions-table tbody tr", 0, 1));
			assertThat(section(rows, "region")).allSatisfy(r -> assertThat(r.get("code")).matches("AZ-[A-Z]{2,3}"));
		}
	}

	@Test
	void theJsonHasTheDocumentedFieldsAndThePagesNumbersWithNamesInThreeLanguages() throws Exception {
		Page az = Visitor.anonymous(mvc).speaking("az").open("/impact");
		Page en = Visitor.anonymous(mvc).speaking("en").open("/impact");
		Page file = Visitor.anonymous(mvc).open("/impact/figures.json");
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.result().getResponse().getContentType()).startsWith("application/json");
		JsonNode json = JsonMapper.builder().build().readTree(file.html());

		assertThat(OffsetDateTime.parse(json.get("generatedAt").asString())).isNotNull();
		assertThat(json.get("totals").get("fulfilled").asLong()).isEqualTo(number(az, "#impact-fulfilled"));
		assertThat(json.get("totals").get("regionsReached").asLong()).isEqualTo(number(az, "#impact-regions"));
		List<List<String>> years = new ArrayList<>();
		for (JsonNode year : json.get("years")) {
			assertThat(year.has("registered")).isTrue();
			years.add(List.of(year.get("year").asString(), digits(year.get("fulfilled").asLong()),
					String.valueOf(year.get("regionsReached").asLong())));
		}
		assertThat(years).isEqualTo(table(az, "#impact-years tbody tr", 0, 1, 2)).isNotEmpty();
		List<List<String>> campaigns = new ArrayList<>();
		for (JsonNode c : json.get("campaigns")) {
			assertThat(c.get("id").isNumber()).isTrue();
			assertThat(LocalDate.parse(c.get("startsOn").asString())).isNotNull();
			assertThat(LocalDate.parse(c.get("endsOn").asString())).isNotNull();
			assertThat(c.get("name").get("en").asString()).isNotBlank();
			assertThat(c.get("name").get("ru").asString()).isNotBlank();
			campaigns.add(List.of(c.get("name").get("az").asString(), digits(c.get("registered").asLong()),
					digits(c.get("fulfilled").asLong())));
		}
		assertThat(campaigns).isEqualTo(table(az, "#impact-campaigns tbody tr", 0, 2, 3));
		List<List<String>> regions = new ArrayList<>();
		List<String> englishNames = new ArrayList<>();
		for (JsonNode region : json.get("regions")) {
			assertThat(region.get("code").asString()).matches("AZ-[A-Z]{2,3}");
			assertThat(region.get("name").get("ru").asString()).isNotBlank();
			assertThat(region.has("registered")).isTrue();
			regions.add(List.of(region.get("name").get("az").asString(), digits(region.get("fulfilled").asLong())));
			englishNames.add(region.get("name").get("en").asString());
		}
		assertThat(regions).isEqualTo(table(az, "#impact-regions-table tbody tr", 0, 1)).isNotEmpty();
		assertThat(englishNames).containsExactlyInAnyOrderElementsOf(
				table(en, "#impact-regions-table tbody tr", 0).stream().map(r -> r.get(0)).toList());
	}

	@Test
	void theFeedTellsWishesFulfilledBeforeTodayAndNothingThatCouldIdentifyAChild() throws Exception {
		LocalDate today = LocalDate.now(Formats.BAKU);
		LocalDate birth = LocalDate.of(today.getYear() - 9, 3, 17);
		String yesterday = letter(Spec.of("Zeynəb", 9).privately("Qaraqoyunlu", birth, "+994 50 111 22 33")
			.wish("Mavi velosiped Zeynəb üçün", Category.SPORTS), LetterStatus.FULFILLED);
		jdbc.sql("UPDATE letter SET fulfilled_on = ? WHERE code = ?").params(today.minusDays(1), yesterday).update();
		String fulfilledToday = letter(Spec.of("Bugünkütest", 7).privately("Bəydəmirova", birth, null), LetterStatus.FULFILLED);
		String held = letter(Spec.of("Gözləyəntest", 6).privately("Səfərzadə", birth, null), LetterStatus.ADOPTED);
		String giftIn = letter(Spec.of("Mərkəzdətest", 11).privately("Xudaverdiyev", birth, null), LetterStatus.GIFT_RECEIVED);

		for (String language : List.of("az", "en", "ru")) {
			Page page = Visitor.anonymous(mvc).open("/impact/fulfilled.atom?lang=" + language);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.result().getResponse().getContentType()).startsWith("application/atom+xml");
			String xml = page.html();
			org.w3c.dom.Document feed = atom(page.result().getResponse().getContentAsByteArray());

			// a well-formed Atom 1.0 feed with what the format requires
			org.w3c.dom.Element root = feed.getDocumentElement();
			assertThat(root.getLocalName()).isEqualTo("feed");
			assertThat(root.getNamespaceURI()).isEqualTo(FulfilledFeed.ATOM);
			assertThat(child(root, "id")).startsWith("urn:uuid:");
			assertThat(child(root, "title")).isNotBlank();
			assertThat(OffsetDateTime.parse(child(root, "updated"))).isNotNull();
			assertThat(links(root)).anySatisfy(link -> {
				assertThat(link.getAttribute("rel")).isEqualTo("self");
				assertThat(link.getAttribute("href")).endsWith("/impact/fulfilled.atom?lang=" + language);
			});
			NodeList entries = root.getElementsByTagNameNS(FulfilledFeed.ATOM, "entry");
			assertThat(entries.getLength()).isBetween(1, FulfilledFeed.SIZE);
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < entries.getLength(); i++) {
				org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
				ids.add(child(entry, "id"));
				assertThat(child(entry, "title")).isNotBlank();
				assertThat(child(entry, "summary")).isNotBlank();
				// nothing fulfilled today
				assertThat(OffsetDateTime.parse(child(entry, "updated")).toLocalDate()).isBefore(today);
			}
			assertThat(ids).doesNotHaveDuplicates();

			// then the letter fulfilled yesterday is told by first name, age, region and kind of wish
			assertThat(ids).contains(FulfilledFeed.entryId(yesterday));
			assertThat(xml).contains("Zeynəb").contains(switch (language) {
				case "en" -> "Wish fulfilled: Sports";
				case "ru" -> "Желание исполнено: ";
				default -> "Arzu gerçəkləşdi: ";
			});
			// and never today's, nor a letter still on its way
			assertThat(ids).doesNotContain(FulfilledFeed.entryId(fulfilledToday), FulfilledFeed.entryId(held),
					FulfilledFeed.entryId(giftIn));
			assertThat(xml).doesNotContain("Bugünkütest").doesNotContain("Gözləyəntest").doesNotContain("Mərkəzdətest");
			// nor a surname, a birth date, a phone, the wish's words or a letter's code
			assertThat(xml).doesNotContain("Qaraqoyunlu")
				.doesNotContain("Mavi velosiped")
				.doesNotContain("111 22 33")
				.doesNotContain(birth.toString())
				.doesNotContain(birth.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
				.doesNotContain(yesterday);
		}
		// and none of the surnames or birth dates of the children of the letters it tells
		String xml = Visitor.anonymous(mvc).open("/impact/fulfilled.atom").html();
		jdbc.sql("""
				SELECT l.code, c.surname, c.birth_date FROM letter l JOIN child c ON c.id = l.child_id
				WHERE l.status = 'FULFILLED' AND l.fulfilled_on < ? ORDER BY l.fulfilled_on DESC, l.id DESC LIMIT ?""")
			.params(today, FulfilledFeed.SIZE)
			.query((rs, n) -> {
				String surname = rs.getString("surname");
				if (surname != null && surname.length() > 3) {
					assertThat(xml).as("surname").doesNotContain(surname);
				}
				LocalDate born = rs.getObject("birth_date", LocalDate.class);
				if (born != null) {
					assertThat(xml).as("birth date").doesNotContain(born.toString())
						.doesNotContain(born.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
				}
				assertThat(xml).as("letter code").doesNotContain(rs.getString("code"));
				return n;
			})
			.list();
	}

	@Test
	void anyoneMayTakeTheFilesAndThePageLinksThemInEachLanguage() {
		for (String url : List.of("/impact/figures.csv", "/impact/figures.json", "/impact/fulfilled.atom")) {
			assertThat(Visitor.anonymous(mvc).request(url).getResponse().getStatus()).as(url).isEqualTo(200);
		}
		for (String language : List.of("az", "en", "ru")) {
			Page impact = Visitor.anonymous(mvc).speaking(language).open("/impact");
			assertThat(impact.document().select("#impact-open-data-heading").text()).as(language).isNotBlank();
			for (String id : List.of("#impact-data-csv", "#impact-data-json", "#impact-data-atom")) {
				Element link = impact.document().selectFirst(id);
				assertThat(link).as(id).isNotNull();
				assertThat(link.text()).as(language + id).isNotBlank();
				assertThat(Visitor.anonymous(mvc).request(link.attr("href")).getResponse().getStatus())
					.as(link.attr("href"))
					.isEqualTo(200);
			}
			assertThat(impact.document().selectFirst("#impact-data-atom").attr("href")).endsWith("lang=" + language);
		}
	}

	private String letter(Spec spec, LetterStatus status) {
		String code = testLetters.published(campaign, spec.region("AZ-GA"));
		testLetters.moveTo(code, status, donor);
		return code;
	}

	private static org.w3c.dom.Document atom(byte[] bytes) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	private static String child(org.w3c.dom.Element parent, String name) {
		for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof org.w3c.dom.Element e && FulfilledFeed.ATOM.equals(e.getNamespaceURI())
					&& name.equals(e.getLocalName())) {
				return e.getTextContent();
			}
		}
		throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
	}

	private static List<org.w3c.dom.Element> links(org.w3c.dom.Element parent) {
		List<org.w3c.dom.Element> links = new ArrayList<>();
		for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof org.w3c.dom.Element e && "link".equals(e.getLocalName())) {
				links.add(e);
			}
		}
		return links;
	}

	private static List<CSVRecord> section(List<CSVRecord> rows, String section) {
		return rows.stream().filter(r -> r.get(0).equals(section)).toList();
	}

	/** The cells of a page's table, numbers without their grouping. */
	private static List<List<String>> table(Page page, String rows, int... columns) {
		List<List<String>> table = new ArrayList<>();
		for (Element row : page.document().select(rows)) {
			List<String> cells = new ArrayList<>();
			for (int column : columns) {
				String text = row.select("td").get(column).text();
				cells.add(text.matches("[0-9\\s\\u00a0\\u202f,]+") ? text.replaceAll("[^0-9]", "") : text);
			}
			table.add(cells);
		}
		return table;
	}

	private static String digits(long number) {
		return String.valueOf(number);
	}

	private static long number(Page page, String css) {
		return number(page.document().select(css).text());
	}

	private static long number(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

}
