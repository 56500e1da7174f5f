package az.asan.mektub.letter;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.TestPerson;
import az.asan.mektub.account.Role;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: the desk of an ASAN service centre receives every gift a donor brings there, whatever the
 * child's region, and shows only what handing in needs; another volunteer's desk does not see it; a
 * gift can be moved to another centre, in the letter's history. Issue 25: wrong codes are paced.
 */
@IntegrationTest
class CentreHandoverDeskIntegrationTest extends CampaignTestBase {

	private static final String SURNAME = "Gizliyeva";

	private static final String CONTACT = "+994 50 765 43 21";

	private static final LocalDate BIRTH = LocalDate.now().minusYears(8).minusDays(40);

	@TestPerson("donor1@example.az")
	long donor;

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM login_attempt WHERE key LIKE 'guess:%'").update();
		TestPeople.remove(jdbc, "%@centres.test");
	}

	@Test
	void aGiftOfAChildOfAnotherRegionIsReceivedAtTheDeskOfTheCentreTheDonorChoseAndOnlyThere() {
		// given: a child in Ağdam, adopted; the donor chose the Gəncə centre for the gift
		long ganja = point("AZ-GA");
		String code = adoptedAt(Spec.of("Aysu", 8).region("AZ-AGM"), ganja);
		String tag = tagOf(code);
		// the volunteer who covers Gəncə (region), and one of Şəki who works at the Şəki centre
		Visitor ganjaDesk = volunteer("ganja@centres.test", "AZ-GA");
		Visitor shakiDesk = volunteer("shaki@centres.test", "AZ-SA");
		assignCentres("shaki@centres.test", point("AZ-SA"));

		// before staff assign the centre, the Gəncə desk does not know the gift (as in the issue)
		assertThat(find(ganjaDesk, tag).document().select(".alert-danger").text()).contains(tag);

		// when: staff assign the Gəncə centre on the volunteer's page
		assignCentres("ganja@centres.test", ganja);

		// then: the daily list of Gəncə expects the gift, linked to the desk's page, without private data
		Page daily = ganjaDesk.open("/volunteer/handover/" + ganja + "/daily");
		assertThat(daily.document().select("#expected tr[data-code]").eachAttr("data-code")).contains(code);
		assertThat(daily.document().select("#expected tr[data-code=" + code + "] a").attr("href"))
			.isEqualTo("/volunteer/handover/gifts/" + code);
		assertNoPrivateData(daily);

		// the typed code leads to the desk's page of the gift: code, first name, wish, donor — nothing private
		Page gift = find(ganjaDesk, " " + tag.toLowerCase().replace("-", "") + " ");
		assertThat(gift.url()).isEqualTo("/volunteer/handover/gifts/" + code);
		assertThat(gift.document().select(".alert-success").text()).contains("Məktub tapıldı");
		assertThat(gift.document().select("#gift-facts").text()).contains(code, "Aysu", "Rəngli kitab", "Donor 1");
		assertNoPrivateData(gift);
		// the letter's own page (surname, birth date, contact) stays with the volunteers of Ağdam
		assertThat(ganjaDesk.request("/volunteer/letters/" + code).getResponse().getStatus()).isEqualTo(404);

		// another volunteer's desk (not their centre, not their region) does not see it
		assertThat(find(shakiDesk, tag).document().select(".alert-danger").text()).contains(tag);
		assertThat(shakiDesk.request("/volunteer/handover/gifts/" + code).getResponse().getStatus()).isEqualTo(404);
		assertThat(shakiDesk.request("/volunteer/handover/" + ganja + "/daily").getResponse().getStatus()).isEqualTo(404);

		// when: the gift is recorded at the Gəncə desk with the code typed on the tag
		Page received = gift.form("#desk-gift-form").set("tagCode", tag).submit();

		// then
		assertThat(received.document().select(".alert-success")).as(received.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT status || ' ' || handover_point_id FROM letter WHERE code = ?").param(code)
			.query(String.class).single()).isEqualTo("GIFT_RECEIVED " + ganja);
		Page after = ganjaDesk.open("/volunteer/handover/" + ganja + "/daily");
		assertThat(after.document().select("#received tr[data-code]").eachAttr("data-code")).contains(code);
		assertThat(after.document().select("#expected tr[data-code]").eachAttr("data-code")).doesNotContain(code);
		assertNoPrivateData(after);
	}

	@Test
	void theScannedTagOfASabuncuChildLeadsTheBakuDeskToTheGift() {
		// given: a child of Sabunçu (a Baku district the volunteer does not cover) whose gift comes to Bakı 1
		long baku = point("AZ-BA");
		String code = adoptedAt(Spec.of("Elnur", 9).region("AZ-BA-SAB"), baku);
		Visitor bakuDesk = volunteer("baku@centres.test", "AZ-BA");
		assignCentres("baku@centres.test", baku);

		// when: the camera reads the tag's QR code (the letter's address) and the page sends it
		Page gift = bakuDesk.open("/volunteer/handover").form("#handover-find-form")
			.set("tagCode", "http://localhost/letters/" + code + "?qr").submit();

		// then: the desk's page of the gift; the tag code is typed from the tag, as the letter's page asks
		assertThat(gift.url()).isEqualTo("/volunteer/handover/gifts/" + code);
		assertNoPrivateData(gift);
		Page wrong = gift.form("#desk-gift-form").set("tagCode", "AAAA-BBBB").submit();
		assertThat(wrong.document().select(".alert-danger")).as(wrong.messages()).isNotEmpty();
		assertThat(wrong.form("#desk-gift-form").value("tagCode")).isEqualTo("AAAA-BBBB");
		Page received = wrong.form("#desk-gift-form").set("tagCode", tagOf(code)).submit();
		assertThat(received.document().select(".alert-success")).as(received.messages()).isNotEmpty();
		assertThat(status(code)).isEqualTo("GIFT_RECEIVED");
	}

	@Test
	void aGiftMovedToAnotherCentreIsExpectedThereAndTheMoveIsInTheLettersHistory() {
		// given: a gift of an Ağdam child expected at Gəncə, and the donor will bring it to Bakı 1 instead
		long ganja = point("AZ-GA");
		long baku = point("AZ-BA");
		String code = adoptedAt(Spec.of("Nərgiz", 7).region("AZ-AGM"), ganja);
		Visitor ganjaDesk = volunteer("ganja@centres.test", "AZ-GA");
		assignCentres("ganja@centres.test", ganja);
		Visitor bakuDesk = volunteer("baku@centres.test", "AZ-BA");
		assignCentres("baku@centres.test", baku);

		// a move without a centre is refused and keeps the note
		Page refused = ganjaDesk.open("/volunteer/handover/gifts/" + code).form("#move-gift-form")
			.set("note", "Donor zəng etdi").submit();
		assertThat(refused.document().select(".alert-danger")).as(refused.messages()).isNotEmpty();
		assertThat(refused.form("#move-gift-form").value("note")).isEqualTo("Donor zəng etdi");

		// when
		Page moved = refused.form("#move-gift-form").set("handoverPointId", String.valueOf(baku)).submit();

		// then: the gift left the Gəncə desk and is expected at Bakı 1
		assertThat(moved.url()).isEqualTo("/volunteer/handover");
		assertThat(moved.document().select(".alert-success").text()).contains("Bakı 1");
		assertThat(jdbc.sql("SELECT handover_point_id FROM letter WHERE code = ?").param(code).query(Long.class).single())
			.isEqualTo(baku);
		assertThat(ganjaDesk.open("/volunteer/handover/" + ganja + "/daily").document().select("#expected tr[data-code]")
			.eachAttr("data-code")).doesNotContain(code);
		assertThat(bakuDesk.open("/volunteer/handover/" + baku + "/daily").document().select("#expected tr[data-code]")
			.eachAttr("data-code")).contains(code);
		// in the history: who moved it, why, the note
		assertThat(jdbc.sql("""
				SELECT h.reason || ' ' || h.note_text || ' ' || u.email FROM letter_status_change h
				JOIN letter l ON l.id = h.letter_id JOIN app_user u ON u.id = h.changed_by
				WHERE l.code = ? AND h.reason = 'MOVED_TO_CENTRE'""").param(code).query(String.class).single())
			.isEqualTo("MOVED_TO_CENTRE Donor zəng etdi ganja@centres.test");
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking("en");
		assertThat(staff.open("/volunteer/letters/" + code).document().select("#history").text())
			.contains("Gift moved to another ASAN service centre", "Donor zəng etdi");
	}

	@Test
	void theRussianDeskNamesTheRegionsInRussianAfterAnAzerbaijaniReading() {
		Visitor volunteer = volunteer("ru@centres.test", "AZ-GA", "AZ-BA", "AZ-SM");
		assertThat(volunteer.open("/volunteer").text()).contains("Bakı, Gəncə, Sumqayıt");

		String russian = volunteer.speaking("ru").open("/volunteer").text();

		assertThat(russian).contains("Баку").contains("Гянджа").contains("Сумгайыт").doesNotContain("Gəncə");
		assertThat(volunteer.speaking("en").open("/volunteer").text()).contains("Ganja").doesNotContain("Гянджа");
	}

	@Test
	void aHundredWrongCodesAtTheDeskArePacedAndThenRefusedForAWhile() {
		// given: a gift waiting at the volunteer's centre
		long ganja = point("AZ-GA");
		String code = adoptedAt(Spec.of("Səma", 6).region("AZ-AGM"), ganja);
		Visitor guesser = volunteer("guess@centres.test", "AZ-GA");
		assignCentres("guess@centres.test", ganja);

		// when: a hundred wrong codes as fast as the desk answers
		int unknown = 0;
		int paced = 0;
		for (int i = 0; i < 100; i++) {
			String text = find(guesser, "ZZ%02d-%04d".formatted(i, i)).document().select(".alert-danger").text();
			if (text.contains("Kodu yoxlayın")) {
				unknown++;
			}
			else if (text.contains("gözləyin")) {
				paced++;
			}
		}

		// then: a few were checked, the rest were told to wait (nothing looked up)
		assertThat(unknown).isBetween(5, 12);
		assertThat(paced).isEqualTo(100 - unknown);
		Page waiting = find(guesser, tagOf(code));
		assertThat(waiting.url()).startsWith("/volunteer/handover");
		assertThat(waiting.document().select(".alert-danger").text()).contains("saniyə gözləyin");
		assertThat(waiting.form("#handover-find-form").value("tagCode")).isEqualTo(tagOf(code));

		// past the pause, wrong codes keep counting until tries are refused for a while, in the reader's language
		long guesserId = TestPeople.id(jdbc, "guess@centres.test");
		jdbc.sql("UPDATE login_attempt SET failures = 29, last_failure = now() - interval '2 minutes' WHERE key = ?")
			.param("guess:gift-tag:" + guesserId).update();
		assertThat(find(guesser, "QQQQ-1111").document().select(".alert-danger").text()).contains("Kodu yoxlayın");
		assertThat(find(guesser, tagOf(code)).document().select(".alert-danger").text()).contains("dəqiqəlik dayandırılıb");
		assertThat(guesser.speaking("en").open("/volunteer/handover").form("#handover-find-form").set("tagCode", "QQQQ-2222")
			.submit().document().select(".alert-danger").text()).contains("Checking codes is stopped for about 15 minutes");
		assertThat(status(code)).isEqualTo("ADOPTED");

		// another person at the same desk is not held up
		Visitor colleague = volunteer("colleague@centres.test", "AZ-GA");
		assignCentres("colleague@centres.test", ganja);
		assertThat(find(colleague, tagOf(code)).url()).isEqualTo("/volunteer/handover/gifts/" + code);
	}

	@Test
	void aGiftWhoseDonorChoseNoCentreIsFoundByItsTagAtAnyCentreAndReceivedThere() {
		// given: a child in Ağdam, adopted; the donor chose no centre
		long ganja = point("AZ-GA");
		String code = adoptedAt(Spec.of("Aytac", 9).region("AZ-AGM"), ganja);
		jdbc.sql("UPDATE letter SET handover_point_id = NULL WHERE code = ?").param(code).update();
		String tag = tagOf(code);
		Visitor ganjaDesk = volunteer("ganja@centres.test", "AZ-GA");
		assignCentres("ganja@centres.test", ganja);
		Visitor other = volunteer("other@centres.test", "AZ-SA");
		assignCentres("other@centres.test", point("AZ-SA"));

		// the letter's public code alone finds nothing, and the desk says where it looked
		Page byCode = find(ganjaDesk, code);
		assertThat(byCode.document().select(".alert-danger").text())
			.isEqualTo("Mərkəzlərinizdə və ya bölgələrinizdə «" + code + "» kodlu hədiyyə gözləyən məktub yoxdur. Kodu yoxlayın.");
		assertThat(other.request("/volunteer/handover/gifts/" + code).getResponse().getStatus()).isEqualTo(404);

		// when: the exact tag code is typed at the Gəncə desk
		Page gift = find(ganjaDesk, tag);

		// then: the desk's page of the gift, with only what handing in needs
		assertThat(gift.url()).isEqualTo("/volunteer/handover/gifts/" + code);
		assertThat(gift.document().select("#gift-facts").text()).contains(code, "Aytac");
		assertNoPrivateData(gift);
		assertThat(ganjaDesk.request("/volunteer/letters/" + code).getResponse().getStatus()).isEqualTo(404);

		// receiving it records the centre
		Page received = gift.form("#desk-gift-form").set("tagCode", tag).set("handoverPointId", String.valueOf(ganja))
			.submit();
		assertThat(received.document().select(".alert-success")).as(received.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT status || ' ' || handover_point_id FROM letter WHERE code = ?").param(code)
			.query(String.class).single()).isEqualTo("GIFT_RECEIVED " + ganja);
	}

	@Test
	void aWrongCodeOnTheReceivedFormKeepsTheCentreChosenAsWellAsTheCodeTyped() {
		long ganja = point("AZ-GA");
		long baku = point("AZ-BA");
		String code = adoptedAt(Spec.of("Samirə", 7).region("AZ-AGM"), ganja);
		Visitor desk = volunteer("kept@centres.test", "AZ-GA");
		assignCentres("kept@centres.test", ganja, baku);
		Page gift = desk.open("/volunteer/handover/gifts/" + code);
		assertThat(gift.form("#desk-gift-form").value("handoverPointId")).isEqualTo(String.valueOf(ganja));

		Page refused = gift.form("#desk-gift-form").set("tagCode", "ZZZZ-0000").set("handoverPointId", String.valueOf(baku))
			.submit();
		assertThat(refused.document().select(".alert-danger").text()).isNotBlank();
		assertThat(refused.form("#desk-gift-form").value("tagCode")).isEqualTo("ZZZZ-0000");
		assertThat(refused.form("#desk-gift-form").value("handoverPointId")).isEqualTo(String.valueOf(baku));
		assertThat(status(code)).isEqualTo("ADOPTED");
	}

	@Test
	void fortyWrongCodesOnTheReceivedFormArePacedAsTheDesksSearch() {
		// given: a gift waiting at the volunteer's centre, its desk page open
		long ganja = point("AZ-GA");
		String code = adoptedAt(Spec.of("Lalə", 7).region("AZ-AGM"), ganja);
		Visitor guesser = volunteer("received@centres.test", "AZ-GA");
		assignCentres("received@centres.test", ganja);
		Page gift = guesser.open("/volunteer/handover/gifts/" + code);

		// when: forty wrong codes on the "received" form as fast as it answers
		int checked = 0;
		int paced = 0;
		for (int i = 0; i < 40; i++) {
			Page answer = gift.form("#desk-gift-form").set("tagCode", "ZZ%02d-%04d".formatted(i, i)).submit();
			String text = answer.document().select(".alert-danger").text();
			if (text.contains("gözləyin")) {
				paced++;
			}
			else if (!text.isBlank()) {
				checked++;
			}
		}

		// then: a few were checked, the rest were told to wait; the right code is not checked while waiting
		assertThat(checked).isBetween(5, 12);
		assertThat(paced).isEqualTo(40 - checked);
		Page waiting = gift.form("#desk-gift-form").set("tagCode", tagOf(code)).submit();
		assertThat(waiting.document().select(".alert-danger").text()).contains("gözləyin");
		assertThat(waiting.form("#desk-gift-form").value("tagCode")).isEqualTo(tagOf(code));
		assertThat(status(code)).isEqualTo("ADOPTED");
	}

	@Test
	void staffChooseAVolunteersRegionsAndCentresInGroupedCheckboxListsWithASearchScript() {
		Visitor volunteer = volunteer("lists@centres.test", "AZ-GA");
		long id = TestPeople.id(jdbc, "lists@centres.test");
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));

		Page person = staff.open("/admin/users/" + id);

		// grouped by economic region, the search field hidden until the external script shows it
		var regions = person.document().select("#regions-form fieldset[data-check-group]");
		assertThat(regions.size()).isGreaterThan(10);
		assertThat(person.document().select("#regions-form fieldset:has(input[value=" + region("AZ-BA-SAB")
				+ "]) legend").text()).isEqualTo("Bakı");
		assertThat(person.document().select("#regions-form input[name=regionIds][value=" + region("AZ-GA") + "]")
			.hasAttr("checked")).isTrue();
		assertThat(person.document().select("#regions-form input[type=search][hidden]")).hasSize(1);
		assertThat(person.document().select("#centres-form input[name=handoverPointIds]")).isNotEmpty();
		assertThat(person.document().select("script[src*=check-list]")).isNotEmpty();
		assertThat(person.document().select("script:not([src])")).isEmpty();
		assertThat(staff.request("/js/check-list.js").getResponse().getStatus()).isEqualTo(200);

		// the regions as ticked boxes
		person.form("#regions-form").choose("regionIds", String.valueOf(region("AZ-GA")), String.valueOf(region("AZ-SM")))
			.submit();
		assertThat(jdbc.sql("SELECT count(*) FROM volunteer_region WHERE user_id = ?").param(id).query(Long.class).single())
			.isEqualTo(2);
		assertThat(staff.open("/admin/users/" + id).document().select("#person-audit").text()).isNotBlank();
		assertThat(volunteer).isNotNull();
	}

	private void assertNoPrivateData(Page page) {
		String html = page.html();
		assertThat(html).doesNotContain(SURNAME).doesNotContain(CONTACT)
			.doesNotContain(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(BIRTH))
			.doesNotContain(BIRTH.toString());
	}

	private String adoptedAt(Spec spec, long point) {
		String code = testLetters.published(campaign, spec.privately(SURNAME, BIRTH, CONTACT));
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);
		jdbc.sql("UPDATE letter SET handover_point_id = ?, due_date = current_date + 2 WHERE code = ?").params(point, code)
			.update();
		return code;
	}

	private Visitor volunteer(String email, String... regionCodes) {
		accounts.create(email, "merkez-parol-22", "Könüllü " + email.substring(0, email.indexOf('@')), Role.VOLUNTEER,
				regions(regionCodes));
		return Visitor.signedIn(mvc, users.loadUserByUsername(email));
	}

	/** Staff tick the centre on the volunteer's page, as a person does. */
	private void assignCentres(String email, long... points) {
		long id = TestPeople.id(jdbc, email);
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		String[] values = java.util.Arrays.stream(points).mapToObj(String::valueOf).toArray(String[]::new);
		Page saved = staff.open("/admin/users/" + id).form("#centres-form").choose("handoverPointIds", values).submit();
		assertThat(saved.document().select(".alert-success")).as(saved.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM volunteer_handover_point WHERE user_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(points.length);
	}

	private Page find(Visitor visitor, String typed) {
		return visitor.open("/volunteer/handover").form("#handover-find-form").set("tagCode", typed).submit();
	}

	private String tagOf(String code) {
		return jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
	}

	private String status(String code) {
		return jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single();
	}

}
