package az.asan.mektub.letter;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestImages;
import az.asan.mektub.TestLetters;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.privacy.ChildDataRetention;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The thank-you that comes back (issue 27.3): a volunteer attaches the child's drawing or note to a
 * fulfilled letter, it passes the privacy check of a public wish, a second volunteer of the region
 * approves it, and only then its donor (and no one else) sees it, through an address that checks who
 * asks and is never kept by a browser; the donor is mailed once; retention deletes it.
 */
@IntegrationTest
@RemovesPeople("%@thanks.test")
class ChildThanksIntegrationTest extends IntegrationTestBase {

	static final String NOTE = "Çox sağ olun! Kitab çox gözəldir, hər gün oxuyuram.";

	@Autowired
	ChildDataRetention retention;

	@TestCampaign
	long campaign;

	String code;

	SignedInUser donor;

	SignedInUser otherDonor;

	SignedInUser attacher;

	SignedInUser second;

	SignedInUser farAway;

	@BeforeEach
	void aFulfilledLetterOfGanja() {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		code = testLetters.published(campaign, TestLetters.Spec.of("Aysel", 9).region("AZ-GA"));
		int ganja = region("AZ-GA");
		donor = create("donor@thanks.test", Role.DONOR, Set.of());
		otherDonor = create("other@thanks.test", Role.DONOR, Set.of());
		attacher = create("first@thanks.test", Role.VOLUNTEER, Set.of(ganja));
		second = create("second@thanks.test", Role.VOLUNTEER, Set.of(ganja));
		farAway = create("far@thanks.test", Role.VOLUNTEER, Set.of(region("AZ-LA")));
		testLetters.moveTo(code, LetterStatus.FULFILLED, donor.id());
	}

	@Test
	void anApprovedThankYouIsShownToItsDonorAloneAndMailedOnce() throws Exception {
		// given: a drawing (with GPS in its EXIF block) and a note, attached by one volunteer
		mvc.perform(attach(attacher, NOTE, TestImages.jpegWithGps(), true))
			.andExpect(redirectedUrl("/volunteer/letters/" + code))
			.andExpect(flash().attributeExists("success"));
		assertThat(stored("status")).isEqualTo("PENDING");
		byte[] image = jdbc.sql("SELECT t.image FROM letter_thanks t JOIN letter l ON l.id = t.letter_id WHERE l.code = ?")
			.param(code)
			.query(byte[].class)
			.single();
		assertThat(new String(image, StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.GPS_MARK);

		// not yet approved: the donor sees nothing of it
		theDonorSeesNothing(donor);
		assertThat(mails()).isZero();

		// when: the volunteer who attached it tries to approve it
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", version()).with(csrf()).with(user(attacher)))
			.andExpect(redirectedUrl("/volunteer/letters/" + code))
			.andExpect(flash().attribute("failure", containsString("başqa bir könüllü")));
		assertThat(stored("status")).isEqualTo("PENDING");
		mvc.perform(get("/volunteer/letters/" + code).with(user(attacher)))
			.andExpect(content().string(allOf(containsString(NOTE), containsString("id=\"thanks-own\""),
					not(containsString("id=\"thanks-approve-form\"")))));

		// a volunteer of another region neither sees nor approves it
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", version()).with(csrf()).with(user(farAway)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/volunteer/letters/" + code + "/thanks.jpg").with(user(farAway)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/volunteer/thanks").with(user(farAway)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(code))));
		assertThat(stored("status")).isEqualTo("PENDING");

		// a second volunteer of the region finds it in the list, sees the picture and approves it
		mvc.perform(get("/volunteer/thanks").with(user(second)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/volunteer/letters/" + code)));
		mvc.perform(get("/volunteer/letters/" + code).with(user(second)))
			.andExpect(content().string(allOf(containsString(NOTE), containsString("id=\"thanks-approve-form\""))));
		mvc.perform(get("/volunteer/letters/" + code + "/thanks.jpg").with(user(second)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Cache-Control", allOf(containsString("no-store"), containsString("private"))));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", version()).with(csrf()).with(user(second)))
			.andExpect(redirectedUrl("/volunteer/letters/" + code))
			.andExpect(flash().attributeExists("success"));

		// then: the donor sees it on My letters and the letter's page, its picture only for them
		assertThat(stored("status")).isEqualTo("APPROVED");
		mvc.perform(get("/me/adoptions").with(user(donor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(NOTE),
					containsString("/me/adoptions/" + code + "/thanks.jpg"))));
		mvc.perform(get("/me/adoptions/" + code).with(user(donor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(NOTE), containsString("id=\"child-thanks\""))));
		MvcResult picture = mvc.perform(get("/me/adoptions/" + code + "/thanks.jpg").with(user(donor)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Cache-Control", allOf(containsString("no-store"), containsString("private"))))
			.andReturn();
		assertThat(picture.getResponse().getContentAsByteArray()).isEqualTo(image);

		// another donor, the anonymous public and the crawlable public pages never see it
		theDonorSeesNothing(otherDonor);
		mvc.perform(get("/me/adoptions/" + code).with(user(otherDonor))).andExpect(status().isNotFound());
		mvc.perform(get("/me/adoptions/" + code + "/thanks.jpg")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/volunteer/letters/" + code + "/thanks.jpg")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/volunteer/letters/" + code + "/thanks.jpg").with(user(donor))).andExpect(status().isForbidden());
		for (String page : new String[] { "/letters/" + code, "/tree", "/impact", "/" }) {
			mvc.perform(get(page)).andExpect(content().string(not(containsString(NOTE))));
		}

		// one mail, in the donor's language, with a link to the letter and no picture
		assertThat(mails()).isEqualTo(1);
		String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'donor@thanks.test' AND kind = 'thankYou'")
			.query(String.class)
			.single();
		assertThat(body).contains("Aysel", "/me/adoptions/" + code).doesNotContain(NOTE);

		// approved once: a second press changes nothing and mails no one again
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", version()).with(csrf()).with(user(second)))
			.andExpect(flash().attributeExists("failure"));
		assertThat(mails()).isEqualTo(1);
	}

	@Test
	void aNoteAloneIsEnoughAndARejectedOneSaysWhyAndCanBeReplaced() throws Exception {
		mvc.perform(attach(attacher, "Sağ olun!", null, true)).andExpect(flash().attributeExists("success"));

		// a rejection needs its reason
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/reject").param("version", version()).param("reason", " ").with(csrf()).with(user(second)))
			.andExpect(flash().attribute("failure", containsString("səbəbini")));
		// the attacher cannot reject their own either
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/reject").param("version", version()).param("reason", "Bulanıqdır")
			.with(csrf())
			.with(user(attacher))).andExpect(flash().attributeExists("failure"));
		assertThat(stored("status")).isEqualTo("PENDING");

		mvc.perform(post("/volunteer/letters/" + code + "/thanks/reject").param("version", version()).param("reason", "Qeyd uşağın deyil")
			.with(csrf())
			.with(user(second))).andExpect(flash().attributeExists("success"));
		assertThat(stored("status")).isEqualTo("REJECTED");
		mvc.perform(get("/volunteer/letters/" + code).with(user(attacher)))
			.andExpect(content().string(allOf(containsString("Qeyd uşağın deyil"), containsString("id=\"thanks-form\""))));
		theDonorSeesNothing(donor);

		// attached anew, it waits for review again; now the other volunteer attached it, the first approves
		mvc.perform(attach(second, "Hədiyyə üçün təşəkkür edirəm!", TestImages.png(40, 30), true))
			.andExpect(flash().attributeExists("success"));
		assertThat(stored("status")).isEqualTo("PENDING");
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", version()).with(csrf()).with(user(attacher)))
			.andExpect(flash().attributeExists("success"));
		mvc.perform(get("/me/adoptions").with(user(donor)))
			.andExpect(content().string(containsString("Hədiyyə üçün təşəkkür edirəm!")));
	}

	@Test
	void whatIsNotAPictureTooLargeOrUncheckedIsRefusedClearlyAndNothingIsKept() throws Exception {
		mvc.perform(attach(attacher, NOTE, "not a picture".getBytes(StandardCharsets.UTF_8), true))
			.andExpect(redirectedUrl("/volunteer/letters/" + code))
			.andExpect(flash().attribute("failure", containsString("JPEG, PNG və ya WebP")))
			.andExpect(flash().attribute("thanksNote", NOTE));
		byte[] heic = new byte[4096];
		System.arraycopy(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c' }, 0, heic, 0, 12);
		mvc.perform(attach(attacher, NOTE, heic, true)).andExpect(flash().attribute("failure", containsString("HEIC")));
		mvc.perform(attach(attacher, NOTE, new byte[6 * 1024 * 1024], true))
			.andExpect(flash().attribute("failure", containsString("5 MB")));
		mvc.perform(attach(attacher, NOTE, TestImages.jpeg(30, 30), false))
			.andExpect(flash().attribute("failure", containsString("yoxladığınızı")));
		mvc.perform(attach(attacher, "  ", null, true)).andExpect(flash().attribute("failure", containsString("şəklini seçin")));
		mvc.perform(attach(attacher, "x".repeat(501), null, true)).andExpect(flash().attribute("failure", containsString("500")));
		assertThat(count()).isZero();

		// the page it goes back to is the app's page, in English for an English reader
		mvc.perform(attach(attacher, NOTE, "GIF89a".getBytes(StandardCharsets.US_ASCII), true).param("lang", "en"))
			.andExpect(flash().attribute("failure", containsString("JPEG, PNG or WebP")));
	}

	@Test
	void aNoteThatGivesAwayTheSurnameOrAnAddressIsRefused() throws Exception {
		// the child's surname is Testov (TestLetters); the page it goes back to says what was found and keeps the note
		mvc.perform(attach(attacher, "Təşəkkürlər! Aysel Testova", null, true))
			.andExpect(redirectedUrl("/volunteer/letters/" + code))
			.andExpect(flash().attribute("failure", containsString("tanıtmaq")))
			.andExpect(flash().attribute("thanksFindings", org.hamcrest.Matchers.hasItem(containsString("soyad"))))
			.andExpect(flash().attribute("thanksNote", "Təşəkkürlər! Aysel Testova"));
		mvc.perform(attach(attacher, "Sağ olun! Mən Nizami küçəsi 14-də yaşayıram", null, true))
			.andExpect(flash().attribute("failure", containsString("tanıtmaq")))
			.andExpect(flash().attribute("thanksFindings", org.hamcrest.Matchers.hasItem(containsString("ünvan"))));
		mvc.perform(attach(attacher, "Zəng edin: +994 50 123 45 67", null, true))
			.andExpect(flash().attribute("failure", containsString("tanıtmaq")));
		assertThat(count()).isZero();
	}

	/** Review 5: the family's name in another form than the child's surname got through the note's check. */
	@Test
	void aNoteWithTheFamilysNameInAnotherFormIsRefused() throws Exception {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String fidan = testLetters.published(campaign, TestLetters.Spec.of("Fidan", 10)
			.region("AZ-GA")
			.privately("Abbasova", java.time.LocalDate.now().minusYears(10).minusDays(10), "+994 50 999 88 77"));
		testLetters.moveTo(fidan, LetterStatus.FULFILLED, donor.id());
		String murad = testLetters.published(campaign, TestLetters.Spec.of("Murad", 8)
			.region("AZ-GA")
			.privately("Məmmədov", java.time.LocalDate.now().minusYears(8).minusDays(10), "+994 50 999 88 77"));
		testLetters.moveTo(murad, LetterStatus.FULFILLED, donor.id());

		for (String note : new String[] { "Sağ olun! Abbasov ailəsi", "Abbasovlar sizə təşəkkür edir", "Fidan Abbaslı",
				"Atam Abbas da salam deyir" }) {
			mvc.perform(multipart("/volunteer/letters/" + fidan + "/thanks").param("note", note)
				.param("checked", "true")
				.with(csrf())
				.with(user(attacher)))
				.andExpect(flash().attribute("thanksFindings", org.hamcrest.Matchers.hasItem(containsString("soyad"))));
		}
		mvc.perform(multipart("/volunteer/letters/" + murad + "/thanks").param("note", "Спасибо! Мурад Мамедов")
			.param("checked", "true")
			.with(csrf())
			.with(user(attacher))).andExpect(flash().attribute("thanksFindings", org.hamcrest.Matchers.hasItem(containsString("soyad"))));
		// an ordinary note passes
		mvc.perform(multipart("/volunteer/letters/" + fidan + "/thanks").param("note", NOTE)
			.param("checked", "true")
			.with(csrf())
			.with(user(attacher))).andExpect(flash().attributeExists("success"));
		assertThat(jdbc.sql("SELECT count(*) FROM letter_thanks t JOIN letter l ON l.id = t.letter_id WHERE l.code IN (?, ?)")
			.params(fidan, murad)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void onlyAFulfilledLetterTakesAThankYouAndOnlyInTheVolunteersRegions() throws Exception {
		String held = new TestLetters(letters, tx, jdbc).published(campaign, TestLetters.Spec.of("Murad", 7).region("AZ-GA"));
		new TestLetters(letters, tx, jdbc).moveTo(held, LetterStatus.GIFT_RECEIVED, donor.id());
		mvc.perform(multipart("/volunteer/letters/" + held + "/thanks").param("note", NOTE)
			.param("checked", "true")
			.with(csrf())
			.with(user(attacher))).andExpect(flash().attribute("failure", containsString("yerinə yetirilmiş")));
		mvc.perform(get("/volunteer/letters/" + held).with(user(attacher)))
			.andExpect(content().string(not(containsString("id=\"thanks-form\""))));

		mvc.perform(attach(farAway, NOTE, null, true)).andExpect(status().isNotFound());
		assertThat(count()).isZero();
	}

	@Test
	void theDonorIsMailedInTheirOwnLanguage() throws Exception {
		jdbc.sql("UPDATE app_user SET language = 'ru' WHERE email = 'donor@thanks.test'").update();
		mvc.perform(attach(attacher, NOTE, null, true)).andExpect(flash().attributeExists("success"));

		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", version()).with(csrf()).with(user(second)))
			.andExpect(flash().attributeExists("success"));

		assertThat(jdbc.sql("SELECT subject || ' ' || body FROM mail_outbox WHERE recipient = 'donor@thanks.test' AND kind = 'thankYou'")
			.query(String.class)
			.single()).contains("Aysel благодарит вас", "Aysel передала вам благодарность", "/me/adoptions/" + code);
	}

	@Test
	void retentionDeletesTheThankYouWithTheChildsPrivateData() throws Exception {
		mvc.perform(attach(attacher, NOTE, TestImages.jpeg(50, 40), true)).andExpect(flash().attributeExists("success"));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", version()).with(csrf()).with(user(second)))
			.andExpect(flash().attributeExists("success"));
		mvc.perform(get("/me/adoptions/" + code + "/thanks.jpg").with(user(donor))).andExpect(status().isOk());
		jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() - interval '25 months' WHERE id = ?")
			.param(campaign)
			.update();

		retention.run();

		assertThat(count()).isZero();
		mvc.perform(get("/me/adoptions/" + code + "/thanks.jpg").with(user(donor))).andExpect(status().isNotFound());
		mvc.perform(get("/me/adoptions").with(user(donor))).andExpect(content().string(not(containsString(NOTE))));
		mvc.perform(get("/volunteer/letters/" + code).with(user(second)))
			.andExpect(content().string(allOf(not(containsString(NOTE)), not(containsString("id=\"thanks-form\"")))));
	}

	/** Review 1: the first volunteer re-attached while the second was looking; the swapped one was approved unseen. */
	@Test
	void aReviewHoldsOnlyForTheVersionTheReviewerWasShown() throws Exception {
		// given: the second volunteer opens the letter's page, its approve and reject forms carry what they show
		mvc.perform(attach(attacher, NOTE, null, true)).andExpect(flash().attributeExists("success"));
		String page = mvc.perform(get("/volunteer/letters/" + code).with(user(second))).andReturn().getResponse().getContentAsString();
		String shown = shownVersion(page);
		assertThat(page).contains(NOTE);

		// when: the first volunteer replaces it meanwhile; their form says it replaces the waiting one
		mvc.perform(get("/volunteer/letters/" + code).with(user(attacher)))
			.andExpect(content().string(allOf(containsString("id=\"thanks-replaces\""),
					containsString("Gözləyən təşəkkürü əvəz et"))));
		mvc.perform(attach(attacher, "Başqa qeyd, sağ olun!", TestImages.jpeg(30, 30), true))
			.andExpect(flash().attributeExists("success"));

		// then: approving or rejecting what was shown approves nothing, says so in the reader's language
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", shown).with(csrf()).with(user(second)))
			.andExpect(redirectedUrl("/volunteer/letters/" + code))
			.andExpect(flash().attribute("failure", containsString("siz açandan sonra dəyişib")));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", shown)
			.param("lang", "en")
			.with(csrf())
			.with(user(second))).andExpect(flash().attribute("failure", containsString("changed since you opened it")));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").with(csrf()).with(user(second)))
			.andExpect(flash().attribute("failure", containsString("dəyişib")));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/reject").param("version", shown)
			.param("reason", "Bulanıqdır")
			.with(csrf())
			.with(user(second))).andExpect(flash().attribute("failure", containsString("dəyişib")));
		assertThat(stored("status")).isEqualTo("PENDING");
		assertThat(stored("note")).isEqualTo("Başqa qeyd, sağ olun!");
		assertThat(mails()).isZero();
		theDonorSeesNothing(donor);

		// looking again, the reviewer approves what they now see
		String again = shownVersion(mvc.perform(get("/volunteer/letters/" + code).with(user(second)))
			.andExpect(content().string(containsString("Başqa qeyd, sağ olun!")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(again).isNotEqualTo(shown);
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", again).with(csrf()).with(user(second)))
			.andExpect(flash().attributeExists("success"));
		assertThat(stored("status")).isEqualTo("APPROVED");
		assertThat(mails()).isEqualTo(1);
	}

	/** Review 2: a face or name noticed after approval could not be pulled back from the donor. */
	@Test
	void anApprovedThankYouIsWithdrawnWithAReasonAndTheDonorNoLongerSeesIt() throws Exception {
		// given: an approved thank-you with a picture, which its donor sees
		mvc.perform(attach(attacher, NOTE, TestImages.jpeg(50, 40), true)).andExpect(flash().attributeExists("success"));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").param("version", version()).with(csrf()).with(user(second)))
			.andExpect(flash().attributeExists("success"));
		mvc.perform(get("/me/adoptions/" + code + "/thanks.jpg").with(user(donor))).andExpect(status().isOk());
		mvc.perform(get("/me/adoptions").with(user(donor))).andExpect(content().string(containsString(NOTE)));
		mvc.perform(get("/me/adoptions/" + code).with(user(donor)))
			.andExpect(content().string(containsString("id=\"child-thanks\"")));
		mvc.perform(get("/volunteer/letters/" + code).with(user(attacher)))
			.andExpect(content().string(containsString("id=\"thanks-withdraw-form\"")));

		// a reason is required; another region's volunteer and the donor cannot
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/withdraw").param("reason", "  ").with(csrf()).with(user(attacher)))
			.andExpect(flash().attribute("failure", containsString("Geri götürmə səbəbini")));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/withdraw").param("reason", "Üz görünür").with(csrf()).with(user(farAway)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/withdraw").param("reason", "Üz görünür").with(csrf()).with(user(donor)))
			.andExpect(status().isForbidden());
		assertThat(stored("status")).isEqualTo("APPROVED");

		// when: a volunteer of the region withdraws it, saying why
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/withdraw").param("reason", "Rəsmin küncündə soyadı yazılıb.")
			.with(csrf())
			.with(user(attacher)))
			.andExpect(redirectedUrl("/volunteer/letters/" + code))
			.andExpect(flash().attributeExists("success"));

		// then: the donor sees nothing of it, on My letters, the letter's page or the picture's address
		assertThat(stored("status")).isEqualTo("WITHDRAWN");
		theDonorSeesNothing(donor);
		mvc.perform(get("/me/adoptions/" + code).with(user(donor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString(NOTE)), not(containsString("id=\"child-thanks\"")))));
		// the volunteers read who withdrew it and why; a second withdrawal is refused
		mvc.perform(get("/volunteer/letters/" + code).with(user(second)))
			.andExpect(content().string(allOf(containsString("id=\"thanks-withdrawn\""),
					containsString("Rəsmin küncündə soyadı yazılıb."), not(containsString("yazılıb..")),
					containsString("Test first@thanks.test"), not(containsString("id=\"thanks-withdraw-form\"")))));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/withdraw").param("reason", "Yenə").with(csrf()).with(user(second)))
			.andExpect(flash().attribute("failure", containsString("təsdiqlənmiş təşəkkürü yoxdur")));

		// every step is in the audit log with who made it, the withdrawal with its reason
		assertThat(jdbc.sql("SELECT action || ':' || actor_id FROM audit_log WHERE detail LIKE ? ORDER BY id")
			.param(code + "%")
			.query(String.class)
			.list()).containsExactly("THANKS_ATTACHED:" + attacher.id(), "THANKS_APPROVED:" + second.id(),
					"THANKS_WITHDRAWN:" + attacher.id());
		SignedInUser staff = create("staff@thanks.test", Role.STAFF, Set.of());
		mvc.perform(get("/admin/audit").param("kind", "LETTER").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Test first@thanks.test"), containsString(code),
					containsString("Rəsmin küncündə soyadı yazılıb."))));
	}

	/** Review 3: after a rejection nobody was told; review 4: a reason ending in "." showed "..". */
	@Test
	void aRejectedThankYouIsListedWithItsReasonForTheRegionUntilAttachedAnew() throws Exception {
		mvc.perform(attach(attacher, "Sağ olun!", null, true)).andExpect(flash().attributeExists("success"));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/reject").param("version", version())
			.param("reason", "Qeyd uşağın əli ilə deyil.")
			.with(csrf())
			.with(user(second))).andExpect(flash().attributeExists("success"));

		for (SignedInUser reader : new SignedInUser[] { attacher, second }) {
			mvc.perform(get("/volunteer/thanks").with(user(reader)))
				.andExpect(content().string(allOf(containsString("id=\"thanks-rejected\""),
						containsString("data-code=\"" + code + "\""), containsString("Qeyd uşağın əli ilə deyil."),
						not(containsString("deyil..")))));
		}
		mvc.perform(get("/volunteer/thanks").with(user(farAway))).andExpect(content().string(not(containsString(code))));
		mvc.perform(get("/volunteer/letters/" + code).with(user(attacher)))
			.andExpect(content().string(allOf(containsString("Qeyd uşağın əli ilə deyil."), not(containsString("deyil..")))));
		mvc.perform(get("/volunteer/thanks").param("lang", "ru").with(user(attacher)))
			.andExpect(content().string(containsString("Отклонённые благодарности")));

		// attached anew, it waits for review and leaves the rejected list
		mvc.perform(attach(attacher, "Hədiyyə üçün sağ olun!", null, true)).andExpect(flash().attributeExists("success"));
		mvc.perform(get("/volunteer/thanks").with(user(attacher)))
			.andExpect(content().string(allOf(containsString("id=\"thanks-rejected-none\""),
					not(containsString("Qeyd uşağın əli ilə deyil.")), containsString("/volunteer/letters/" + code))));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'THANKS_REJECTED' AND actor_id = ?")
			.param(second.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** Review 4: the note's findings spoke of a public text; the box and the picture were lost; 0 bytes passed. */
	@Test
	void aRefusedNoteSpeaksOfTheNoteKeepsTheBoxTickedAndSaysThePictureMustBeChosenAgain() throws Exception {
		// the page the refusal goes back to is read with the session's cookie, as a browser follows the redirect
		MvcResult refused = mvc.perform(attach(attacher, "Sağ olun! Testovlar ailəsi", TestImages.jpeg(30, 30), true))
			.andExpect(flash().attribute("thanksFindings", org.hamcrest.Matchers.hasItem(containsString("qeydində"))))
			.andExpect(flash().attribute("thanksFindings",
					org.hamcrest.Matchers.everyItem(not(containsString("İctimai")))))
			.andExpect(flash().attribute("thanksChecked", true))
			.andReturn();
		mvc.perform(get("/volunteer/letters/" + code).cookie(refused.getResponse().getCookies()).with(user(attacher)))
			.andExpect(content().string(allOf(containsString("checked=\"checked\""), containsString("id=\"thanks-image-again\""),
					containsString("Sağ olun! Testovlar ailəsi"))));
		mvc.perform(attach(attacher, "Спасибо! Тестова", null, true).param("lang", "en"))
			.andExpect(flash().attribute("thanksFindings", org.hamcrest.Matchers.hasItem(containsString("child's note"))))
			.andExpect(flash().attribute("thanksFindings", org.hamcrest.Matchers.everyItem(not(containsString("public text")))));
		mvc.perform(attach(attacher, "Zəng edin: +994 50 123 45 67", null, true).param("lang", "ru"))
			.andExpect(flash().attribute("thanksFindings", org.hamcrest.Matchers.hasItem(containsString("Записка ребёнка"))))
			.andExpect(flash().attribute("thanksFindings", org.hamcrest.Matchers.everyItem(not(containsString("Публичный")))));

		// unticked, the box stays unticked and no picture was chosen, so none is asked for again
		MvcResult unchecked = mvc.perform(attach(attacher, NOTE, null, false))
			.andExpect(flash().attribute("thanksChecked", false))
			.andReturn();
		mvc.perform(get("/volunteer/letters/" + code).cookie(unchecked.getResponse().getCookies()).with(user(attacher)))
			.andExpect(content().string(allOf(not(containsString("checked=\"checked\"")),
					not(containsString("id=\"thanks-image-again\"")), containsString(NOTE))));

		// a picture file of no bytes is refused, not dropped silently, and the box stays ticked
		mvc.perform(attach(attacher, NOTE, new byte[0], true))
			.andExpect(flash().attribute("failure", containsString("0 bayt")))
			.andExpect(flash().attribute("thanksChecked", true))
			.andExpect(flash().attribute("thanksNote", NOTE));
		// a picture the sanitizer refuses keeps the box ticked too
		mvc.perform(attach(attacher, NOTE, "not a picture".getBytes(StandardCharsets.UTF_8), true))
			.andExpect(flash().attribute("thanksChecked", true))
			.andExpect(flash().attribute("thanksImageLost", true));
		assertThat(count()).isZero();
	}

	/** The version in the review forms of a letter's page, as the page serves it. */
	private static String shownVersion(String page) {
		java.util.regex.Matcher form = java.util.regex.Pattern
			.compile("id=\"thanks-approve-form\".*?name=\"version\" value=\"(\\d+)\"", java.util.regex.Pattern.DOTALL)
			.matcher(page);
		assertThat(form.find()).as("the approve form carries the version it shows").isTrue();
		return form.group(1);
	}

	private MockMultipartHttpServletRequestBuilder attach(SignedInUser volunteer, String note, byte[] image,
			boolean checked) {
		MockMultipartHttpServletRequestBuilder request = multipart("/volunteer/letters/" + code + "/thanks");
		if (image != null) {
			request.file(new MockMultipartFile("image", "drawing.jpg", "image/jpeg", image));
		}
		request.param("note", note);
		if (checked) {
			request.param("checked", "true");
		}
		request.with(csrf()).with(user(volunteer));
		return request;
	}

	private void theDonorSeesNothing(SignedInUser reader) throws Exception {
		mvc.perform(get("/me/adoptions").with(user(reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString(NOTE)), not(containsString("thanks.jpg")))));
		mvc.perform(get("/me/adoptions/" + code + "/thanks.jpg").with(user(reader))).andExpect(status().isNotFound());
	}

	private String stored(String column) {
		return jdbc.sql("SELECT t." + column + " FROM letter_thanks t JOIN letter l ON l.id = t.letter_id WHERE l.code = ?")
			.param(code)
			.query(String.class)
			.single();
	}

	/** The version of the thank-you as it is now: what a page opened now shows in its review forms. */
	private String version() {
		return jdbc.sql("SELECT t.version FROM letter_thanks t JOIN letter l ON l.id = t.letter_id WHERE l.code = ?")
			.param(code)
			.query(Integer.class)
			.optional()
			.map(String::valueOf)
			.orElse("");
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM letter_thanks t JOIN letter l ON l.id = t.letter_id WHERE l.code = ?")
			.param(code)
			.query(Long.class)
			.single();
	}

	private long mails() {
		return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'donor@thanks.test' AND kind = 'thankYou'")
			.query(Long.class)
			.single();
	}

	private SignedInUser create(String email, Role role, Set<Integer> regions) {
		accounts.create(email, "parol-12345", "Test " + email, role, regions);
		return (SignedInUser) users.loadUserByUsername(email);
	}

}
