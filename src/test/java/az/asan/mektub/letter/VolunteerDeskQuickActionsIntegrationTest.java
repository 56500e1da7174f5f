package az.asan.mektub.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.web.CacheConfiguration;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the outside user did at the desk (issue 16): pressed "Handed over today" in place, reloaded at
 * once, and pressed again. The reload shows the letter gone and the counts moved although the desk is
 * kept a few seconds; the second press says in plain words that it was done; the hand-over, which is
 * final, asks first; and the letter page says "already" where it said "cannot move from X to X".
 */
@IntegrationTest
class VolunteerDeskQuickActionsIntegrationTest extends IntegrationTestBase {

	@Autowired
	MessageSource messages;

	@Autowired
	CacheManager caches;

	@TestCampaign
	long campaign;

	@BeforeEach
	void openATestCampaign() {
		// a desk kept by an earlier test would not know this test's letters yet
		caches.getCache(CacheConfiguration.DESK).clear();
	}

	@Test
	void handedOverTodayInPlaceShowsAtOnceOnReloadAndASecondPressSaysItWasDone() throws Exception {
		for (String language : List.of("az", "ru", "en")) {
			Locale locale = Locale.forLanguageTag(language);
			String code = waitingGift();
			Visitor volunteer = Visitor.signedIn(mvc, volunteer()).speaking(language);
			Page desk = volunteer.open("/volunteer");
			assertThat(desk.document().select("#row-" + code)).as(language).hasSize(1);
			long fulfilledBefore = fulfilledCount(desk);
			// fills the kept desk, as the user's first look did
			volunteer.open("/volunteer");

			var form = desk.document().selectFirst("#row-" + code + " form");
			assertThat(form.attr("hx-confirm")).as("the final step asks first, in " + language)
				.isEqualTo(messages.getMessage("desk.quick.confirmHanded", null, locale));
			String action = form.attr("action");

			String answer = htmx(action, language);
			assertThat(answer).contains(messages.getMessage("letter.fulfilled", null, locale)).doesNotContain("<html");
			assertThat(statusOf(code)).isEqualTo("FULFILLED");

			Page reloaded = volunteer.open("/volunteer");
			assertThat(reloaded.document().select("#row-" + code)).as("gone at once in " + language).isEmpty();
			assertThat(fulfilledCount(reloaded)).as("counted at once in " + language).isEqualTo(fulfilledBefore + 1);

			String again = htmx(action, language);
			assertThat(again).as(language)
				.contains(messages.getMessage("desk.quick.alreadyHanded", null, locale))
				.doesNotContain("text-danger")
				.doesNotContain(messages.getMessage("status.FULFILLED", null, locale));

			// the plain form (no htmx) says the same, as done, not as a refusal
			MvcResult plain = mvc.perform(post(action).param("lang", language).with(csrf()).with(user(volunteer())))
				.andReturn();
			assertThat(plain.getFlashMap().get("success")).as(language)
				.isEqualTo(messages.getMessage("desk.quick.alreadyHanded", null, locale));
			assertThat(plain.getFlashMap().get("failure")).isNull();
			assertThat(historyOf(code)).as("one hand-over, however often pressed").containsOnlyOnce("GIFT_RECEIVED>FULFILLED");
		}
	}

	@Test
	void aQuickActionInPlaceHasTheDesksFiguresReadAfreshInPlaceToo() throws Exception {
		// seen in review: the row said "handed over" while the table by status still counted it as before
		String code = waitingGift();
		Visitor volunteer = Visitor.signedIn(mvc, volunteer());
		Page desk = volunteer.open("/volunteer");
		long fulfilledBefore = fulfilledCount(desk);
		assertThat(desk.document().select("#forgotten-count-UNDELIVERED")).hasSize(1);
		assertThat(desk.document().select("[hx-swap-oob]")).as("the page's own badges, not replacements").isEmpty();
		long undeliveredBefore = Long.parseLong(volunteer.open("/volunteer/counts")
			.document()
			.select("#forgotten-count-UNDELIVERED")
			.text()
			.replaceAll("\\D", ""));
		assertThat(desk.document().select("#desk-counts").attr("hx-get")).endsWith("/volunteer/counts");
		assertThat(desk.document().select("#desk-counts").attr("hx-trigger")).isEqualTo("deskChanged from:body");
		String action = desk.document().selectFirst("#row-" + code + " form").attr("action");

		MvcResult answer = mvc.perform(post(action).header("HX-Request", "true").with(csrf()).with(user(volunteer())))
			.andReturn();
		assertThat(answer.getResponse().getHeader("HX-Trigger")).isEqualTo("deskChanged");

		assertThat(volunteer.request("/volunteer/counts").getResponse().getContentAsString())
			.as("a part of the desk, not a page").doesNotContain("<html");
		Page counts = volunteer.open("/volunteer/counts");
		assertThat(fulfilledCount(counts)).isEqualTo(fulfilledBefore + 1);
		// and the forgotten lists' counts, swapped into their places (a review saw "not handed over" stay at 1)
		var undelivered = counts.document().selectFirst("#forgotten-count-UNDELIVERED");
		assertThat(undelivered).isNotNull();
		assertThat(undelivered.attr("hx-swap-oob")).isEqualTo("true");
		assertThat(Long.parseLong(undelivered.text().replaceAll("\\D", ""))).isEqualTo(undeliveredBefore - 1);
	}

	@Test
	void releasingAHoldTwiceSaysItIsAlreadyBackOnTheTree() throws Exception {
		for (String language : List.of("az", "ru", "en")) {
			Locale locale = Locale.forLanguageTag(language);
			String code = insertDirectly();
			long donor = TestPeople.id(jdbc, "donor@demo.az");
			jdbc.sql("UPDATE letter SET status = 'ADOPTED', donor_id = ?, due_date = current_date - 90 WHERE code = ?")
				.params(donor, code)
				.update();
			Visitor volunteer = Visitor.signedIn(mvc, volunteer()).speaking(language);
			Page desk = volunteer.open("/volunteer");
			var form = desk.document().selectFirst("#row-" + code + " form");
			assertThat(form).as(language).isNotNull();
			assertThat(form.hasAttr("hx-confirm")).as("giving a hold back is not final: no question").isFalse();

			assertThat(htmx(form.attr("action"), language)).contains(messages.getMessage("letter.released", null, locale));
			assertThat(volunteer.open("/volunteer").document().select("#row-" + code)).as(language).isEmpty();
			assertThat(htmx(form.attr("action"), language)).as(language)
				.contains(messages.getMessage("desk.quick.alreadyReleased", null, locale))
				.doesNotContain("text-danger");
		}
	}

	@Test
	void aStepAskedTwiceOnTheLetterPageSaysAlreadyNotCannotMove() {
		String[][] expected = { { "az", "artıq", "keçə bilməz" }, { "ru", "уже в статусе «Мечта исполнена»", "не может перейти" },
				{ "en", "already \"Wish fulfilled\"", "cannot become" } };
		for (String[] language : expected) {
			String code = waitingGift();
			Visitor volunteer = Visitor.signedIn(mvc, volunteer()).speaking(language[0]);
			Page page = volunteer.open("/volunteer/letters/" + code);
			page.form("#fulfil-form").set("handedOn", LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU).toString()).submit();
			assertThat(statusOf(code)).isEqualTo("FULFILLED");
			// the same form, as served before, pressed again (a second tab, a double tap)
			Page again = page.form("#fulfil-form").set("handedOn", LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU).toString()).submit();
			assertThat(again.document().select(".alert-danger").text()).as(language[0])
				.contains(language[1])
				.doesNotContain(language[2]);
		}
	}

	private String htmx(String action, String language) throws Exception {
		return mvc.perform(post(action).header("HX-Request", "true").param("lang", language).with(csrf())
				.with(user(volunteer())))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long fulfilledCount(Page desk) {
		return Long.parseLong(desk.document().select("#status-counts tr[data-status=FULFILLED] td.text-end").text()
			.replaceAll("[^0-9]", ""));
	}

	/** A letter of the volunteer's region whose gift has waited 20 days for the child. */
	private String waitingGift() {
		String code = insertDirectly();
		long donor = TestPeople.id(jdbc, "donor@demo.az");
		long point = jdbc.sql("SELECT min(id) FROM handover_point").query(Long.class).single();
		jdbc.sql("""
				UPDATE letter SET status = 'GIFT_RECEIVED', donor_id = ?, adopted_at = now() - interval '100 days',
				due_date = current_date - 95, handover_point_id = ?, gift_received_at = now() - interval '90 days'
				WHERE code = ?""")
			.params(donor, point, code)
			.update();
		return code;
	}

	private String insertDirectly() {
		int region = jdbc.sql("SELECT id FROM region WHERE code = 'AZ-GA'").query(Integer.class).single();
		Child child = new Child("Rəşad", "Quliyev", LocalDate.of(2015, 2, 2), Gender.M, region, CareSetting.FAMILY,
				"+994 50 111 22 33");
		Letter letter = Letter.register(child, campaign, 10, "Top", "Top", Category.SPORTS, null,
				new java.math.BigDecimal("20.00"), false, 1L);
		return tx.execute(s -> letters.save(letter).getCode());
	}

	private SignedInUser volunteer() {
		return (SignedInUser) users.loadUserByUsername("volunteer@demo.az");
	}

}
