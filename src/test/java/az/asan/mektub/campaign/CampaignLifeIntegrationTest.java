package az.asan.mektub.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign's life forgives mistakes: every campaign button as served leads to a page that says what
 * will happen before anything that cannot be taken back happens; an administrator reopens a closed
 * campaign for 30 days; a planned campaign takes no letters and is not counted as current.
 */
@IntegrationTest
class CampaignLifeIntegrationTest extends IntegrationTestBase {

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
	}

	@Test
	void everyCampaignButtonAsServedChangesNothingIrreversibleWithoutTheSecondStep() throws Exception {
		// given: a campaign of each kind of row the list has, for an administrator who sees every button
		LocalDate today = LocalDate.now(Formats.BAKU);
		long open = campaign("TEST-LIFE-OPEN", "YEAR_ROUND", "OPEN", today.minusDays(30), today.plusDays(60), 14, 0);
		long early = campaign("TEST-LIFE-EARLY", "YEAR_ROUND", "PLANNED", today.plusDays(30), today.plusDays(90), 14, 0);
		long closed = campaign("TEST-LIFE-SHUT", "YEAR_ROUND", "CLOSED", today.minusDays(90), today.plusDays(60), 14, 2);
		long timely = campaign("TEST-LIFE-TIMELY", "SEASONAL", "PLANNED", today.minusDays(1), today.plusDays(60), 10, 0);
		Visitor admin = Visitor.signedIn(mvc, account("admin@demo.az"));
		Page list = admin.open("/admin/campaigns");

		// when: every button of their rows is pressed as served
		List<String> pressed = new ArrayList<>();
		for (Element row : list.document().select("#campaigns tr[data-code^=TEST-LIFE-]")) {
			for (Element form : row.select("form")) {
				String code = row.attr("data-code");
				String before = campaignStatus(code);
				Page answer = list.formTo(form.attr("action")).submit();
				pressed.add(form.attr("action"));
				// then: either the page that asks first, with nothing changed...
				if (answer.document().selectFirst("#campaign-confirm") != null) {
					assertThat(campaignStatus(code)).as(code + " after " + form.attr("action")).isEqualTo(before);
					assertThat(answer.document().select("#campaign-confirm-form button[type=submit]")).isNotEmpty();
				}
				// ...or opening a planned campaign nothing warns of, which the product allows in one step
				else {
					assertThat(code).isEqualTo("TEST-LIFE-TIMELY");
					assertThat(form.attr("action")).endsWith("/open");
					assertThat(campaignStatus(code)).isEqualTo("OPEN");
				}
			}
		}
		assertThat(pressed).containsExactlyInAnyOrder("/admin/campaigns/" + open + "/close",
				"/admin/campaigns/" + early + "/open", "/admin/campaigns/" + closed + "/reopen",
				"/admin/campaigns/" + timely + "/open");
		assertThat(campaignStatus("TEST-LIFE-OPEN")).isEqualTo("OPEN");
		assertThat(campaignStatus("TEST-LIFE-EARLY")).isEqualTo("PLANNED");
		assertThat(campaignStatus("TEST-LIFE-SHUT")).isEqualTo("CLOSED");
		// a bare request without the confirmation changes nothing either: it is sent to the page that asks
		mvc.perform(post("/admin/campaigns/" + open + "/close").with(csrf()).with(user(account("admin@demo.az"))))
			.andExpect(redirectedUrl("/admin/campaigns/" + open + "/close"));
		assertThat(campaignStatus("TEST-LIFE-OPEN")).isEqualTo("OPEN");
	}

	@Test
	void closingAsksFirstSaysHowManyLettersAreOnTheTreeAndHeldAndClosesOnlyOnTheSecondStep() throws Exception {
		// given
		LocalDate today = LocalDate.now(Formats.BAKU);
		long campaign = campaign("TEST-LIFE-CLOSE", "YEAR_ROUND", "OPEN", today.minusDays(30), today.plusDays(60), 14, 0);
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		testLetters.published(campaign, Spec.of("Aysu", 7));
		testLetters.published(campaign, Spec.of("Nail", 9));
		String held = testLetters.published(campaign, Spec.of("Fərid", 10));
		testLetters.moveTo(held, LetterStatus.ADOPTED, donor1());
		Visitor staff = Visitor.signedIn(mvc, account("staff@demo.az"));

		// when: the list's button is pressed
		Page confirm = staff.open("/admin/campaigns").formTo("/admin/campaigns/" + campaign + "/close").submit();

		// then: a page that says what closing does, with the counts, and nothing closed yet
		assertThat(confirm.url()).isEqualTo("/admin/campaigns/" + campaign + "/close");
		assertThat(campaignStatus("TEST-LIFE-CLOSE")).isEqualTo("OPEN");
		assertThat(confirm.document().select("#campaign-closing [data-count=onTree]").text())
			.isEqualTo("Ağacda bu kampaniyanın 2 məktubu var: onlar ağacdan çıxacaq və heç kim onları götürə bilməyəcək.");
		assertThat(confirm.document().select("#campaign-closing [data-count=held]").text())
			.startsWith("Donorlar bu kampaniyanın 1 məktubunu saxlayır");
		assertThat(confirm.text()).contains("30 gün ərzində");
		Page english = Visitor.signedIn(mvc, account("staff@demo.az")).speaking("en")
			.open("/admin/campaigns/" + campaign + "/close");
		assertThat(english.document().select("#campaign-closing [data-count=onTree]").text())
			.startsWith("2 letters of this campaign are on the tree");
		assertThat(english.document().select("#campaign-closing [data-count=held]").text())
			.startsWith("Donors hold one letter of this campaign");

		// when: the second step is taken
		Page done = confirm.formTo("/admin/campaigns/" + campaign + "/close").submit();

		// then
		assertThat(done.url()).isEqualTo("/admin/campaigns");
		assertThat(done.document().select(".alert-success").text()).contains("Kampaniya bağlandı");
		assertThat(campaignStatus("TEST-LIFE-CLOSE")).isEqualTo("CLOSED");
		assertThat(audits("CAMPAIGN_CLOSED", "TEST-LIFE-CLOSE")).isEqualTo(1);
	}

	@Test
	void openingEarlyWithHoldsPastTheEndBesideAnotherOpenCampaignNamesEachReasonAndOpensOnlyWhenAllAreConfirmed()
			throws Exception {
		// given: starts in five days, ends in ten (holds are 14 days), and the demo's year-round campaign is open
		LocalDate today = LocalDate.now(Formats.BAKU);
		long campaign = campaign("TEST-LIFE-SOON", "YEAR_ROUND", "PLANNED", today.plusDays(5), today.plusDays(10), 14, 0);
		Visitor staff = Visitor.signedIn(mvc, account("staff@demo.az"));

		// when
		Page confirm = staff.open("/admin/campaigns").formTo("/admin/campaigns/" + campaign + "/open").submit();

		// then: each reason, in words, with its dates
		assertThat(campaignStatus("TEST-LIFE-SOON")).isEqualTo("PLANNED");
		assertThat(confirm.document().select("#campaign-warnings li").eachAttr("data-warning"))
			.containsExactly("STARTS_LATER", "HOLDS_PAST_END", "ANOTHER_OPEN");
		String starts = String.format("%02d.%02d.%d", today.plusDays(5).getDayOfMonth(), today.plusDays(5).getMonthValue(),
				today.plusDays(5).getYear());
		String ends = String.format("%02d.%02d.%d", today.plusDays(10).getDayOfMonth(),
				today.plusDays(10).getMonthValue(), today.plusDays(10).getYear());
		assertThat(confirm.document().select("[data-warning=STARTS_LATER]").text()).contains(starts).contains("bu gün açılacaq");
		assertThat(confirm.document().select("[data-warning=HOLDS_PAST_END]").text()).contains(ends).contains("14 gün");
		String demo = jdbc.sql("SELECT name_az FROM campaign WHERE code = ?").param("AM-" + LocalDate.now().getYear())
			.query(String.class).single();
		assertThat(confirm.document().select("[data-warning=ANOTHER_OPEN]").text()).contains(demo);

		// a confirmation of one reason only opens nothing
		mvc.perform(post("/admin/campaigns/" + campaign + "/open").with(csrf()).with(user(account("staff@demo.az")))
			.param("confirmed", "STARTS_LATER"));
		assertThat(campaignStatus("TEST-LIFE-SOON")).isEqualTo("PLANNED");

		// when: the served second step
		Page done = confirm.formTo("/admin/campaigns/" + campaign + "/open").submit();

		// then
		assertThat(done.document().select(".alert-success").text()).contains("Kampaniya açıldı");
		assertThat(campaignStatus("TEST-LIFE-SOON")).isEqualTo("OPEN");
		assertThat(audits("CAMPAIGN_OPENED", "TEST-LIFE-SOON")).isEqualTo(1);
	}

	@Test
	void anAdministratorReopensAClosedCampaignWithinThirtyDaysAndItIsAudited() throws Exception {
		// given: a seasonal campaign closed 29 days ago that nothing warns of reopening
		LocalDate today = LocalDate.now(Formats.BAKU);
		long campaign = campaign("TEST-LIFE-AGAIN", "SEASONAL", "CLOSED", today.minusDays(40), today.plusDays(60), 10, 29);
		Visitor admin = Visitor.signedIn(mvc, account("admin@demo.az"));

		// when
		Page done = admin.open("/admin/campaigns").formTo("/admin/campaigns/" + campaign + "/reopen").submit();

		// then
		assertThat(done.document().select(".alert-success").text()).contains("yenidən açıldı");
		assertThat(campaignStatus("TEST-LIFE-AGAIN")).isEqualTo("OPEN");
		assertThat(jdbc.sql("SELECT closed_at IS NULL FROM campaign WHERE id = ?").param(campaign).query(Boolean.class)
			.single()).isTrue();
		long adminId = TestPeople.id(jdbc, "admin@demo.az");
		assertThat(jdbc.sql("SELECT actor_id FROM audit_log WHERE action = 'CAMPAIGN_REOPENED' AND detail = 'TEST-LIFE-AGAIN'")
			.query(Long.class).single()).isEqualTo(adminId);
		assertThat(Visitor.signedIn(mvc, account("admin@demo.az")).speaking("en").open("/admin/audit").text())
			.contains("reopened campaign «Test TEST-LIFE-AGAIN»");
	}

	@Test
	void staffCannotReopenAClosedCampaign() throws Exception {
		LocalDate today = LocalDate.now(Formats.BAKU);
		long campaign = campaign("TEST-LIFE-STAFF", "SEASONAL", "CLOSED", today.minusDays(40), today.plusDays(60), 10, 1);

		assertThat(Visitor.signedIn(mvc, account("staff@demo.az")).open("/admin/campaigns").document()
			.select("form[action$=/admin/campaigns/" + campaign + "/reopen]")).isEmpty();
		mvc.perform(post("/admin/campaigns/" + campaign + "/reopen").with(csrf()).with(user(account("staff@demo.az")))
			.accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
		mvc.perform(get("/admin/campaigns/" + campaign + "/reopen").with(user(account("staff@demo.az")))
			.accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
		assertThat(campaignStatus("TEST-LIFE-STAFF")).isEqualTo("CLOSED");
		assertThat(audits("CAMPAIGN_REOPENED", "TEST-LIFE-STAFF")).isZero();
	}

	@Test
	void aCampaignClosedMoreThanThirtyDaysAgoCannotBeReopened() throws Exception {
		LocalDate today = LocalDate.now(Formats.BAKU);
		long campaign = campaign("TEST-LIFE-LATE", "SEASONAL", "CLOSED", today.minusDays(90), today.minusDays(35), 10, 31);
		Visitor admin = Visitor.signedIn(mvc, account("admin@demo.az"));

		assertThat(admin.open("/admin/campaigns").document().select("form[action$=/admin/campaigns/" + campaign + "/reopen]"))
			.isEmpty();
		mvc.perform(post("/admin/campaigns/" + campaign + "/reopen").with(csrf()).with(user(account("admin@demo.az"))))
			.andExpect(redirectedUrl("/admin/campaigns"))
			.andExpect(flash().attribute("failure", containsString("30 gündən çox")));
		assertThat(campaignStatus("TEST-LIFE-LATE")).isEqualTo("CLOSED");
		assertThat(audits("CAMPAIGN_REOPENED", "TEST-LIFE-LATE")).isZero();
	}

	@Test
	void aPlannedCampaignIsNotOfferedForNewLettersOrImportTakesNoLetterAndIsNotCurrentOnImpact() throws Exception {
		// given
		LocalDate today = LocalDate.now(Formats.BAKU);
		long planned = campaign("TEST-LIFE-PLAN", "YEAR_ROUND", "PLANNED", today.minusDays(1), today.plusDays(60), 14, 0);
		long open = TestCampaigns.open(jdbc);
		Visitor volunteer = Visitor.signedIn(mvc, account("volunteer@demo.az"));

		// then: the forms offer open campaigns only
		List<String> offered = volunteer.open("/volunteer/letters/new").document()
			.select("#letter-form select[name=campaignId] option").eachAttr("value");
		assertThat(offered).contains(String.valueOf(open)).doesNotContain(String.valueOf(planned));
		List<String> importable = volunteer.open("/volunteer/letters/import").document()
			.select("#import-form select[name=campaignId] option").eachAttr("value");
		assertThat(importable).contains(String.valueOf(open)).doesNotContain(String.valueOf(planned));

		// and a letter sent to it anyway is refused with a clear message
		mvc.perform(post("/volunteer/letters/new").with(csrf()).with(user(account("volunteer@demo.az")))
			.param("campaignId", String.valueOf(planned)).param("firstName", "Aysel").param("surname", "Quliyeva")
			.param("birthDate", "2016-01-01").param("gender", "F")
			.param("regionId", jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-GA'").query(String.class).single())
			.param("careSetting", "FAMILY").param("contact", "Ana").param("originalWish", "Kitab").param("publicWish", "Kitab")
			.param("category", "BOOKS").param("estimatedCost", "10"))
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "campaignId", "letter.campaign.notOpen"));
		assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = ?").param(planned).query(Long.class).single())
			.isZero();

		// and /impact counts the open campaigns only as current (the demo's December campaign is planned)
		String december = jdbc.sql("SELECT name_az FROM campaign WHERE status = 'PLANNED' AND code LIKE 'BQSI-%'")
			.query(String.class).single();
		String current = Visitor.anonymous(mvc).open("/impact").document().select("#impact-channels-scope").text();
		assertThat(current).contains("ASAN Məktub " + LocalDate.now().getYear()).doesNotContain(december)
			.doesNotContain("TEST-LIFE-PLAN");
	}

	private long campaign(String code, String kind, String status, LocalDate starts, LocalDate ends, int holdDays,
			int closedDaysAgo) {
		return jdbc.sql("""
				INSERT INTO campaign (code, name_az, name_en, name_ru, kind, starts_on, ends_on, status, min_age, max_age,
				                      age_reference_date, hold_days, donor_limit, target_wishes, closed_at)
				VALUES (:code, :name, :name, :name, :kind, :starts, :ends, :status, 3, 14, :starts, :hold, 3, 100,
				        CASE WHEN :status = 'CLOSED' THEN now() - make_interval(days => :closed) END)
				RETURNING id""")
			.param("code", code)
			.param("name", "Test " + code)
			.param("kind", kind)
			.param("starts", starts)
			.param("ends", ends)
			.param("status", status)
			.param("hold", holdDays)
			.param("closed", closedDaysAgo)
			.query(Long.class)
			.single();
	}

	private String campaignStatus(String code) {
		return jdbc.sql("SELECT status FROM campaign WHERE code = ?").param(code).query(String.class).single();
	}

	private long audits(String action, String code) {
		return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND detail = ?").params(action, code)
			.query(Long.class).single();
	}

	private long donor1() {
		return TestPeople.id(jdbc, "donor1@example.az");
	}

	private UserDetails account(String email) {
		return users.loadUserByUsername(email);
	}

}
