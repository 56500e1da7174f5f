package az.asan.mektub.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import az.asan.mektub.HttpBrowser;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;
import az.asan.mektub.region.Regions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kept page, read at once by six people with look-alike names (one Latin letter of each pair is
 * its Cyrillic twin) in three languages: two donors, two volunteers of different regions and two staff
 * members (issue 23). Pages run with production's kept seconds; each answer must carry its reader's
 * own name, token, letters, regions, menu and messages after a form, and nothing of another's; a
 * donor's My letters carries the thank-you of their own child and never another donor's (issue 27.3).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptPagesAcrossReadersIntegrationTest extends IntegrationTestBase {

	private static final String PASSWORD = "oxucu-parol-77";

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** One person: who they are, the language they read in, and the pages they read. */
	record Reader(String email, String name, Role role, String region, String language, List<String> pages) {
	}

	/** A reader signed in, with what is theirs alone: a donor's letter and their child's thank-you (issue 27.3). */
	record Session(Reader reader, HttpBrowser browser, String token, String letter, String thanks) {
	}

	@Autowired
	Regions regions;

	@Autowired
	org.springframework.context.MessageSource messageSource;

	final List<Session> sessions = new ArrayList<>();

	/**
	 * Each donor's second session (another browser), which gives letters back and reads the message; its
	 * token is the one its forms send.
	 */
	final List<Session> messaged = new ArrayList<>();

	long campaign;

	TestLetters testLetters;

	@BeforeAll
	void sixLookAlikeReaders() throws Exception {
		cleanUp();
		campaign = TestCampaigns.open(jdbc);
		testLetters = new TestLetters(letters, tx, jdbc);
		String onTree = testLetters.published(campaign, Spec.of("Ağacda", 9));
		List<String> common = List.of("/tree", "/letters/" + onTree, "/me");
		List<Reader> readers = List.of(
				new Reader("leyla1@readers.test", "Leyla Həsənova", Role.DONOR, null, "az", with(common, "/me/adoptions")),
				new Reader("leyla2@readers.test", "Leyla Həsənovа", Role.DONOR, null, "ru", with(common, "/me/adoptions")),
				new Reader("orxan1@readers.test", "Orxan Əliyev", Role.VOLUNTEER, "AZ-BA-YAS", "en", with(common, "/volunteer")),
				new Reader("orxan2@readers.test", "Orxan Əliyеv", Role.VOLUNTEER, "AZ-GA", "az", with(common, "/volunteer")),
				new Reader("nigar1@readers.test", "Nigar <Quliyeva>", Role.STAFF, null, "ru", with(common, "/volunteer")),
				new Reader("nigar2@readers.test", "Nigar <Quliyevа>", Role.STAFF, null, "en", with(common, "/volunteer")));
		for (Reader reader : readers) {
			Set<Integer> regionIds = reader.region() == null ? Set.of()
					: Set.of(regions.byCode(reader.region()).orElseThrow().id());
			accounts.create(reader.email(), PASSWORD, reader.name(), reader.role(), regionIds);
			HttpBrowser browser = new HttpBrowser(port);
			browser.signIn(reader.email(), PASSWORD);
			browser.get("/?lang=" + reader.language());
			String me = browser.get("/me").body();
			String token = tokens(me).get(0);
			String letter = null;
			String thanks = null;
			if (reader.role() == Role.DONOR) {
				// each donor holds a letter of their own
				letter = testLetters.published(campaign, Spec.of("Məktub" + sessions.size(), 8));
				Matcher served = TOKEN.matcher(me);
				assertThat(served.find()).isTrue();
				assertThat(browser.post("/letters/" + letter + "/adopt", served.group(1)).statusCode()).isEqualTo(302);
				// and a fulfilled one whose child's thank-you two volunteers approved: theirs alone to read
				long donorId = TestPeople.id(jdbc, reader.email());
				String fulfilled = testLetters.published(campaign, Spec.of("Təşəkkür" + sessions.size(), 10));
				testLetters.moveTo(fulfilled, az.asan.mektub.letter.LetterStatus.FULFILLED, donorId);
				thanks = "Sağ olun, hədiyyə gözəldir! (" + sessions.size() + "-" + reader.email() + ")";
				jdbc.sql("""
						INSERT INTO letter_thanks (letter_id, note, status, attached_by, reviewed_by, reviewed_at)
						SELECT l.id, :note, 'APPROVED', 1, (SELECT id FROM app_user WHERE email = 'staff@demo.az'), now()
						FROM letter l WHERE l.code = :code""").param("note", thanks).param("code", fulfilled).update();
			}
			sessions.add(new Session(reader, browser, token, letter, thanks));
			if (reader.role() == Role.DONOR) {
				HttpBrowser second = new HttpBrowser(port);
				second.signIn(reader.email(), PASSWORD);
				second.get("/?lang=" + reader.language());
				// its token as a form carries it (masked), to send its forms with
				Matcher form = TOKEN.matcher(second.get("/me").body());
				assertThat(form.find()).isTrue();
				messaged.add(new Session(reader, second, form.group(1), null, null));
			}
		}
	}

	@AfterAll
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		TestPeople.remove(jdbc, "%@readers.test");
	}

	@Test
	void noReaderEverGetsAnothersNameTokenLettersRegionsOrMenuUnderConcurrentRequests() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Future<List<String>>> rounds = new ArrayList<>();
			for (int round = 0; round < 8; round++) {
				for (Session session : sessions) {
					for (String page : session.reader().pages()) {
						rounds.add(pool.submit(() -> problems(session, page)));
					}
				}
			}
			List<String> problems = new ArrayList<>();
			for (Future<List<String>> answer : rounds) {
				problems.addAll(answer.get());
			}
			assertThat(problems).as("%d answers", rounds.size()).isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A message after a form (a flash: "you gave the letter back") is its reader's alone: while everyone
	 * reads the kept pages, each donor's second session adopts a letter and gives it back, and is shown the
	 * message on My letters in its language, every time; no other answer to anyone — the same donor's
	 * other session included — ever carries it.
	 */
	@Test
	void aMessageAfterAFormReachesItsReaderAloneWhileEveryoneReadsTheKeptPages() throws Exception {
		List<String> given = java.util.stream.Stream.of("az", "en", "ru")
			.map(language -> messageSource.getMessage("adoption.cancelled", null, Locale.forLanguageTag(language)))
			.toList();
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Future<List<String>>> answers = new ArrayList<>();
			// each second session gives its letters back one after another (a session's messages are read in
			// the order they were given), all of them while everyone reads
			for (Session session : messaged) {
				List<String> toGiveBack = new ArrayList<>();
				for (int round = 0; round < 6; round++) {
					toGiveBack.add(testLetters.published(campaign, Spec.of("Qaytarılan" + round, 7)));
				}
				answers.add(pool.submit(() -> {
					List<String> problems = new ArrayList<>();
					for (String letter : toGiveBack) {
						problems.addAll(givenBack(session, letter, given));
					}
					return problems;
				}));
			}
			for (int round = 0; round < 6; round++) {
				for (Session session : sessions) {
					for (String page : session.reader().pages()) {
						answers.add(pool.submit(() -> {
							String html = session.browser().get(page).body();
							return given.stream().anyMatch(html::contains)
									? List.of(session.reader().email() + " " + page + ": a message after another's form")
									: List.<String>of();
						}));
					}
				}
			}
			List<String> problems = new ArrayList<>();
			for (Future<List<String>> answer : answers) {
				problems.addAll(answer.get());
			}
			assertThat(problems).as("%d answers", answers.size()).isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** A letter adopted and given back in a session of its own: what is wrong with the message it is shown. */
	private List<String> givenBack(Session session, String letter, List<String> given) throws Exception {
		String at = session.reader().email() + " giving back " + letter + ": ";
		if (session.browser().post("/letters/" + letter + "/adopt", session.token()).statusCode() != 302
				|| session.browser().post("/me/adoptions/" + letter + "/cancel", session.token()).statusCode() != 302) {
			return List.of(at + "the forms were refused");
		}
		String html = session.browser().get("/me/adoptions").body();
		String mine = messageSource.getMessage("adoption.cancelled", null, Locale.forLanguageTag(session.reader().language()));
		List<String> problems = new ArrayList<>();
		if (!html.contains(mine)) {
			problems.add(at + "their message is missing");
		}
		if (!html.contains(session.reader().name())) {
			problems.add(at + "their own name is missing");
		}
		for (String other : given) {
			if (!other.equals(mine) && html.contains(other)) {
				problems.add(at + "a message in another language");
			}
		}
		return problems;
	}

	/** What is wrong with one answer to one reader: empty when it is theirs alone. */
	private List<String> problems(Session session, String page) throws Exception {
		Reader reader = session.reader();
		String html = session.browser().get(page).body();
		Document document = Jsoup.parse(html);
		String at = reader.email() + " " + page + ": ";
		List<String> problems = new ArrayList<>();
		if (!document.text().contains(reader.name())) {
			problems.add(at + "their own name is missing");
		}
		if (!document.select("html").attr("lang").equals(reader.language())) {
			problems.add(at + "not in their language");
		}
		for (String token : tokens(html)) {
			if (!token.equals(session.token())) {
				problems.add(at + "a token not theirs");
			}
		}
		boolean reportsInMenu = !document.select("nav a[href$=/reports]").isEmpty();
		if (reportsInMenu != (reader.role() == Role.STAFF)) {
			problems.add(at + "the menu of another role");
		}
		for (Session other : sessions) {
			Reader them = other.reader();
			if (other == session) {
				continue;
			}
			if (document.text().contains(them.name()) || html.contains(them.email())) {
				problems.add(at + "shows " + them.email());
			}
			if (other.letter() != null && page.equals("/me/adoptions") && html.contains(other.letter())) {
				problems.add(at + "lists the letter of " + them.email());
			}
			if (other.thanks() != null && html.contains(other.thanks())) {
				problems.add(at + "shows the child's thank-you to " + them.email());
			}
			if (them.region() != null && reader.region() != null && page.equals("/volunteer")) {
				String theirs = regions.byCode(them.region()).orElseThrow().name(Locale.forLanguageTag(reader.language()));
				if (document.text().contains(theirs)) {
					problems.add(at + "names the region of " + them.email());
				}
			}
		}
		if (session.letter() != null && page.equals("/me/adoptions") && !html.contains(session.letter())) {
			problems.add(at + "their own letter is missing");
		}
		if (session.thanks() != null && page.equals("/me/adoptions") && !html.contains(session.thanks())) {
			problems.add(at + "their child's thank-you is missing");
		}
		if (reader.region() != null && page.equals("/volunteer")) {
			String mine = regions.byCode(reader.region()).orElseThrow().name(Locale.forLanguageTag(reader.language()));
			if (!document.text().contains(mine)) {
				problems.add(at + "their own region is missing");
			}
		}
		return problems;
	}

	/**
	 * The session's CSRF tokens in a page, unmasked: each answer masks the token with random bytes of its
	 * own (Spring Security's defence against BREACH), so the same token reads differently every time.
	 */
	private static List<String> tokens(String html) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(html);
		while (matcher.find()) {
			byte[] masked = java.util.Base64.getUrlDecoder().decode(matcher.group(1));
			int half = masked.length / 2;
			byte[] token = new byte[half];
			for (int i = 0; i < half; i++) {
				token[i] = (byte) (masked[i] ^ masked[half + i]);
			}
			tokens.add(new String(token, java.nio.charset.StandardCharsets.UTF_8));
		}
		return tokens;
	}

	private static List<String> with(List<String> pages, String page) {
		List<String> all = new ArrayList<>(pages);
		all.add(page);
		return all;
	}

}
