package az.asan.mektub.campaign;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a campaign officer tried after the campaign's life learnt to forgive mistakes, done as they did
 * it: opening next year's campaign early, registering a letter in December, closing a campaign and
 * looking at the figures.
 */
@IntegrationTest
class CampaignOfficerFindingsIntegrationTest extends IntegrationTestBase {

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
	}

	@Test
	void openingNextYearsCampaignEarlyLeavesTheRunningCampaignsLettersOnTheTreeAndHomeAndTreeAgree() throws Exception {
		// given: next year's campaign, planned
		LocalDate today = LocalDate.now(Formats.BAKU);
		long next = campaign("TEST-NEXT", "PLANNED", today.plusDays(90), today.plusDays(400));
		long running = demoCampaign();
		Visitor staff = Visitor.signedIn(mvc, account("staff@demo.az"));

		// when: it is opened early from the list and the warnings confirmed
		Page confirm = staff.open("/admin/campaigns").formTo("/admin/campaigns/" + next + "/open").submit();
		confirm.formTo("/admin/campaigns/" + next + "/open").submit();
		assertThat(status(next)).isEqualTo("OPEN");

		// then: the tree still shows the campaign running now, and offers the other in its filter
		Page tree = Visitor.anonymous(mvc).open("/tree");
		assertThat(tree.document().select("#f-campaign option[selected]").eachAttr("value"))
			.containsExactly(String.valueOf(running));
		assertThat(tree.document().select("#f-campaign option").eachAttr("value")).contains(String.valueOf(next));
		long onTree = jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = ? AND status = 'PUBLISHED'")
			.param(running).query(Long.class).single();
		assertThat(onTree).isPositive();
		assertThat(digits(tree.document().select("#tree-count").text())).isEqualTo(onTree);
		// and the home page's letters waiting are the tree's (the campaign opened early has none yet)
		assertThat(digits(Visitor.anonymous(mvc).open("/").document().select("#total-waiting").text())).isEqualTo(onTree);
	}

	@Test
	void aCampaignStartedLaterButWithoutLettersYetDoesNotHideTheRunningCampaignsLettersOnTheTree() {
		// given: a second year-round campaign started last week, open, with no letters yet
		LocalDate today = LocalDate.now(Formats.BAKU);
		long empty = campaign("TEST-EMPTY", "OPEN", today.minusDays(7), today.plusDays(60));
		long running = demoCampaign();

		// when
		Page tree = Visitor.anonymous(mvc).open("/tree");

		// then: the campaign with letters is shown, the other offered
		assertThat(tree.document().select("#f-campaign option[selected]").eachAttr("value"))
			.containsExactly(String.valueOf(running));
		assertThat(tree.document().select("#f-campaign option").eachAttr("value")).contains(String.valueOf(empty));
	}

	@Test
	void aNewLetterInDecemberDefaultsToTheCampaignRunningTodayNotOneThatStartsLater() {
		// given: three campaigns open, one starting next year, one that started before the demo's
		LocalDate today = LocalDate.now(Formats.BAKU);
		campaign("TEST-NEXT", "OPEN", today.plusDays(90), today.plusDays(400));
		campaign("TEST-OLDER", "OPEN", LocalDate.of(today.getYear() - 1, 6, 1), today.plusDays(30));
		long running = demoCampaign();

		// when
		Page form = Visitor.signedIn(mvc, account("volunteer@demo.az")).open("/volunteer/letters/new");

		// then
		assertThat(form.document().select("select[name=campaignId] option[selected]").eachAttr("value"))
			.containsExactly(String.valueOf(running));
	}

	@Test
	void afterClosingACampaignTheLettersWaitingOnHomeAndReportsNoLongerCountItsLetters() throws Exception {
		// given: a campaign with two letters on the tree
		LocalDate today = LocalDate.now(Formats.BAKU);
		Visitor staff = Visitor.signedIn(mvc, account("staff@demo.az"));
		long before = digits(staff.open("/reports").document().select("#reports-waiting").text());
		long campaign = campaign("TEST-SHUT", "OPEN", today.minusDays(30), today.plusDays(60));
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		testLetters.published(campaign, Spec.of("Aysu", 7));
		testLetters.published(campaign, Spec.of("Nail", 9));
		assertThat(digits(staff.open("/reports").document().select("#reports-waiting").text())).isEqualTo(before + 2);

		// when: it is closed as served
		Page confirm = staff.open("/admin/campaigns").formTo("/admin/campaigns/" + campaign + "/close").submit();
		confirm.formTo("/admin/campaigns/" + campaign + "/close").submit();
		assertThat(status(campaign)).isEqualTo("CLOSED");

		// then: at once, home and reports count the open campaigns' letters only, as the tree shows them
		assertThat(digits(staff.open("/reports").document().select("#reports-waiting").text())).isEqualTo(before);
		assertThat(digits(Visitor.anonymous(mvc).open("/").document().select("#total-waiting").text())).isEqualTo(before);
	}

	@Test
	void anOpenCampaignsEndCannotMoveIntoThePastAndCuttingHoldsShortIsConfirmedAndTheAuditSaysWhatChanged() {
		// given: an open campaign with fourteen hold days, ending in sixty days
		LocalDate today = LocalDate.now(Formats.BAKU);
		long campaign = campaign("TEST-EDIT", "OPEN", today.minusDays(30), today.plusDays(60));
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String held = testLetters.published(campaign, Spec.of("Aysu", 7));
		testLetters.moveTo(held, az.asan.mektub.letter.LetterStatus.ADOPTED, donor1());
		Visitor staff = Visitor.signedIn(mvc, account("staff@demo.az"));
		Page list = staff.open("/admin/campaigns");
		String editLink = list.document().selectFirst("tr[data-code=TEST-EDIT] a[href$=/edit]").attr("href");
		Page edit = staff.open(editLink);
		// the heading names the campaign
		assertThat(edit.document().select("h1").text()).contains("Test TEST-EDIT");

		// when: the end is moved into the past
		Page refused = edit.form("#campaign-form").set("endsOn", today.minusDays(1).toString()).submit();

		// then: refused beside the field, with what was typed kept, and nothing saved
		assertThat(refused.document().select("#campaign-form").text()).contains("bu gündən əvvəl ola bilməz");
		assertThat(refused.document().select("input[name=endsOn]").attr("value")).isEqualTo(today.minusDays(1).toString());
		assertThat(endsOn(campaign)).isEqualTo(today.plusDays(60));

		// when: the end is moved to five days from now, so that new holds of fourteen days run past it
		LocalDate soon = today.plusDays(5);
		Page asked = refused.form("#campaign-form").set("endsOn", soon.toString()).set("holdDays", "20").submit();

		// then: a second, explicit step names what will happen; nothing saved yet
		assertThat(asked.document().select("#campaign-edit-warnings [data-warning=HOLDS_PAST_END]").text())
			.contains(String.format("%02d.%02d.%d", soon.getDayOfMonth(), soon.getMonthValue(), soon.getYear()))
			.contains("20 gün");
		// the hold running now (due in seven days) outlasts the new end: said too
		assertThat(asked.document().select("#campaign-edit-warnings [data-warning=RUNNING_PAST_END]").text())
			.startsWith("Donorların indi saxladığı 1 məktubun");
		assertThat(endsOn(campaign)).isEqualTo(today.plusDays(60));

		// when: confirmed as served
		Page saved = asked.form("#campaign-form").submit();

		// then: saved, and the audit says old → new
		assertThat(saved.document().select(".alert-success").text()).isNotEmpty();
		assertThat(endsOn(campaign)).isEqualTo(soon);
		String audit = Visitor.signedIn(mvc, account("admin@demo.az")).speaking("en").open("/admin/audit").text();
		assertThat(audit).contains("changed campaign «Test TEST-EDIT»")
			.contains(String.format("%02d.%02d.%d → %02d.%02d.%d", today.plusDays(60).getDayOfMonth(),
					today.plusDays(60).getMonthValue(), today.plusDays(60).getYear(), soon.getDayOfMonth(),
					soon.getMonthValue(), soon.getYear()))
			.contains("14 → 20");
	}

	@Test
	void aLowercaseCodeIsWrittenInCapitals() {
		Page created = Visitor.signedIn(mvc, account("staff@demo.az")).open("/admin/campaigns/new").form("#campaign-form")
			.set("code", "test-lower-2027").set("nameAz", "Kiçik").set("nameEn", "Small").set("nameRu", "Малый")
			.set("startsOn", "2027-03-01").set("endsOn", "2027-12-31").set("ageReferenceDate", "2027-03-01")
			.submit();
		assertThat(created.document().select(".alert-success").text()).isNotEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM campaign WHERE code = 'TEST-LOWER-2027'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void theCloseConfirmationAlsoCountsLettersNeverPublishedAndGiftsNotYetDelivered() throws Exception {
		// given
		LocalDate today = LocalDate.now(Formats.BAKU);
		long campaign = campaign("TEST-GIFTS", "OPEN", today.minusDays(30), today.plusDays(60));
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		testLetters.published(campaign, Spec.of("Aysu", 7));
		String gift = testLetters.published(campaign, Spec.of("Nail", 9));
		testLetters.moveTo(gift, az.asan.mektub.letter.LetterStatus.GIFT_RECEIVED, donor1());
		String waiting = testLetters.published(campaign, Spec.of("Fərid", 10));
		jdbc.sql("UPDATE letter SET status = 'RECEIVED' WHERE code = ?").param(waiting).update();

		// when
		Page confirm = Visitor.signedIn(mvc, account("staff@demo.az")).open("/admin/campaigns")
			.formTo("/admin/campaigns/" + campaign + "/close").submit();

		// then
		assertThat(confirm.document().select("#campaign-closing [data-count=notPublished]").text())
			.startsWith("Bu kampaniyanın 1 məktubu qəbul edilib və ya natamamdır");
		assertThat(confirm.document().select("#campaign-closing [data-count=giftsToDeliver]").text())
			.startsWith("1 hədiyyə qəbul edilib, amma uşağa hələ çatdırılmayıb");
	}

	@Test
	void aDoubleClickedConfirmationSaysAlreadyOpenOrClosedOnTheCampaignsPageAtOnce() {
		// given
		LocalDate today = LocalDate.now(Formats.BAKU);
		long early = campaign("TEST-TWICE", "PLANNED", today.plusDays(30), today.plusDays(200));
		Visitor staff = Visitor.signedIn(mvc, account("staff@demo.az"));
		Page confirm = staff.open("/admin/campaigns").formTo("/admin/campaigns/" + early + "/open").submit();
		Visitor.Form yes = confirm.formTo("/admin/campaigns/" + early + "/open");

		// when: "Yes, open" pressed twice
		yes.press();
		var again = yes.press();
		assertThat(again.getResponse().getRedirectedUrl()).as(String.valueOf(again.getFlashMap())).endsWith("?already=open");
		Page second = staff.follow(again, "/admin/campaigns/" + early + "/open");

		// then
		assertThat(second.url()).startsWith("/admin/campaigns");
		assertThat(second.document().select("#campaign-already").text()).as(second.url() + " " + second.messages()).isEqualTo("Kampaniya artıq açıqdır: ikinci basma heç nəyi dəyişmədi.");
		assertThat(second.document().select(".alert-danger")).isEmpty();

		// and a close confirmed in a stale tab after it was closed elsewhere
		Page closeAsked = staff.open("/admin/campaigns").formTo("/admin/campaigns/" + early + "/close").submit();
		Visitor.Form closeYes = closeAsked.formTo("/admin/campaigns/" + early + "/close");
		closeYes.press();
		Page stale = closeYes.submit();
		assertThat(stale.document().select("#campaign-already").text()).contains("artıq bağlanıb");
		assertThat(stale.document().select(".alert-danger")).isEmpty();
		// the planned campaign's Open button said it asks first
		campaign("TEST-LATER", "PLANNED", today.plusDays(30), today.plusDays(200));
		assertThat(staff.open("/admin/campaigns").document().select("tr[data-code=TEST-LATER] button").text())
			.isEqualTo("Aç…");
	}

	@Test
	void aDoubleClickedJobButtonRunsTheJobOnceAndSaysItJustRan() {
		Visitor staff = Visitor.signedIn(mvc, account("staff@demo.az"));
		long before = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'HOLD_REMINDER_RUN'").query(Long.class).single();
		Visitor.Form button = staff.open("/admin").formTo("/admin/jobs/hold-reminder");

		button.press();
		Page second = button.submit();

		assertThat(second.document().select("#job-just-ran").text()).contains("indicə işə salınıb");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'HOLD_REMINDER_RUN'").query(Long.class).single())
			.isEqualTo(before + 1);
	}

	@Test
	void dataRetentionRunNowAsksFirstSayingHowManyChildrensRecordsItAnonymises() {
		// given: a campaign closed 25 months ago with one child's letter
		LocalDate today = LocalDate.now(Formats.BAKU);
		long campaign = campaign("TEST-OLD", "OPEN", today.minusYears(3), today.minusYears(2));
		String code = new TestLetters(letters, tx, jdbc).published(campaign,
				Spec.of("Vüsal", 9).privately("Məmmədli", LocalDate.of(2017, 3, 3), "Bakı, tel. 050 000 00 00"));
		jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() - interval '25 months' WHERE id = ?")
			.param(campaign).update();
		Visitor staff = Visitor.signedIn(mvc, account("staff@demo.az"));

		// when: the button on /admin is pressed
		Page confirm = staff.open("/admin").formTo("/admin/retention/run").submit();

		// then: a page that says what it does and how many, nothing erased yet
		assertThat(confirm.document().select("#retention-effects [data-count=children]").text())
			.startsWith("1 uşağın şəxsi məlumatları anonimləşdiriləcək");
		assertThat(surname(code)).isEqualTo("Məmmədli");

		// when: confirmed
		Page done = confirm.formTo("/admin/retention/run").submit();

		// then
		assertThat(done.document().select(".alert-success").text()).contains("anonimləşdirildi");
		assertThat(surname(code)).isNull();
	}

	@Test
	void wideAdminTablesScrollInsideAKeyboardReachableRegion() {
		Visitor admin = Visitor.signedIn(mvc, account("admin@demo.az"));
		for (String page : new String[] { "/admin/campaigns", "/admin/audit" }) {
			var region = admin.open(page).document().selectFirst(".table-responsive");
			assertThat(region).as(page).isNotNull();
			assertThat(region.attr("tabindex")).as(page).isEqualTo("0");
			assertThat(region.attr("role")).as(page).isEqualTo("region");
			assertThat(region.attr("aria-label")).as(page).isNotBlank();
		}
	}

	private long campaign(String code, String status, LocalDate starts, LocalDate ends) {
		return jdbc.sql("""
				INSERT INTO campaign (code, name_az, name_en, name_ru, kind, starts_on, ends_on, status, min_age, max_age,
				                      age_reference_date, hold_days, donor_limit, target_wishes)
				VALUES (:code, :name, :name, :name, 'YEAR_ROUND', :starts, :ends, :status, 3, 14, :starts, 14, 3, 100)
				RETURNING id""")
			.param("code", code)
			.param("name", "Test " + code)
			.param("starts", starts)
			.param("ends", ends)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	private long demoCampaign() {
		return jdbc.sql("SELECT id FROM campaign WHERE code = ?").param("AM-" + LocalDate.now(Formats.BAKU).getYear())
			.query(Long.class).single();
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM campaign WHERE id = ?").param(id).query(String.class).single();
	}

	private LocalDate endsOn(long id) {
		return jdbc.sql("SELECT ends_on FROM campaign WHERE id = ?").param(id).query(LocalDate.class).single();
	}

	private String surname(String code) {
		return jdbc.sql("SELECT ch.surname FROM letter l JOIN child ch ON ch.id = l.child_id WHERE l.code = ?")
			.param(code).query(String.class).optional().orElse(null);
	}

	private long donor1() {
		return TestPeople.id(jdbc, "donor1@example.az");
	}

	private static long digits(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

	private UserDetails account(String email) {
		return users.loadUserByUsername(email);
	}

}
