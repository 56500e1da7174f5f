package az.asan.mektub.adoption;

import java.util.Map;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a first-time volunteer at a centre's desk ran into: the phone's message, codes typed as they
 * are printed, a letter not yet on the tree, the history's words, the daily list and the centre lists.
 */
@IntegrationTest
class WalkInDeskIntegrationTest extends CampaignTestBase {

	static final String NAME = "Rauf Qəniyev";

	static final String PHONE = "+994 55 123 45 67";

	static final Map<String, String> PHONE_MESSAGE = Map.of(
			"az", "Telefon nömrəsini yazın, məsələn: +994 50 123 45 67.",
			"en", "Enter a phone number, for example +994 50 123 45 67.",
			"ru", "Введите номер телефона, например +994 50 123 45 67.");

	@Test
	void aBadOrEmptyPhoneIsOneClearMessageInTheVolunteersLanguageAndNothingChanges() {
		String code = testLetters.published(campaign, Spec.of("Tural", 9));
		for (String language : PHONE_MESSAGE.keySet()) {
			Visitor volunteer = volunteer().speaking(language);
			for (String phone : new String[] { "call me", "" }) {
				Page refused = volunteer.open("/volunteer/walk-in?code=" + code).form("#walk-in-form")
					.set("donorName", NAME)
					.set("donorPhone", phone)
					.set("handoverPointId", String.valueOf(point("AZ-GA")))
					.submit();
				assertThat(refused.document().select("#donorPhone-errors span").eachText()).as(language + " «" + phone + "»")
					.containsExactly(PHONE_MESSAGE.get(language));
				assertThat(refused.html()).doesNotContain("[0-9");
			}
		}
		assertThat(statusOf(code)).isEqualTo("PUBLISHED");
	}

	@Test
	void aCodeTypedWithSpacesDashesLowerCaseAndAnOForZeroIsAdoptedAtTheDesk() {
		// given: a letter whose code has a zero and a one, as a tag prints it in groups
		String code = testLetters.published(campaign, Spec.of("Nərmin", 7));
		String known = "SJ49YCP0EJQ1";
		jdbc.sql("UPDATE letter SET code = ? WHERE code = ?").params(known, code).update();
		String typed = " sj49-ycpo-ejql ";

		// when
		Page receipt = volunteer().open("/volunteer/walk-in").form("#walk-in-form")
			.set("code", typed)
			.set("donorName", NAME)
			.set("donorPhone", PHONE)
			.set("handoverPointId", String.valueOf(point("AZ-GA")))
			.submit();

		// then
		assertThat(receipt.url()).isEqualTo("/volunteer/walk-in/" + known + "/receipt");
		assertThat(statusOf(known)).isEqualTo("ADOPTED");
	}

	@Test
	void theHandoverDeskFindsALetterCodeAndAGiftTagTypedWithSpaces() {
		// given: a tag on the tree, and a gift due at Ganja
		String onTree = testLetters.published(campaign, Spec.of("Sevda", 6));
		String adopted = testLetters.published(campaign, Spec.of("Aysel", 8));
		Visitor volunteer = volunteer().speaking("en");
		volunteer.open("/volunteer/walk-in?code=" + adopted).form("#walk-in-form")
			.set("donorName", NAME)
			.set("donorPhone", PHONE)
			.set("handoverPointId", String.valueOf(point("AZ-GA")))
			.submit();
		String tag = jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(adopted).query(String.class).single();

		// when: the letter's code in groups of four, the way the hint says works
		String spaced = (onTree.substring(0, 4) + " " + onTree.substring(4, 8) + " " + onTree.substring(8)).toLowerCase();
		Page walkIn = volunteer.open("/volunteer/handover").form("#handover-find-form").set("tagCode", spaced).submit();

		// then
		assertThat(walkIn.url()).isEqualTo("/volunteer/walk-in?code=" + onTree);

		// and the gift's tag with a space instead of its dash, with O for zero and l for one
		String careless = " " + tag.replace('-', ' ').replace('0', 'O').replace('1', 'l').toLowerCase() + " ";
		Page gift = volunteer.open("/volunteer/handover").form("#handover-find-form").set("tagCode", careless).submit();
		assertThat(gift.url()).isEqualTo("/volunteer/letters/" + adopted);
		Page received = gift.form("#gift-form").set("tagCode", careless).submit();
		assertThat(received.document().select(".alert-success")).as(received.messages()).isNotEmpty();
		assertThat(statusOf(adopted)).isEqualTo("GIFT_RECEIVED");
	}

	@Test
	void aLetterNotYetOnTheTreeIsSaidToBeNotOnTheTreeAndATakenOneTaken() {
		String waiting = testLetters.published(campaign, Spec.of("Kamran", 9));
		jdbc.sql("UPDATE letter SET status = 'RECEIVED', published_at = NULL WHERE code = ?").param(waiting).update();
		Map<String, String> notOnTree = Map.of(
				"az", "Bu məktub hələ ağacda deyil",
				"en", "This letter is not on the tree",
				"ru", "Этого письма нет на ёлке");
		for (String language : notOnTree.keySet()) {
			Page refused = volunteer().speaking(language).open("/volunteer/walk-in").form("#walk-in-form")
				.set("code", waiting)
				.set("donorName", NAME)
				.set("donorPhone", PHONE)
				.set("handoverPointId", String.valueOf(point("AZ-GA")))
				.submit();
			String errors = refused.document().select("#form-errors").text();
			assertThat(errors).as(language).contains(notOnTree.get(language));
			assertThat(errors).doesNotContain("artıq başqası", "already taken", "уже взял");
		}
		assertThat(statusOf(waiting)).isEqualTo("RECEIVED");

		String taken = testLetters.published(campaign, Spec.of("Lalə", 9));
		Visitor english = volunteer().speaking("en");
		english.open("/volunteer/walk-in?code=" + taken).form("#walk-in-form")
			.set("donorName", NAME).set("donorPhone", PHONE).set("handoverPointId", String.valueOf(point("AZ-GA"))).submit();
		Page again = english.open("/volunteer/walk-in?code=" + taken).form("#walk-in-form")
			.set("donorName", "Başqa Adam").set("donorPhone", PHONE).set("handoverPointId", String.valueOf(point("AZ-GA")))
			.submit();
		assertThat(again.document().select("#form-errors").text()).contains("Someone else has already taken this letter");
	}

	@Test
	void theHistorySaysInWordsThatTheLetterWasTakenAtACentre() {
		String code = testLetters.published(campaign, Spec.of("Vüsal", 9));
		volunteer().open("/volunteer/walk-in?code=" + code).form("#walk-in-form")
			.set("donorName", NAME).set("donorPhone", PHONE).set("handoverPointId", String.valueOf(point("AZ-GA"))).submit();
		Map<String, String> words = Map.of(
				"az", "ASAN xidmət mərkəzində götürülüb",
				"en", "Taken at an ASAN service centre",
				"ru", "Взято в центре ASAN xidmət");
		for (String language : words.keySet()) {
			Page page = volunteer().speaking(language).open("/volunteer/letters/" + code);
			var notes = page.document().select("#history tbody tr td:nth-child(4)").eachText();
			assertThat(notes).as(language).contains(words.get(language)).doesNotContain("WALK_IN");
			assertThat(page.html()).as(language).doesNotContain("WALK_IN");
		}
	}

	@Test
	void everyReasonTheHistoryHoldsHasWordsInEveryLanguage() throws Exception {
		// the reasons in the database (demo data, imports, walk-ins, releases) and those the code can write
		java.util.Set<String> reasons = new java.util.TreeSet<>(jdbc.sql(
				"SELECT DISTINCT reason FROM letter_status_change WHERE reason IS NOT NULL").query(String.class).list());
		reasons.addAll(java.util.List.of("WALK_IN", "IMPORTED", "HOLD_EXPIRED", "CANCELLED_BY_DONOR", "AMENDED"));
		for (var r : az.asan.mektub.letter.IncompleteReason.values()) {
			reasons.add(r.name());
		}
		for (var r : az.asan.mektub.letter.WithdrawReason.values()) {
			reasons.add(r.name());
		}
		for (String bundle : new String[] { "messages.properties", "messages_en.properties", "messages_ru.properties" }) {
			java.util.Properties properties = new java.util.Properties();
			try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
				properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			for (String reason : reasons) {
				assertThat(properties.getProperty("history.note." + reason)).as(bundle + " history.note." + reason)
					.isNotBlank();
			}
		}
	}

	@Test
	void aWalkInShowsOnItsCentresDailyListWithTheWindowSaid() {
		// given: walk-ins at the Baku and Sumqayit centres, held for the campaign's days
		long baku = point("AZ-BA");
		long sumqayit = point("AZ-SM");
		String atBaku = testLetters.published(campaign, Spec.of("Nərgiz", 7).region("AZ-BA"));
		String atSumqayit = testLetters.published(campaign, Spec.of("Orxan", 8).region("AZ-SM"));
		Visitor volunteer = volunteer().speaking("en");
		for (var walkIn : Map.of(atBaku, baku, atSumqayit, sumqayit).entrySet()) {
			volunteer.open("/volunteer/walk-in?code=" + walkIn.getKey()).form("#walk-in-form")
				.set("donorName", NAME).set("donorPhone", PHONE).set("handoverPointId", String.valueOf(walkIn.getValue()))
				.submit();
		}
		long days = jdbc.sql("SELECT due_date - current_date FROM letter WHERE code = ?").param(atBaku).query(Long.class).single();

		// when
		Page daily = volunteer.open("/volunteer/handover/" + baku + "/daily");

		// then: the heading says how far the list looks; a hold due later is counted below it
		assertThat(daily.document().select("#expected-heading").text()).startsWith("Gifts expected in the next 7 days (due by ");
		if (days > 7) {
			assertThat(daily.document().select("#expected-later").text()).matches("\\d+ more gifts? (is|are) expected here later\\.");
		}

		// and a walk-in due within the window is on the list, at its own centre only
		jdbc.sql("UPDATE letter SET due_date = current_date + 3 WHERE code IN (?, ?)").params(atBaku, atSumqayit).update();
		assertThat(volunteer.open("/volunteer/handover/" + baku + "/daily").document().select("#expected tr[data-code]")
			.eachAttr("data-code")).contains(atBaku).doesNotContain(atSumqayit);
		Page sumqayitList = volunteer().speaking("ru").open("/volunteer/handover/" + sumqayit + "/daily");
		assertThat(sumqayitList.document().select("#expected tr[data-code]").eachAttr("data-code")).contains(atSumqayit);
		assertThat(sumqayitList.document().select("#expected-heading").text()).startsWith("Ожидаемые подарки на 7 ближайших дней");
		assertThat(volunteer().open("/volunteer/handover/" + baku + "/daily").document().select("#expected-heading").text())
			.startsWith("Yaxın 7 gündə gözlənilən hədiyyələr");
	}

	@Test
	void aTagFromAPaperTreeOpensTheFormWithItsCentreChosenAndTheChildShown() throws Exception {
		// given: a letter hanging on the Ganja paper tree
		long ganja = point("AZ-GA");
		String code = testLetters.published(campaign, Spec.of("Günel", 6).wish("Rəngli karandaşlar", az.asan.mektub.letter.Category.SCHOOL));
		jdbc.sql("UPDATE letter SET paper_tree_point_id = ?, paper_printed_at = now() WHERE code = ?").params(ganja, code)
			.update();
		Visitor volunteer = volunteer().speaking("en");

		// when: the desk is handed the tag's code
		Page form = volunteer.open("/volunteer/handover").form("#handover-find-form").set("tagCode", code.toLowerCase())
			.submit();

		// then
		assertThat(form.url()).isEqualTo("/volunteer/walk-in?code=" + code);
		assertThat(form.form("#walk-in-form").value("handoverPointId")).isEqualTo(String.valueOf(ganja));
		assertThat(form.document().select("#handoverPointId-help").text()).isEqualTo("The tag hangs on this centre's paper tree.");
		assertThat(form.document().select("#walk-in-preview").text()).contains("Günel").contains("6")
			.contains("Wish: Rəngli karandaşlar");
		Page receipt = form.form("#walk-in-form").set("donorName", NAME).set("donorPhone", PHONE).submit();
		assertThat(receipt.url()).isEqualTo("/volunteer/walk-in/" + code + "/receipt");
		// the gift code is one word on a phone's narrow receipt, never "JZJB-" over "4JB2"
		String css = volunteer.request(receipt.document().select("link[rel=stylesheet][href*=/css/app]").attr("href"))
			.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(css.replaceAll("\\s", "")).containsPattern("\\.gift-tag-tagcode\\{[^}]*white-space:nowrap");
		assertThat(receipt.document().select(".gift-tag-tagcode").text()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(jdbc.sql("SELECT walk_in_point_id FROM letter WHERE code = ?").param(code).query(Long.class).single())
			.isEqualTo(ganja);

		// and the gift-received form offers the same centres as the walk-in form
		var walkInCentres = volunteer.open("/volunteer/walk-in").document().select("#handoverPointId option[value!='']")
			.eachAttr("value");
		var giftCentres = volunteer.open("/volunteer/letters/" + code).document()
			.select("#gift-form select[name=handoverPointId] option[value!='']").eachAttr("value");
		assertThat(giftCentres).containsExactlyInAnyOrderElementsOf(walkInCentres);
	}

	@Test
	void thePublicPageNamesTheCentreOnceWithoutNestedQuotes() {
		long ganja = point("AZ-GA");
		String code = testLetters.published(campaign, Spec.of("Səbinə", 7));
		jdbc.sql("UPDATE letter SET paper_tree_point_id = ?, paper_printed_at = now() WHERE code = ?").params(ganja, code)
			.update();
		assertThat(Visitor.anonymous(mvc).speaking("ru").open("/letters/" + code).document().select("#paper-tree-centre")
			.text()).isEqualTo("Это письмо висит и на бумажной ёлке: Центр «ASAN xidmət» в Гяндже (город Гянджа).");
		assertThat(Visitor.anonymous(mvc).speaking("az").open("/letters/" + code).document().select("#paper-tree-centre")
			.text()).isEqualTo("Bu məktub həm də kağız ağacda asılıb: Gəncə “ASAN xidmət” mərkəzi (Gəncə şəhəri).");
	}

	private Visitor volunteer() {
		return Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
	}

}
