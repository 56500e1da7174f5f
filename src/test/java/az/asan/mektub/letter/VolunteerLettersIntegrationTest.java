package az.asan.mektub.letter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestImages;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.SignedInUser;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class VolunteerLettersIntegrationTest extends IntegrationTestBase {

	@TestCampaign
	long campaign;

	@Test
	void registeringALetterKeepsItPrivateWithItsHistoryAndAScanStrippedOfMetadata() throws Exception {
		// when
		MvcResult result = mvc.perform(registration(Map.of()).file(scan(TestImages.jpegWithGps())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/volunteer/letters/*"))
			.andExpect(flash().attributeExists("success"))
			.andReturn();
		String code = codeOf(result);

		// then
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("RECEIVED");
		assertThat(jdbc.sql("SELECT age FROM letter WHERE code = ?").param(code).query(Integer.class).single())
			.isEqualTo(LocalDate.now().getYear() - 2016 - 1);
		assertThat(historyOf(code)).containsExactly("null>RECEIVED");
		byte[] stored = jdbc.sql("SELECT bytes FROM letter_image i JOIN letter l ON l.id = i.letter_id WHERE l.code = ?")
			.param(code)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
			.doesNotContain(TestImages.GPS_MARK);
		mvc.perform(get("/volunteer/letters/" + code + "/scan.jpg").with(user(volunteer())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"));
		mvc.perform(get("/volunteer/letters/" + code).with(user(volunteer())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Məmmədova")))
			.andExpect(content().string(containsString("id=\"publish-form\"")));
	}

	@Test
	void aChildOutsideTheCampaignsAgeRangeIsRefusedBesideTheFieldAndNothingTypedIsLost() throws Exception {
		mvc.perform(registration(Map.of("birthDate", LocalDate.now().minusYears(16).toString())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "birthDate", "letter.age.outOfRange"))
			.andExpect(content().string(containsString("kampaniya 3–14 yaşlı uşaqlar üçündür")))
			.andExpect(page(containsString("value=\"Aysel\"")))
			.andExpect(page(containsString("Məmmədova")))
			.andExpect(page(containsString("Gitara çalmaq istəyirəm")));
		assertThat(count()).isZero();
	}

	@Test
	void aRegionThatIsNotTheVolunteersIsRefusedEvenInACraftedForm() throws Exception {
		mvc.perform(registration(Map.of("regionId", String.valueOf(region("AZ-LAN")))))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "regionId", "letter.region.notYours"));
		assertThat(count()).isZero();
	}

	@Test
	void missingAndMistypedFieldsAreNamedBesideThemAndTheTypedValueStays() throws Exception {
		mvc.perform(registration(Map.of("firstName", "", "birthDate", "31.02.2015", "estimatedCost", "qırx")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "firstName", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "birthDate", "typeMismatch"))
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "estimatedCost", "typeMismatch"))
			.andExpect(page(containsString("value=\"31.02.2015\"")))
			.andExpect(page(containsString("value=\"qırx\"")))
			.andExpect(page(containsString("Qiyməti rəqəmlə yazın")));
		assertThat(count()).isZero();
	}

	@Test
	void aChildOutsideTheAgesAndAMistypedCostAreBothNamedAndNothingTypedIsLost() throws Exception {
		// seen by a volunteer in review: each mistake alone was named, both together answered a 500
		mvc.perform(registration(Map.of("birthDate", "2008-03-01", "estimatedCost", "12,50 AZN")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "birthDate", "letter.age.outOfRange"))
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "estimatedCost", "typeMismatch"))
			.andExpect(page(containsString("value=\"12,50 AZN\"")))
			.andExpect(page(containsString("Gitara çalmaq istəyirəm")));
		assertThat(count()).isZero();
	}

	@Test
	void aCostWithAHugeExponentIsRefusedBesideTheFieldInMilliseconds() throws Exception {
		for (String cost : new String[] { "1e-10000000", "-1e-100000000", "1e999999", "1" + "0".repeat(40), "１２", "١٢" }) {
			long started = System.nanoTime();
			mvc.perform(registration(Map.of("estimatedCost", cost)))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrorCode("letterForm", "estimatedCost", "typeMismatch"))
				.andExpect(page(containsString("Qiyməti rəqəmlə yazın")));
			assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
		}
		// a birth date no child has is refused like a mistyped one, not sent to the database
		mvc.perform(registration(Map.of("birthDate", "-999999999-01-01")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "birthDate", "typeMismatch"));
		assertThat(count()).isZero();
	}

	@Test
	void aPublicTextWithAnAddressIsHeldBackUntilTheVolunteerHasCheckedTheWarnings() throws Exception {
		String code = codeOf(mvc.perform(registration(Map.of("contact", "Anası Leyla Hüseynova, +994 50 111 22 33")))
			.andReturn());
		String text = "Nizami küçəsi 5, mənzil 12-də yaşayıram, velosiped istəyirəm";

		// as a browser does: the warning travels to the letter's page in the session, named by its cookie
		MvcResult warned = act(code, "publish", Map.of("publicWish", text, "confirmed", "true"))
			.andExpect(flash().attribute("failure", containsString("şəxsi məlumat ola bilər")))
			.andReturn();
		assertThat(statusOf(code)).isEqualTo("RECEIVED");
		mvc.perform(get("/volunteer/letters/" + code).cookie(warned.getResponse().getCookies()).with(user(volunteer())))
			.andExpect(page(containsString("Küçə, ev, mənzil və ya kənd ünvanına oxşar ifadə var.")))
			.andExpect(content().string(containsString("name=\"acknowledged\"")));

		// the guardian's name from the letter's own contact field is noticed too
		act(code, "publish", Map.of("publicWish", "Leyla xala ilə kitab oxumaq istəyirəm", "confirmed", "true"))
			.andExpect(flash().attribute("privacyWarnings",
					org.hamcrest.Matchers.hasItem(containsString("Qəyyumun, valideynin və ya müəssisənin adına"))));
		assertThat(statusOf(code)).isEqualTo("RECEIVED");

		// the volunteer decides: checked, it goes on the tree as typed
		act(code, "publish", Map.of("publicWish", text, "confirmed", "true", "acknowledged", "true"))
			.andExpect(flash().attributeExists("success"));
		assertThat(statusOf(code)).isEqualTo("PUBLISHED");
	}

	@Test
	void aFileThatIsNotAnImageIsRefusedAndAGoodScanIsKeptAcrossACorrection() throws Exception {
		mvc.perform(registration(Map.of()).file(scan("not an image".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "scanToken", "image.error.notAnImage"));

		// given: a good scan sent with a form that has another error
		MvcResult first = mvc.perform(registration(Map.of("firstName", "")).file(scan(TestImages.png(40, 30))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Seçdiyiniz şəkil saxlanılıb")))
			.andReturn();
		String token = (String) first.getModelAndView().getModel().get("scanToken");
		assertThat(token).isNotBlank();

		// when: the corrected form comes back without choosing the file again
		MvcResult second = mvc.perform(registration(Map.of("scanToken", token))).andExpect(status().isFound()).andReturn();

		// then
		assertThat(jdbc.sql("SELECT count(*) FROM letter_image i JOIN letter l ON l.id = i.letter_id WHERE l.code = ?")
			.param(codeOf(second))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSameChildTwiceInACampaignWarnsAndNeedsAnExplicitConfirmation() throws Exception {
		String first = codeOf(mvc.perform(registration(Map.of())).andExpect(status().isFound()).andReturn());

		mvc.perform(registration(Map.of("firstName", "AYSEL", "surname", "MƏMMƏDOVA")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"duplicate-warning\"")))
			.andExpect(content().string(containsString(first)));
		assertThat(count()).isEqualTo(1);

		mvc.perform(registration(Map.of("confirmDuplicate", "true"))).andExpect(status().isFound());
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void aVolunteerNeitherSeesNorChangesALetterOfAnotherRegionWhateverTheUrlOrForm() throws Exception {
		String code = insertDirectly(region("AZ-LAN"));

		mvc.perform(get("/volunteer/letters/" + code).with(user(volunteer()))).andExpect(status().isNotFound());
		mvc.perform(get("/volunteer/letters/" + code + "/scan.jpg").with(user(volunteer())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/volunteer/letters/" + code + "/publish").param("publicWish", "Top")
			.param("confirmed", "true")
			.with(csrf())
			.with(user(volunteer()))).andExpect(status().isNotFound());
		mvc.perform(post("/volunteer/letters/" + code + "/withdraw").param("reason", "DUPLICATE")
			.with(csrf())
			.with(user(volunteer()))).andExpect(status().isNotFound());
		mvc.perform(registrationOf(code, Map.of("regionId", String.valueOf(region("AZ-GA")))))
			.andExpect(status().isNotFound());
		assertThat(statusOf(code)).isEqualTo("RECEIVED");
		assertThat(historyOf(code)).hasSize(1);

		// while staff see every region
		mvc.perform(get("/volunteer/letters/" + code).with(user(users.loadUserByUsername("staff@demo.az"))))
			.andExpect(status().isOk());
	}

	@Test
	void aLetterOfACampaignClosedSinceItWasRegisteredIsNotPublished() throws Exception {
		// seen by a campaign officer in review: the closing page said such letters would not go on the tree
		String code = codeOf(mvc.perform(registration(Map.of())).andReturn());
		jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() WHERE id = ?").param(campaign).update();

		act(code, "publish", Map.of("publicWish", "Gitara", "confirmed", "true"))
			.andExpect(flash().attribute("failure", containsString("kampaniyası bağlıdır")));
		assertThat(statusOf(code)).isEqualTo("RECEIVED");
	}

	@Test
	void publishingNeedsTheConfirmationAndATextWithoutTheSurname() throws Exception {
		String code = codeOf(mvc.perform(registration(Map.of())).andReturn());

		act(code, "publish", Map.of("publicWish", "Gitara")).andExpect(flash().attribute("failure",
				containsString("şəxsi məlumat olmadığını təsdiq edin")));
		act(code, "publish", Map.of("publicWish", "Aysel Məmmədova gitara istəyir", "confirmed", "true"))
			.andExpect(flash().attribute("failure", containsString("soyadı")))
			.andExpect(flash().attribute("publishText", "Aysel Məmmədova gitara istəyir"));
		act(code, "publish", Map.of("publicWish", "Zəng edin: +994 50 123 45 67", "confirmed", "true"))
			.andExpect(flash().attribute("failure", containsString("telefon")));
		assertThat(statusOf(code)).isEqualTo("RECEIVED");

		act(code, "publish", Map.of("publicWish", "Gitara çalmağı öyrənmək istəyir", "confirmed", "true"))
			.andExpect(flash().attributeExists("success"));
		assertThat(statusOf(code)).isEqualTo("PUBLISHED");
	}

	@Test
	void anIncompleteLetterShowsItsReasonAndGoesBackToReviewOnceCorrected() throws Exception {
		String code = codeOf(mvc.perform(registration(Map.of())).andReturn());
		act(code, "incomplete", Map.of("reason", "MISSING_CONSENT", "note", "Valideynin imzası yoxdur"));
		assertThat(statusOf(code)).isEqualTo("INCOMPLETE");
		mvc.perform(get("/volunteer").with(user(volunteer())))
			.andExpect(content().string(containsString("Valideynin imzası yoxdur")));

		mvc.perform(registrationOf(code, Map.of("contact", "Uşaq evi №3, razılıq alınıb")))
			.andExpect(status().isFound());

		assertThat(statusOf(code)).isEqualTo("RECEIVED");
		assertThat(historyOf(code)).containsExactly("null>RECEIVED", "RECEIVED>INCOMPLETE", "INCOMPLETE>RECEIVED");
	}

	@Test
	void aLetterLivesItsWholeLifeThroughTheVolunteersPagesAndLeavesTheForgottenLists() throws Exception {
		String code = codeOf(mvc.perform(registration(Map.of())).andReturn());
		act(code, "publish", Map.of("publicWish", "Gitara", "confirmed", "true"));
		long donor = TestPeople.id(jdbc, "donor@demo.az");
		tx.executeWithoutResult(s -> letters.findByCode(code).orElseThrow().adopt(donor, LocalDate.now().plusDays(7), null));
		String tag = jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
		String point = jdbc.sql("SELECT min(id) FROM handover_point").query(String.class).single();

		act(code, "gift-received", Map.of("tagCode", "AAAA-BBBB", "handoverPointId", point))
			.andExpect(flash().attribute("failure", containsString("etiketinin kodu bu məktuba uyğun gəlmir")));
		assertThat(statusOf(code)).isEqualTo("ADOPTED");
		act(code, "gift-received", Map.of("tagCode", tag.toLowerCase().replace("-", " "), "handoverPointId", point))
			.andExpect(flash().attributeExists("success"));
		assertThat(statusOf(code)).isEqualTo("GIFT_RECEIVED");

		// given: the gift has waited too long for the child
		jdbc.sql("UPDATE letter SET gift_received_at = now() - interval '20 days' WHERE code = ?").param(code).update();
		mvc.perform(get("/volunteer").with(user(volunteer()))).andExpect(content().string(containsString("row-" + code)));

		mvc.perform(multipart("/volunteer/letters/" + code + "/fulfilled")
			.file(new MockMultipartFile("photo", "gift.jpg", "image/jpeg", TestImages.jpegWithGps()))
			.param("handedOn", LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU).toString())
			.param("note", "Çox sevindi")
			.with(csrf())
			.with(user(volunteer()))).andExpect(flash().attributeExists("success"));

		assertThat(statusOf(code)).isEqualTo("FULFILLED");
		assertThat(historyOf(code)).containsExactly("null>RECEIVED", "RECEIVED>PUBLISHED", "PUBLISHED>ADOPTED",
				"ADOPTED>GIFT_RECEIVED", "GIFT_RECEIVED>FULFILLED");
		// the donor is thanked, in the transaction that recorded it
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'donor@demo.az' AND body LIKE '%Aysel%' "
				+ "AND subject LIKE '%təşəkkür%'").query(Long.class).single()).isEqualTo(1);
		mvc.perform(get("/volunteer").with(user(volunteer())))
			.andExpect(content().string(not(containsString("row-" + code))));
		act(code, "withdraw", Map.of("reason", "DUPLICATE"))
			.andExpect(flash().attribute("failure", containsString("mümkün deyil")));
		assertThat(statusOf(code)).isEqualTo("FULFILLED");
	}

	@Test
	void aRefusedStepKeepsEveryChoiceMadeOnItsFormNotOnlyTheTextTyped() throws Exception {
		String code = codeOf(mvc.perform(registration(Map.of())).andReturn());
		String today = LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU).toString();
		String yesterday = LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU).minusDays(1).toString();

		// a received letter: its "incomplete" reason travels back with its note, and is chosen again
		act(code, "publish", Map.of("publicWish", "Gitara", "confirmed", "true"));
		act(code, "incomplete", Map.of("reason", "MISSING_CONSENT", "note", "İmza yoxdur"))
			.andExpect(flash().attribute("failure", org.hamcrest.Matchers.notNullValue()))
			.andExpect(flash().attribute("incompleteNote", "İmza yoxdur"))
			.andExpect(flash().attribute("incompleteReasonChosen", "MISSING_CONSENT"));
		// a "fulfilled" refused before the gift is in keeps the date given
		act(code, "fulfilled", Map.of("handedOn", yesterday, "note", "Sevindi"))
			.andExpect(flash().attribute("failure", org.hamcrest.Matchers.notNullValue()))
			.andExpect(flash().attribute("fulfilNote", "Sevindi"))
			.andExpect(flash().attribute("typedHandedOn", yesterday));

		long donor = TestPeople.id(jdbc, "donor@demo.az");
		tx.executeWithoutResult(s -> letters.findByCode(code).orElseThrow().adopt(donor, LocalDate.now().plusDays(7), null));
		// the last centre offered on the gift form (none is chosen before)
		var offered = org.jsoup.Jsoup.parse(mvc.perform(get("/volunteer/letters/" + code).with(user(volunteer())))
			.andReturn().getResponse().getContentAsString()).select("#gift-form #handoverPointId option[value~=.]");
		assertThat(offered.select("[selected]")).isEmpty();
		String point = offered.last().attr("value");
		try {
			// a wrong tag code keeps the code typed and the centre chosen
			MvcResult wrong = act(code, "gift-received", Map.of("tagCode", "AAAA-BBBB", "handoverPointId", point))
				.andExpect(flash().attribute("failure", containsString("etiketinin kodu bu məktuba uyğun gəlmir")))
				.andExpect(flash().attribute("typedTagCode", "AAAA-BBBB"))
				.andExpect(flash().attribute("typedHandoverPointId", Long.valueOf(point)))
				.andReturn();
			// as a browser does: back on the letter's page, named by the session's cookie
			MvcResult page = mvc.perform(get("/volunteer/letters/" + code).cookie(wrong.getResponse().getCookies())
				.with(user(volunteer()))).andExpect(status().isOk()).andReturn();
			var gift = org.jsoup.Jsoup.parse(page.getResponse().getContentAsString()).selectFirst("#gift-form");
			assertThat(gift.select("#tagCode").attr("value")).isEqualTo("AAAA-BBBB");
			assertThat(gift.select("#handoverPointId option[selected]").eachAttr("value")).containsExactly(point);

			// while wrong codes are paced, nothing is checked and still nothing chosen is lost
			String answer = "";
			for (int i = 0; i < 40 && !answer.contains("gözləyin"); i++) {
				answer = (String) act(code, "gift-received",
						Map.of("tagCode", "ZZ%02d-%04d".formatted(i, i), "handoverPointId", point))
					.andReturn().getFlashMap().get("failure");
			}
			assertThat(answer).contains("gözləyin");
			act(code, "gift-received", Map.of("tagCode", "CCCC-DDDD", "handoverPointId", point))
				.andExpect(flash().attribute("failure", containsString("gözləyin")))
				.andExpect(flash().attribute("typedTagCode", "CCCC-DDDD"))
				.andExpect(flash().attribute("typedHandoverPointId", Long.valueOf(point)));
		}
		finally {
			jdbc.sql("DELETE FROM login_attempt WHERE key LIKE 'guess:%'").update();
		}

		// the pages the choices come back to choose them again
		jdbc.sql("UPDATE letter SET status = 'GIFT_RECEIVED' WHERE code = ?").param(code).update();
		MvcResult refusedFulfil = act(code, "fulfilled", Map.of("handedOn", yesterday, "note", "Sevindi"))
			.andReturn();
		MvcResult giftIn = mvc.perform(get("/volunteer/letters/" + code).cookie(refusedFulfil.getResponse().getCookies())
			.with(user(volunteer()))).andExpect(status().isOk()).andReturn();
		assertThat(org.jsoup.Jsoup.parse(giftIn.getResponse().getContentAsString()).select("#handedOn").attr("value"))
			.isEqualTo(yesterday);
		MvcResult fresh = mvc.perform(get("/volunteer/letters/" + code).with(user(volunteer())))
			.andExpect(status().isOk()).andReturn();
		assertThat(org.jsoup.Jsoup.parse(fresh.getResponse().getContentAsString()).select("#handedOn").attr("value"))
			.isEqualTo(today);
	}

	@Test
	void aQuickActionAnswersHtmxWithTheRowAndAPlainFormWithARedirect() throws Exception {
		String code = insertDirectly(region("AZ-GA"));
		long donor = TestPeople.id(jdbc, "donor@demo.az");
		jdbc.sql("UPDATE letter SET status = 'ADOPTED', donor_id = ?, due_date = current_date - 3 WHERE code = ?")
			.params(donor, code)
			.update();

		mvc.perform(post("/volunteer/quick/" + code + "/release").header("HX-Request", "true")
			.with(csrf())
			.with(user(volunteer())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"row-" + code + "\"")))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(statusOf(code)).isEqualTo("PUBLISHED");

		mvc.perform(post("/volunteer/quick/" + code + "/release").with(csrf()).with(user(volunteer())))
			.andExpect(status().isFound())
			.andExpect(flash().attributeExists("failure"));
	}

	@Test
	void theSearchFindsChildrenTheAzerbaijaniWay() throws Exception {
		String code = codeOf(mvc.perform(registration(Map.of("firstName", "İSMAYIL", "surname", "İSMAYILLI")))
			.andReturn());

		for (String q : new String[] { "ismayıllı", "ismayilli", "İsmayıllı", code.toLowerCase() }) {
			mvc.perform(get("/volunteer/letters").param("q", q).with(user(volunteer())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(code)));
		}
		mvc.perform(get("/volunteer/letters").param("q", "Quliyeva").param("campaign", String.valueOf(campaign))
			.with(user(volunteer()))).andExpect(content().string(not(containsString(code))));
	}

	// --- helpers

	/** The page as a person reads it: Thymeleaf writes some letters (ç, ü) as HTML entities. */
	private static org.springframework.test.web.servlet.ResultMatcher page(org.hamcrest.Matcher<String> matcher) {
		return result -> org.hamcrest.MatcherAssert.assertThat(
				org.springframework.web.util.HtmlUtils.htmlUnescape(result.getResponse().getContentAsString()), matcher);
	}

	private MockMultipartHttpServletRequestBuilder registration(Map<String, String> overrides) {
		return form(multipart("/volunteer/letters/new"), overrides);
	}

	private MockMultipartHttpServletRequestBuilder registrationOf(String code, Map<String, String> overrides) {
		return form(multipart("/volunteer/letters/" + code + "/edit"), overrides);
	}

	private MockMultipartHttpServletRequestBuilder form(MockMultipartHttpServletRequestBuilder request,
			Map<String, String> overrides) {
		Map<String, String> values = new HashMap<>();
		values.put("campaignId", String.valueOf(campaign));
		values.put("firstName", "Aysel");
		values.put("surname", "Məmmədova");
		values.put("birthDate", "2016-05-14");
		values.put("gender", "F");
		values.put("regionId", String.valueOf(region("AZ-BA-YAS")));
		values.put("careSetting", "CHILDREN_HOME");
		values.put("contact", "Uşaq evi №2, +994 12 555 00 00");
		values.put("originalWish", "Gitara çalmaq istəyirəm, çünki musiqini sevirəm");
		values.put("publicWish", "Gitara çalmaq istəyirəm");
		values.put("category", "MUSIC");
		values.put("estimatedCost", "80,50");
		values.putAll(overrides);
		values.forEach(request::param);
		return (MockMultipartHttpServletRequestBuilder) request.with(csrf()).with(user(volunteer()));
	}

	private org.springframework.test.web.servlet.ResultActions act(String code, String step, Map<String, String> params)
			throws Exception {
		var request = post("/volunteer/letters/" + code + "/" + step).with(csrf()).with(user(volunteer()));
		params.forEach(request::param);
		return mvc.perform(request).andExpect(status().isFound());
	}

	private static MockMultipartFile scan(byte[] bytes) {
		return new MockMultipartFile("scan", "letter.jpg", "image/jpeg", bytes);
	}

	private SignedInUser volunteer() {
		return (SignedInUser) users.loadUserByUsername("volunteer@demo.az");
	}

	private String codeOf(MvcResult result) {
		String url = result.getResponse().getRedirectedUrl();
		assertThat(url).as("redirect after registration").startsWith("/volunteer/letters/");
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = ?").param(campaign).query(Long.class).single();
	}

	private String insertDirectly(int regionId) {
		Child child = new Child("Rəşad", "Quliyev", LocalDate.of(2015, 2, 2), Gender.M, regionId, CareSetting.FAMILY,
				"+994 50 111 22 33");
		Letter letter = Letter.register(child, campaign, 10, "Top", "Top", Category.SPORTS, null,
				new java.math.BigDecimal("20.00"), false, 1L);
		return tx.execute(s -> letters.save(letter).getCode());
	}

}
