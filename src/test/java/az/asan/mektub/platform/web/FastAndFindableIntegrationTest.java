package az.asan.mektub.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages that arrive fast on a mobile network and are found by search engines where they should be:
 * compressed text, static files under content-hashed names kept a year, public pages the browser may
 * keep for Back (signed-in ones never), robots.txt, sitemap.xml, descriptions in each language and
 * {@code noindex} on a child's letter.
 */
@IntegrationTest
// Fresh pages: MockMvc signs a person in without a session cookie, which the anonymous tree's kept answer
// (platform.web.AnonymousPages) takes as a visitor's; no browser signs in that way.
@az.asan.mektub.FreshPages
class FastAndFindableIntegrationTest extends IntegrationTestBase {

	private static final Pattern STATIC_LINK = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars|images)/[^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesAndEveryFileTheyLinkTravelCompressedAndFilesAreKeptAYearUnderTheirContentHash() throws Exception {
		HttpResponse<byte[]> tree = fetch("/tree", true);
		assertThat(tree.headers().firstValue("Content-Encoding")).hasValue("gzip");

		String html = fetchText("/tree");
		Matcher links = STATIC_LINK.matcher(html);
		List<String> files = links.results().map(m -> m.group(1)).toList();
		assertThat(files).anyMatch(f -> f.matches("/css/bootstrap-[0-9a-f]{32}\\.css"))
			.anyMatch(f -> f.matches("/css/app-[0-9a-f]{32}\\.css"))
			.anyMatch(f -> f.matches("/webjars/bootstrap/[0-9.]+/js/bootstrap\\.bundle\\.min-[0-9a-f]{32}\\.js"))
			.noneMatch(f -> f.contains("bootstrap.min.css"));
		for (String file : files) {
			HttpResponse<byte[]> response = fetch(file, true);
			assertThat(response.statusCode()).as(file).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).as(file)
				.hasValue("max-age=31536000, public, immutable");
			if (response.body().length > 1024 || file.endsWith(".css") && !file.contains("print")) {
				assertThat(response.headers().firstValue("Content-Encoding")).as(file).hasValue("gzip");
			}
		}
		// scripts wait for the page; a chart is SVG drawn on the server, so no page loads a chart script
		assertThat(html).contains("<script defer src=\"/webjars/bootstrap/").doesNotContain("chart.umd");
		String impact = fetchText("/impact");
		assertThat(impact).contains("<svg class=\"chart-svg\"").doesNotContain("chart.umd").doesNotContain("/js/charts");
		assertThat(fetch("/webjars/chart.js/dist/chart.umd.min.js", false).statusCode()).isEqualTo(404);
	}

	@Test
	void bootstrapIsBuiltFromItsSassWithoutWhatNoPageUsesAndTheManatSignHasItsOwnFont() throws Exception {
		String bootstrap = fetchText(first(fetchText("/"), "/css/bootstrap-[0-9a-f]{32}\\.css"));
		assertThat(bootstrap.length()).isLessThan(100_000);
		assertThat(bootstrap).contains(".navbar-toggler", ".btn-primary", ".collapse:not(.show)", ".d-md-none")
			.doesNotContain(".carousel", ".modal-dialog", ".tooltip-inner", ".accordion-button", ".was-validated");
		Matcher font = Pattern.compile("url\\(\"?(/css/fonts/manat-400-[0-9a-f]{32}\\.woff2)\"?\\)").matcher(bootstrap);
		assertThat(font.find()).isTrue();
		assertThat(bootstrap).contains("unicode-range:U+20BC");
		HttpResponse<byte[]> woff2 = fetch(font.group(1), false);
		assertThat(woff2.statusCode()).isEqualTo(200);
		assertThat(new String(woff2.body(), 0, 4)).isEqualTo("wOF2");
		assertThat(woff2.body().length).isLessThan(2_000);
	}

	@Test
	void publicPagesMayBeKeptByTheVisitorsBrowserButSignedInPagesAreNeverStored() throws Exception {
		for (String page : List.of("/", "/tree", "/about", "/impact", "/login", "/register")) {
			assertThat(mvc.perform(get(page)).andReturn().getResponse().getHeader("Cache-Control")).as(page)
				.isEqualTo("private, no-cache");
		}
		UserDetails donor = users.loadUserByUsername("donor@demo.az");
		for (String page : List.of("/", "/tree", "/me")) {
			assertThat(mvc.perform(get(page).with(user(donor))).andReturn().getResponse().getHeader("Cache-Control"))
				.as(page)
				.contains("no-store");
		}
	}

	@Test
	void robotsTxtLetsSearchEnginesReadThePublicPagesOnlyAndNamesTheSitemap() throws Exception {
		HttpResponse<String> robots = http.send(request("/robots.txt").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
		assertThat(robots.body()).contains("User-agent: *", "Disallow: /volunteer\n", "Disallow: /reports\n",
				"Disallow: /admin\n", "Disallow: /me\n", "Sitemap: http://localhost:" + port + "/sitemap.xml")
			.doesNotContain("Disallow: /tree", "Disallow: /letters");

		HttpResponse<String> sitemap = http.send(request("/sitemap.xml").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sitemap.statusCode()).isEqualTo(200);
		assertThat(sitemap.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("xml"));
		assertThat(sitemap.body()).contains("<loc>http://localhost:" + port + "/tree?lang=az</loc>",
				"<loc>http://localhost:" + port + "/impact?lang=ru</loc>",
				"hreflang=\"en\" href=\"http://localhost:" + port + "/about?lang=en\"")
			.doesNotContain("/volunteer", "/reports", "/admin", "/me", "/letters/");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			az | /tree  | Məktub ağacı: uşaqların arzularını
			en | /tree  | The letter tree: find children's wishes
			ru | /tree  | Дерево писем: найдите желания детей
			az | /      | ASAN Könüllülərinin
			en | /impact | What ASAN Məktub has achieved
			ru | /about | О программе ASAN Məktub
			en | /login | Sign in to ASAN Məktub
			ru | /register | Зарегистрируйтесь в ASAN Məktub
			""")
	void everyPublicPageDescribesItselfInItsLanguage(String lang, String page, String description) throws Exception {
		String html = fetchText(page + "?lang=" + lang);
		assertThat(html).contains("<meta name=\"description\" content=\"" + description.replace("'", "&#39;"))
			.doesNotContain("noindex");
	}

	@Test
	void aChildsLetterPageIsNotIndexed() throws Exception {
		String letter = first(fetchText("/tree"), "/letters/[0-9A-Z]{12}");
		String html = fetchText(letter + "?lang=en");
		assertThat(html).contains("<meta name=\"robots\" content=\"noindex\">",
				"<meta name=\"description\" content=\"A child&#39;s wish letter.");
	}

	@Test
	void aTreeCardIsNamedByWhatItShowsCategoryIncluded() throws Exception {
		String html = fetchText("/tree?lang=en&category=TOY");
		Matcher card = Pattern.compile("<a class=\"tree-card\" href=\"/letters/[0-9A-Z]{12}\"\\s+aria-label=\"([^\"]+)\"")
			.matcher(html);
		assertThat(card.find()).isTrue();
		assertThat(card.group(1)).matches("[^,]+, age \\d+, [^,]+, .+, Toy");
	}

	@Test
	void theFiltersInUseAreChipsThatRemoveThemselves() throws Exception {
		String html = fetchText("/tree?lang=en&category=TOY&ageMin=5&page=2");
		assertThat(html).contains("href=\"/tree?lang=en&amp;ageMin=5\"><span>Category: Toy</span>",
				"href=\"/tree?lang=en&amp;category=TOY\"><span>Age from: 5</span>");
		mvc.perform(get("/tree").param("category", "TOY")).andExpect(status().isOk());
	}

	private String first(String html, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(html);
		assertThat(matcher.find()).as(pattern).isTrue();
		return matcher.group();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpResponse<byte[]> fetch(String path, boolean gzip) throws Exception {
		HttpRequest.Builder request = request(path);
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private String fetchText(String path) throws Exception {
		HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
