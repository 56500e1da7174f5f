package az.asan.mektub.web;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestPeople;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every person presses everything. For each role, in each language, this follows every link of the
 * app that the person can reach from their start pages, and every picture, script and style sheet
 * those pages load. It fails on any server error, any {@code ??key??}, any page without an
 * {@code <h1>} or in another language, and any link that leads to "not found" or "forbidden" (a
 * page must not offer what does not work for its reader), and on a signed-in person sent to sign in.
 * <p>
 * Addresses that differ only in a code, a number or the values of their query (every letter's page,
 * every sort order of a table) are one kind of page: a few of each kind are opened, so a role's
 * crawl takes seconds.
 */
@IntegrationTest
class CrawlIntegrationTest extends IntegrationTestBase {

	/** How many pages of one kind are opened (letters in different states show different pages). */
	private static final int PER_KIND = 2;

	private static final int MAX_PAGES = 400;

	private static final Pattern RAW_KEY = Pattern.compile("\\?\\?[A-Za-z0-9_.]+\\?\\?");

	/** The note of the demo donor's child's approved thank-you (issue 27.3): theirs alone to read. */
	static final String APPROVED_THANKS = "Hədiyyən üçün sağ ol, Leyla xala! Rəsmimi sənə göndərirəm.";

	/** The note of a thank-you still waiting for a second volunteer: no donor reads it yet. */
	static final String PENDING_THANKS = "Velosipedi çox sevdim, təşəkkür edirəm!";

	/**
	 * Two fulfilled letters of the demo donor in the demo volunteer's region, with the child's
	 * thank-you: one approved (a note and a drawing), one waiting for a second volunteer.
	 */
	@org.junit.jupiter.api.BeforeEach
	void thankYousOfTheDemoDonorsChildren() {
		long campaign = az.asan.mektub.TestCampaigns.open(jdbc);
		az.asan.mektub.TestLetters testLetters = new az.asan.mektub.TestLetters(letters, tx, jdbc);
		long donor = TestPeople.id(jdbc, "donor@demo.az");
		String approved = testLetters.published(campaign, az.asan.mektub.TestLetters.Spec.of("Nərmin", 8));
		String pending = testLetters.published(campaign, az.asan.mektub.TestLetters.Spec.of("Elvin", 9));
		testLetters.moveTo(approved, az.asan.mektub.letter.LetterStatus.FULFILLED, donor);
		testLetters.moveTo(pending, az.asan.mektub.letter.LetterStatus.FULFILLED, donor);
		jdbc.sql("""
				INSERT INTO letter_thanks (letter_id, note, image, status, attached_by, reviewed_by, reviewed_at)
				SELECT l.id, :note, :image, 'APPROVED', (SELECT id FROM app_user WHERE email = 'staff@demo.az'),
				       (SELECT id FROM app_user WHERE email = 'volunteer@demo.az'), now()
				FROM letter l WHERE l.code = :code""")
			.param("note", APPROVED_THANKS)
			.param("image", az.asan.mektub.TestImages.jpeg(60, 40))
			.param("code", approved)
			.update();
		jdbc.sql("""
				INSERT INTO letter_thanks (letter_id, note, image, attached_by)
				SELECT l.id, :note, :image, (SELECT id FROM app_user WHERE email = 'staff@demo.az')
				FROM letter l WHERE l.code = :code""")
			.param("note", PENDING_THANKS)
			.param("image", az.asan.mektub.TestImages.jpeg(60, 40))
			.param("code", pending)
			.update();
	}

	@org.junit.jupiter.api.AfterEach
	void dropTheThankYous() {
		az.asan.mektub.TestCampaigns.dropAll(jdbc);
	}

	static Stream<Arguments> rolesAndLanguages() {
		List<Arguments> all = new ArrayList<>();
		for (String role : List.of("anonymous", "donor", "volunteer", "staff", "admin")) {
			for (String lang : List.of("az", "en", "ru")) {
				all.add(Arguments.of(role, lang));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("rolesAndLanguages")
	void everyLinkAPersonCanReachWorksInTheirLanguage(String role, String lang) {
		Visitor visitor = (role.equals("anonymous") ? Visitor.anonymous(mvc)
				: Visitor.signedIn(mvc, users.loadUserByUsername(role + "@demo.az"))).speaking(lang);
		List<String> problems = new ArrayList<>();
		Deque<Link> queue = new ArrayDeque<>();
		startPages(role).forEach(start -> queue.add(new Link(start, "(start)")));
		Map<String, Integer> kinds = new HashMap<>();
		Set<String> seen = new HashSet<>();
		Set<String> assets = new HashSet<>();
		int opened = 0;
		boolean thanksSeen = false;

		while (!queue.isEmpty() && opened < MAX_PAGES) {
			Link link = queue.poll();
			if (!seen.add(link.url()) || kinds.merge(kind(link.url()), 1, Integer::sum) > PER_KIND) {
				continue;
			}
			opened++;
			Page page = visitor.open(link.url());
			int status = page.status();
			String where = link.url() + " (linked from " + link.from() + ")";
			if (status >= 500 || status == 404 || status == 403 || status == 400 || status == 405) {
				problems.add(status + " " + where);
				continue;
			}
			if (!visitor.isAnonymous() && page.url().startsWith("/login")) {
				problems.add("sent to sign in: " + where);
				continue;
			}
			String type = page.result().getResponse().getContentType();
			if (type == null || !type.startsWith("text/html")) {
				continue;
			}
			String html = page.html();
			Document document = page.document();
			if (RAW_KEY.matcher(html).find()) {
				var matcher = RAW_KEY.matcher(html);
				Set<String> keys = new TreeSet<>();
				while (matcher.find()) {
					keys.add(matcher.group());
				}
				problems.add("raw message keys " + keys + " on " + page.url());
			}
			// the child's thank-you: the donor's own once approved, the region's volunteers' and staff's to
			// review, never the public's, and never a donor's before a second volunteer approved it
			if (html.contains(APPROVED_THANKS)) {
				thanksSeen = true;
				if (role.equals("anonymous")) {
					problems.add("the child's thank-you on " + page.url());
				}
			}
			if (html.contains(PENDING_THANKS) && (role.equals("anonymous") || role.equals("donor"))) {
				problems.add("a thank-you waiting for review on " + page.url());
			}
			if (document.selectFirst("h1") == null) {
				problems.add("no <h1> on " + page.url());
			}
			if (!lang.equals(document.selectFirst("html").attr("lang"))) {
				problems.add("lang=" + document.selectFirst("html").attr("lang") + " on " + page.url());
			}
			for (Element anchor : document.select("a[href]")) {
				String target = local(page.url(), anchor.attr("href"));
				if (target != null && !seen.contains(target)) {
					queue.add(new Link(target, page.url()));
				}
			}
			for (Element asset : document.select("img[src], script[src], link[rel=stylesheet][href]")) {
				String target = local(page.url(), asset.hasAttr("src") ? asset.attr("src") : asset.attr("href"));
				if (target != null && assets.add(target)) {
					MvcResult loaded = visitor.request(target);
					if (loaded.getResponse().getStatus() != 200) {
						problems.add(loaded.getResponse().getStatus() + " " + target + " (loaded by " + page.url() + ")");
					}
				}
			}
		}

		assertThat(problems).as(role + " in " + lang + ", " + opened + " pages opened").isEmpty();
		if (role.equals("donor")) {
			assertThat(thanksSeen).as("the donor reads their child's thank-you on My letters").isTrue();
		}
		assertThat(opened).as("pages a " + role + " reaches").isGreaterThan(role.equals("anonymous") ? 8 : 12);
	}

	private static List<String> startPages(String role) {
		return switch (role) {
			case "anonymous" -> List.of("/", "/tree", "/tree?view=list", "/impact", "/about", "/login", "/register",
					"/register/organisation", "/password/forgot");
			case "donor" -> List.of("/", "/me", "/me/adoptions", "/me/mailbox", "/me/password", "/tree");
			case "volunteer" -> List.of("/volunteer", "/volunteer/thanks", "/volunteer/letters", "/volunteer/letters/new",
					"/volunteer/letters/import", "/me", "/tree");
			default -> List.of("/reports", "/admin", "/admin/users", "/admin/campaigns", "/admin/handover-points",
					"/admin/audit", "/admin/organisations", "/volunteer", "/volunteer/thanks", "/volunteer/letters", "/me");
		};
	}

	/** The same-origin address a link leads to, or null for one that leaves the app or is not a page to open. */
	private static String local(String from, String href) {
		if (href.isBlank() || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("tel:")
				|| href.startsWith("javascript:")) {
			return null;
		}
		URI uri;
		try {
			uri = URI.create("http://localhost" + from).resolve(href.replace(" ", "%20"));
		}
		catch (IllegalArgumentException ex) {
			return "/invalid-link/" + href;
		}
		if (!"localhost".equals(uri.getHost())) {
			return null;
		}
		String path = uri.getRawPath();
		String query = uri.getRawQuery();
		// the language switch is the crawl's own choice; signing out ends it
		if (path.equals("/logout") || query != null && query.matches("(.*&)?lang=.*")) {
			return null;
		}
		return path + (query == null ? "" : "?" + query);
	}

	/** Addresses of one kind: codes and numbers in the path, and the values of the query, left out. */
	static String kind(String url) {
		URI uri = URI.create(url);
		String path = SubmittedForms.key("GET", uri.getRawPath()).substring(4);
		if (uri.getRawQuery() == null) {
			return path;
		}
		Set<String> names = new TreeSet<>();
		for (String pair : uri.getRawQuery().split("&")) {
			names.add(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
		}
		return path + "?" + String.join("&", names);
	}

	record Link(String url, String from) {
	}

}
