package az.asan.mektub.platform.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

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
import az.asan.mektub.letter.LetterStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in person's tree, "My letters" and desk are kept whole for everyone they look the same
 * for and put together per request (issue 17, {@link PageShells}). With the caches on, as in
 * production, over real HTTP: each person sees their own name (escaped), their own CSRF token (which
 * signs them out), their own letters and their own menu, never another's, and no placeholder is left.
 */
@IntegrationTest
@TestPropertySource(properties = { "asan.tree.cache-seconds=300", "asan.desk.cache-seconds=300" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptPagesForSignedInPeopleIntegrationTest extends IntegrationTestBase {

	private static final String ODD_NAME = "Ayşə <i>\"Qızıl\"</i> & 'Ko'";

	@Autowired
	az.asan.mektub.letter.LetterManagement letterManagement;

	long campaign;

	int sheki;

	int ganja;

	@BeforeAll
	void people() {
		cleanUp();
		campaign = TestCampaigns.open(jdbc);
		sheki = region("AZ-SAK");
		ganja = region("AZ-GA");
		accounts.create("first@kept.test", "birinci-parol-71", "Birinci Donor", Role.DONOR, Set.of());
		accounts.create("second@kept.test", "ikinci-parol-72", ODD_NAME, Role.DONOR, Set.of());
		accounts.create("sheki@kept.test", "seki-parol-73", "Şəki Könüllüsü", Role.VOLUNTEER, Set.of(sheki));
		accounts.create("sheki2@kept.test", "seki-parol-74", "İkinci Şəki Könüllüsü", Role.VOLUNTEER, Set.of(sheki));
		accounts.create("ganja@kept.test", "gence-parol-75", "Gəncə Könüllüsü", Role.VOLUNTEER, Set.of(ganja));
		accounts.create("staff@kept.test", "isci-parol-76", "Agentlik İşçisi", Role.STAFF, Set.of());
	}

	@AfterAll
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM login_attempt").update();
		TestPeople.remove(jdbc, "%@kept.test");
	}

	@Test
	void twoDonorsOnTheKeptTreeSeeTheirOwnNameAndSignOutWithTheirOwnToken() throws Exception {
		HttpBrowser first = signedIn("first@kept.test", "birinci-parol-71");
		HttpBrowser second = signedIn("second@kept.test", "ikinci-parol-72");
		for (String language : List.of("az", "en", "ru")) {
			Document firstTree = first.page("/tree?lang=" + language);
			HttpResponse<String> secondAnswer = second.get("/tree?lang=" + language);
			Document secondTree = org.jsoup.Jsoup.parse(secondAnswer.body());
			assertThat(secondAnswer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html")
				.containsIgnoringCase("utf-8");
			assertThat(secondAnswer.headers().firstValue("Content-Language").orElseThrow()).isEqualTo(language);
			assertThat(firstTree.select(".nav-name").text()).isEqualTo("Birinci Donor");
			assertThat(secondTree.select(".nav-name").text()).isEqualTo(ODD_NAME);
			assertThat(secondTree.select(".nav-name").attr("title")).isEqualTo(ODD_NAME);
			// escaped as Thymeleaf escapes text: the markup characters only, the letters as they are
			assertThat(secondAnswer.body()).doesNotContain("<i>\"Qızıl\"</i>")
				.contains("Ayşə &lt;i&gt;&quot;Qızıl&quot;&lt;/i&gt; &amp; &#39;Ko&#39;")
				.doesNotContain("Birinci Donor");
			assertThat(secondTree.select("html").attr("lang")).isEqualTo(language);
			for (Document tree : List.of(firstTree, secondTree)) {
				assertThat(tree.html()).doesNotContain("asan-name-of-the-reader")
					.doesNotContain("asan-csrf-token-of-the-reader")
					.doesNotContain("asan-hole-");
				assertThat(tree.select("a[href$=/me/adoptions]")).isNotEmpty();
				assertThat(tree.select("a[href$=/volunteer], a[href$=/reports]")).isEmpty();
			}
		}
		String firstToken = first.page("/tree").select("form[action$=/logout] input[name=_csrf]").val();
		String secondToken = second.page("/tree").select("form[action$=/logout] input[name=_csrf]").val();
		assertThat(firstToken).isNotBlank().isNotEqualTo(secondToken);
		// the first donor's token does not sign the second one out; their own does
		assertThat(second.post("/logout", firstToken).statusCode()).isEqualTo(403);
		assertThat(second.post("/logout", secondToken).statusCode()).isEqualTo(302);
		assertThat(second.get("/me/adoptions").statusCode()).isEqualTo(302);
		assertThat(first.page("/me/adoptions").select(".nav-name").text()).isEqualTo("Birinci Donor");
	}

	@Test
	void eachDonorsLettersAreTheirOwnOnTheKeptPage() throws Exception {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		long firstDonor = account("first@kept.test");
		String held = testLetters.published(campaign, Spec.of("Tofiq", 9).region("AZ-SAK"));
		testLetters.moveTo(held, LetterStatus.ADOPTED, firstDonor);

		HttpBrowser first = signedIn("first@kept.test", "birinci-parol-71");
		HttpBrowser second = signedIn("second@kept.test", "ikinci-parol-72");
		Document firstList = first.page("/me/adoptions");
		Document secondList = second.page("/me/adoptions");
		assertThat(firstList.select("article.adoption[data-code=" + held + "]")).hasSize(1);
		assertThat(secondList.select("article.adoption")).isEmpty();
		assertThat(secondList.text()).doesNotContain("Tofiq");
		assertThat(secondList.select("a[href$=/tree].btn")).isNotEmpty();
		assertThat(firstList.select(".nav-name").text()).isEqualTo("Birinci Donor");
		assertThat(secondList.select(".nav-name").text()).isEqualTo(ODD_NAME);

		// after cancelling, the list says so (the message is the reader's alone) and the letter is gone
		String token = firstList.select("form[action$=/logout] input[name=_csrf]").val();
		assertThat(first.post("/me/adoptions/" + held + "/cancel", token).statusCode()).isEqualTo(302);
		Document afterwards = first.page("/me/adoptions");
		assertThat(afterwards.select(".alert-success")).hasSize(1);
		assertThat(afterwards.select("article.adoption[data-code=" + held + "]")).isEmpty();
		assertThat(first.page("/me/adoptions").select(".alert-success")).isEmpty();
	}

	@Test
	void aDonorWithManyLettersReadsThemAPageAtATimeTheOnesUnderWayFirst() throws Exception {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		long donor = account("second@kept.test");
		List<String> fulfilled = new java.util.ArrayList<>();
		try {
		for (int i = 0; i < 28; i++) {
			String code = testLetters.published(campaign, Spec.of("Keçmiş", 5 + i % 9).region("AZ-SAK"));
			testLetters.moveTo(code, LetterStatus.FULFILLED, donor);
			fulfilled.add(code);
		}
		String underWay = testLetters.published(campaign, Spec.of("İndiki", 7).region("AZ-GA"));
		testLetters.moveTo(underWay, LetterStatus.ADOPTED, donor);

		HttpBrowser second = signedIn("second@kept.test", "ikinci-parol-72");
		Document first = second.page("/me/adoptions");
		assertThat(first.select("article.adoption")).hasSize(24);
		assertThat(first.select("article.adoption").first().attr("data-code")).isEqualTo(underWay);
		assertThat(first.select("a[rel=next]").attr("href")).contains("page=2");
		Document next = second.page("/me/adoptions?page=2");
		assertThat(next.select("article.adoption")).hasSize(5);
		assertThat(next.select("article.adoption").eachAttr("data-code")).doesNotContain(underWay)
			.allSatisfy(code -> assertThat(fulfilled).contains(code));
		// a page past the end shows the last one; a page number that is not one shows the first, as on the tree
		assertThat(second.page("/me/adoptions?page=99").select("article.adoption")).hasSize(5);
		for (String odd : List.of("-3", "0", "abc", "1.5", "%20", "99999999999")) {
			assertThat(second.page("/me/adoptions?page=" + odd).select("article.adoption")).as(odd).hasSize(24);
		}
		assertThat(second.page("/me/adoptions?lang=ru").select(".nav-name").text()).isEqualTo(ODD_NAME);
		}
		finally {
			jdbc.sql("UPDATE letter SET donor_id = NULL, status = 'WITHDRAWN' WHERE donor_id = ?").param(donor).update();
		}
	}

	@Test
	void theKeptDeskShowsEachVolunteerTheirRegionsAndOnlyTheirOwnSentBackLetters() throws Exception {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		long shekiVolunteer = account("sheki@kept.test");
		String sentBack = testLetters.published(campaign, Spec.of("Rəşad", 7).region("AZ-SAK"));
		// sent back to the volunteer who registered it (as a reviewer's "incomplete" leaves it)
		jdbc.sql("UPDATE letter SET status = ?, status_reason = 'MISSING_CONSENT', registered_by = ? WHERE code = ?")
			.params(LetterStatus.INCOMPLETE.name(), shekiVolunteer, sentBack)
			.update();

		HttpBrowser sheki1 = signedIn("sheki@kept.test", "seki-parol-73");
		HttpBrowser sheki2 = signedIn("sheki2@kept.test", "seki-parol-74");
		HttpBrowser ganja1 = signedIn("ganja@kept.test", "gence-parol-75");
		Document own = sheki1.page("/volunteer");
		Document colleague = sheki2.page("/volunteer");
		Document other = ganja1.page("/volunteer");
		assertThat(own.select("#sent-back a[href$=/volunteer/letters/" + sentBack + "/edit]")).hasSize(1);
		assertThat(colleague.select("#sent-back")).isEmpty();
		assertThat(other.select("#sent-back")).isEmpty();
		assertThat(own.select(".nav-name").text()).isEqualTo("Şəki Könüllüsü");
		assertThat(colleague.select(".nav-name").text()).isEqualTo("İkinci Şəki Könüllüsü");
		assertThat(own.text()).contains("Şəki");
		assertThat(other.text()).contains("Gəncə");
		assertThat(other.select("a[href*=" + sentBack + "]")).isEmpty();
		for (Document desk : List.of(own, colleague, other)) {
			assertThat(desk.html()).doesNotContain("asan-name-of-the-reader")
				.doesNotContain("asan-csrf-token-of-the-reader")
				.doesNotContain("asan-hole-");
			assertThat(desk.select("a[href$=/reports]")).isEmpty();
		}
		// a different menu is a different kept page: the staff see theirs
		Document staffDesk = signedIn("staff@kept.test", "isci-parol-76").page("/volunteer");
		assertThat(staffDesk.select("a[href$=/reports]")).isNotEmpty();
		assertThat(staffDesk.select(".nav-name").text()).isEqualTo("Agentlik İşçisi");
	}

	@Test
	void afterAQuickActionTheKeptDeskIsNeverShownAgain() throws Exception {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		// a region no other test here looks at, so that its desk is read for the first time below
		accounts.create("shirvan@kept.test", "sirvan-parol-77", "Şirvan Könüllüsü", Role.VOLUNTEER, Set.of(region("AZ-SR")));
		String overdue = testLetters.published(campaign, Spec.of("Vaxtı keçmiş", 9).region("AZ-SR"));
		testLetters.moveTo(overdue, LetterStatus.ADOPTED, account("first@kept.test"));
		jdbc.sql("UPDATE letter SET due_date = current_date - 400 WHERE code = ?").param(overdue).update();

		HttpBrowser volunteer = signedIn("shirvan@kept.test", "sirvan-parol-77");
		Document desk = volunteer.page("/volunteer");
		org.jsoup.nodes.Element form = desk.selectFirst("#row-" + overdue + " form");
		assertThat(form).isNotNull();
		HttpResponse<String> pressed = volunteer.post(form.attr("action"), form.select("input[name=_csrf]").val());
		assertThat(pressed.statusCode()).isEqualTo(302);
		Document withMessage = volunteer.page("/volunteer");
		assertThat(withMessage.select(".alert-success")).hasSize(1);
		assertThat(withMessage.select("#row-" + overdue)).isEmpty();
		// reloaded: no message, and not the page kept from before the action either
		Document reloaded = volunteer.page("/volunteer");
		assertThat(reloaded.select(".alert-success")).isEmpty();
		assertThat(reloaded.select("#row-" + overdue)).isEmpty();
		assertThat(reloaded.select("form[method=post] input[name=_csrf]")).allSatisfy(
				token -> assertThat(token.val()).isNotBlank().doesNotContain("asan-"));
	}

	@Test
	void aDonorWhoHasJustAdoptedALetterIsNeverOfferedItAgainNorToldSomeoneElseTookIt() throws Exception {
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Günel", 6).region("AZ-GA"));
		HttpBrowser donor = signedIn("first@kept.test", "birinci-parol-71");
		Document offered = donor.page("/letters/" + code);
		org.jsoup.nodes.Element form = offered.selectFirst("form#adopt-form[method=post]");
		assertThat(form).isNotNull();
		String token = form.select("input[name=_csrf]").val();
		HttpResponse<String> adopted = donor.post(form.attr("action"), token);
		assertThat(adopted.statusCode()).isEqualTo(302);
		assertThat(donor.page("/me/adoptions/" + code).select(".alert-success")).hasSize(1);

		// the kept page of the letter is forgotten once it is taken: no adopt button for anyone here
		assertThat(donor.page("/letters/" + code).select("form#adopt-form")).isEmpty();
		assertThat(signedIn("second@kept.test", "ikinci-parol-72").page("/letters/" + code).select("form#adopt-form"))
			.isEmpty();
		// pressing it again (a second tab) says it is theirs, on their own page of it
		HttpResponse<String> again = donor.post(form.attr("action"), token);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/me/adoptions/" + code);
		assertThat(donor.page("/me/adoptions/" + code).select(".alert-success").text())
			.isEqualTo("Bu məktub artıq sizdədir.");

		// given back: its old page and a second "give back" lead to the list, which says so
		assertThat(donor.post("/me/adoptions/" + code + "/cancel", token).statusCode()).isEqualTo(302);
		assertThat(donor.page("/me/adoptions").select(".alert-success")).hasSize(1);
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> late = i == 0 ? donor.get("/me/adoptions/" + code)
					: donor.post("/me/adoptions/" + code + "/cancel", token);
			assertThat(late.statusCode()).isEqualTo(302);
			assertThat(late.headers().firstValue("Location").orElseThrow()).endsWith("/me/adoptions");
			assertThat(donor.page("/me/adoptions").select(".alert-danger").text())
				.isEqualTo("Bu məktub artıq sizin məktublarınızda deyil.");
		}
		// someone who never held it still finds nothing there
		assertThat(signedIn("second@kept.test", "ikinci-parol-72").get("/me/adoptions/" + code).statusCode()).isEqualTo(404);
		assertThat(donor.page("/me/adoptions?page=abc").select("h1")).isNotEmpty();
	}

	@Test
	void aPersonWhoRenamesThemselvesSeesTheNewNameAtTheTopAtOnce() throws Exception {
		accounts.create("rename@kept.test", "ad-parol-79", "Köhnə Ad", Role.DONOR, Set.of());
		HttpBrowser donor = signedIn("rename@kept.test", "ad-parol-79");
		String token = donor.page("/tree").select("form[action$=/logout] input[name=_csrf]").val();
		HttpResponse<String> saved = donor.post("/me", "fullName=" + java.net.URLEncoder.encode("Yeni Ad", "UTF-8")
				+ "&phone=&language=az", token);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(donor.page("/me").select(".nav-name").text()).isEqualTo("Yeni Ad");
		assertThat(donor.page("/tree").select(".nav-name").text()).isEqualTo("Yeni Ad");
		assertThat(donor.page("/me/adoptions").select(".nav-name").text()).isEqualTo("Yeni Ad");
	}

	@Test
	void aVolunteersOwnActionShowsOnTheirDeskAtOnce() throws Exception {
		accounts.create("quba@kept.test", "quba-parol-78", "Quba Könüllüsü", Role.VOLUNTEER, Set.of(region("AZ-QBA")));
		String received = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Aytac", 8).region("AZ-QBA"));
		// back to "received", waiting for review, as a newly registered letter is
		jdbc.sql("UPDATE letter SET status = 'RECEIVED', published_at = NULL WHERE code = ?").param(received).update();
		HttpBrowser volunteer = signedIn("quba@kept.test", "quba-parol-78");
		Document desk = volunteer.page("/volunteer");
		assertThat(desk.select("#review-queue a[href$=/volunteer/letters/" + received + "]")).hasSize(1);
		letterManagement.publish(received, az.asan.mektub.account.RegionScope.all(), account("quba@kept.test"),
				"Velosiped istəyirəm", true, true);
		assertThat(volunteer.page("/volunteer").select("#review-queue a[href$=/volunteer/letters/" + received + "]"))
			.isEmpty();
	}

	@Test
	void aVisitorWhoHasNotSignedInGetsTheKeptTreeWithoutAnyName() throws Exception {
		signedIn("first@kept.test", "birinci-parol-71").page("/tree");
		Document anonymous = new HttpBrowser(port).page("/tree");
		assertThat(anonymous.select(".nav-name")).isEmpty();
		assertThat(anonymous.select("a[href$=/login]")).isNotEmpty();
		assertThat(anonymous.html()).doesNotContain("Birinci Donor").doesNotContain("asan-name-of-the-reader").doesNotContain("asan-hole-");
	}

	private HttpBrowser signedIn(String email, String password) throws Exception {
		HttpBrowser browser = new HttpBrowser(port);
		browser.signIn(email, password);
		return browser;
	}

	private long account(String email) {
		return TestPeople.id(jdbc, email);
	}

}
