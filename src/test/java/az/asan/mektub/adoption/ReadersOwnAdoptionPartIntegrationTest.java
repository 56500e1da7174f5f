package az.asan.mektub.adoption;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import az.asan.mektub.platform.i18n.Formats;

import org.springframework.test.context.TestPropertySource;

import static az.asan.mektub.TestTexts.russianDays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter's page is kept and served to every signed-in reader alike, but what each may do there is
 * theirs: over real HTTP with the caches on, as in production, a donor at their limit reads the
 * reason and the way to their letters where the button was, another donor reading the same page a
 * moment before or after still gets the button (with their own token, which adopts), and the donor
 * who holds a letter reads its time left, counting down.
 */
@IntegrationTest
@TestPropertySource(properties = { "asan.tree.cache-seconds=300" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadersOwnAdoptionPartIntegrationTest extends IntegrationTestBase {

	long campaign;

	@BeforeAll
	void people() {
		cleanUp();
		// a person holds one letter of this campaign at a time
		campaign = TestCampaigns.create(jdbc, "OPEN", 3, 14, 14, 1);
		accounts.create("full@limit.test", "dolu-parol-81", "Dolu Donor", Role.DONOR, Set.of());
		accounts.create("free@limit.test", "bos-parol-82", "Boş Donor", Role.DONOR, Set.of());
		accounts.create("clock@limit.test", "saat-parol-83", "Saat Donor", Role.DONOR, Set.of());
	}

	@AfterAll
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM login_attempt").update();
		TestPeople.remove(jdbc, "%@limit.test");
	}

	@Test
	void aDonorAtTheLimitAndAnotherReadingTheSameKeptLetterPageAlternatelyEachSeeTheirOwnState() throws Exception {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String held = testLetters.published(campaign, Spec.of("Lalə", 8));
		String free = testLetters.published(campaign, Spec.of("Orxan", 10));
		HttpBrowser full = signedIn("full@limit.test", "dolu-parol-81");
		HttpBrowser other = signedIn("free@limit.test", "bos-parol-82");

		// the first donor takes a letter with the button the kept page gave them, and is at the limit
		Document before = full.page("/letters/" + held);
		HttpResponse<String> adopted = full.post("/letters/" + held + "/adopt", token(before, "#adopt-form"));
		assertThat(adopted.statusCode()).isEqualTo(302);
		assertThat(adopted.headers().firstValue("Location").orElseThrow()).endsWith("/me/adoptions/" + held);

		for (int round = 0; round < 2; round++) {
			for (String language : List.of("az", "en", "ru")) {
				Document atLimit = full.page("/letters/" + free + "?lang=" + language);
				Document mayAdopt = other.page("/letters/" + free + "?lang=" + language);
				Document atLimitAgain = full.page("/letters/" + free + "?lang=" + language);
				for (Document page : List.of(atLimit, atLimitAgain)) {
					assertThat(page.select("#adopt-form, #adopt")).as(language).isEmpty();
					assertThat(page.select("#adopt-at-limit").text()).as(language).isNotBlank();
					assertThat(page.select("#adopt-at-limit a[href$=/me/adoptions]")).as(language).isNotEmpty();
					assertThat(page.select(".nav-name").text()).isEqualTo("Dolu Donor");
				}
				assertThat(mayAdopt.select("#adopt-at-limit")).as(language).isEmpty();
				assertThat(mayAdopt.select("#adopt-form[method=post] #adopt")).as(language).isNotEmpty();
				assertThat(mayAdopt.select(".nav-name").text()).isEqualTo("Boş Donor");
				// the button's token is the reader's own (the one that signs them out), never a placeholder
				assertThat(token(mayAdopt, "#adopt-form")).isEqualTo(token(mayAdopt, "form[action$=/logout]"));
				for (Document page : List.of(atLimit, mayAdopt)) {
					assertThat(page.html()).doesNotContain("asan-part-").doesNotContain("asan-csrf-token-of-the-reader");
				}
			}
			assertThat(full.page("/letters/" + free + "?lang=az").select("#adopt-at-limit").text())
				.contains("Bu kampaniyada eyni anda götürə biləcəyiniz 1 məktubun hamısı artıq sizdədir");
			assertThat(full.page("/letters/" + free + "?lang=en").select("#adopt-at-limit").text())
				.contains("You already hold the 1 letter you can hold at once");
			assertThat(full.page("/letters/" + free + "?lang=ru").select("#adopt-at-limit").text())
				.contains("у вас уже 1 письмо");
		}

		// the donor holding a letter reads its time left there; another reader of that page does not
		Document mine = full.page("/letters/" + held + "?lang=az");
		Document notMine = other.page("/letters/" + held + "?lang=az");
		assertThat(mine.select("#letter-yours [data-deadline]").text()).isEqualTo(daysLeft(held) + " gün qalıb");
		assertThat(mine.select("#letter-yours a[href$=/me/adoptions/" + held + "]")).isNotEmpty();
		assertThat(notMine.select("#letter-yours")).isEmpty();
		assertThat(notMine.select("#letter-taken")).isNotEmpty();
		assertThat(full.page("/letters/" + held + "?lang=az").select("#letter-yours")).isNotEmpty();

		// the other donor's button adopts, with their own token
		HttpResponse<String> second = other.post("/letters/" + free + "/adopt",
				token(other.page("/letters/" + free), "#adopt-form"));
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT u.email FROM letter l JOIN app_user u ON u.id = l.donor_id WHERE l.code = ?")
			.param(free)
			.query(String.class)
			.single()).isEqualTo("free@limit.test");
	}

	@Test
	void theHoldsTimeLeftIsSaidByTheServerInEachLanguageAndCountsDownWhereScriptsRun() throws Exception {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String code = testLetters.published(campaign, Spec.of("Fidan", 7));
		HttpBrowser donor = signedIn("clock@limit.test", "saat-parol-83");
		donor.post("/letters/" + code + "/adopt", token(donor.page("/letters/" + code), "#adopt-form"));
		long days = daysLeft(code);
		assertThat(days).isPositive();

		for (String[] expected : List.of(new String[] { "az", days + " gün qalıb" },
				new String[] { "en", days + (days == 1 ? " day left" : " days left") },
				new String[] { "ru", russianDays(days) })) {
			Document list = donor.page("/me/adoptions?lang=" + expected[0]);
			Element card = list.selectFirst("article[data-code=" + code + "]");
			assertThat(card).isNotNull();
			Element left = card.selectFirst("[data-deadline]");
			assertThat(left.text()).isEqualTo(expected[1]);
			// the moment it counts to: the end of the due date in Baku, when the hold is released
			LocalDate due = jdbc.sql("SELECT due_date FROM letter WHERE code = ?").param(code).query(LocalDate.class).single();
			assertThat(Long.parseLong(left.attr("data-deadline")))
				.isEqualTo(due.plusDays(1).atStartOfDay(Formats.BAKU).toInstant().toEpochMilli());
			assertThat(left.attr("data-days")).contains("#");
			assertThat(list.select("script[src*=/js/countdown]")).hasSize(1);
			Document page = donor.page("/me/adoptions/" + code + "?lang=" + expected[0]);
			assertThat(page.select("#time-left [data-deadline]").text()).isEqualTo(expected[1]);
			assertThat(page.select("script[src*=/js/countdown]")).hasSize(1);
		}
		// every plural form of the language, for the script to choose from as the server does
		Element russian = donor.page("/me/adoptions?lang=ru").selectFirst("[data-deadline]");
		assertThat(russian.attr("data-days")).contains("one:Остался # день").contains("few:Осталось # дня")
			.contains("many:Осталось # дней");
		assertThat(russian.attr("data-hours")).contains("many:Осталось # часов");
		Element english = donor.page("/me/adoptions?lang=en").selectFirst("[data-deadline]");
		assertThat(english.attr("data-days")).isEqualTo("one:# day left|other:# days left");

		// the script is an external file (no inline script: the CSP stays as it is), and it is served
		Document list = donor.page("/me/adoptions?lang=az");
		String src = list.selectFirst("script[src*=/js/countdown]").attr("src");
		HttpResponse<String> script = donor.get(src);
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("data-deadline").contains("Intl.PluralRules");
		assertThat(list.select("script:not([src])")).isEmpty();
	}

	private long daysLeft(String code) {
		LocalDate due = jdbc.sql("SELECT due_date FROM letter WHERE code = ?").param(code).query(LocalDate.class).single();
		return Duration.between(Instant.now(), due.plusDays(1).atStartOfDay(Formats.BAKU).toInstant()).toDays();
	}

	private static String token(Document page, String form) {
		String token = page.select(form + " input[name=_csrf]").val();
		assertThat(token).as("token of " + form).isNotBlank();
		return token;
	}

	private HttpBrowser signedIn(String email, String password) throws Exception {
		HttpBrowser browser = new HttpBrowser(port);
		browser.signIn(email, password);
		return browser;
	}

}
