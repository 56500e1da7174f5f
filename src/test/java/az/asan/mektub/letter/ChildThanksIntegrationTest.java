package az.asan.mektub.letter;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestImages;
import az.asan.mektub.TestLetters;
import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.privacy.ChildDataRetention;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

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
class ChildThanksIntegrationTest {

	static final String NOTE = "Çox sağ olun! Kitab çox gözəldir, hər gün oxuyuram.";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Letters letters;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	ChildDataRetention retention;

	long campaign;

	String code;

	SignedInUser donor;

	SignedInUser otherDonor;

	SignedInUser attacher;

	SignedInUser second;

	SignedInUser farAway;

	@BeforeEach
	void aFulfilledLetterOfGanja() {
		campaign = TestCampaigns.open(jdbc);
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

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM mail_outbox WHERE recipient LIKE '%@thanks.test'").update();
		jdbc.sql("DELETE FROM app_user WHERE email LIKE '%@thanks.test'").update();
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
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").with(csrf()).with(user(attacher)))
			.andExpect(redirectedUrl("/volunteer/letters/" + code))
			.andExpect(flash().attribute("failure", containsString("başqa bir könüllü")));
		assertThat(stored("status")).isEqualTo("PENDING");
		mvc.perform(get("/volunteer/letters/" + code).with(user(attacher)))
			.andExpect(content().string(allOf(containsString(NOTE), containsString("id=\"thanks-own\""),
					not(containsString("id=\"thanks-approve-form\"")))));

		// a volunteer of another region neither sees nor approves it
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").with(csrf()).with(user(farAway)))
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
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").with(csrf()).with(user(second)))
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
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").with(csrf()).with(user(second)))
			.andExpect(flash().attributeExists("failure"));
		assertThat(mails()).isEqualTo(1);
	}

	@Test
	void aNoteAloneIsEnoughAndARejectedOneSaysWhyAndCanBeReplaced() throws Exception {
		mvc.perform(attach(attacher, "Sağ olun!", null, true)).andExpect(flash().attributeExists("success"));

		// a rejection needs its reason
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/reject").param("reason", " ").with(csrf()).with(user(second)))
			.andExpect(flash().attribute("failure", containsString("səbəbini")));
		// the attacher cannot reject their own either
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/reject").param("reason", "Bulanıqdır")
			.with(csrf())
			.with(user(attacher))).andExpect(flash().attributeExists("failure"));
		assertThat(stored("status")).isEqualTo("PENDING");

		mvc.perform(post("/volunteer/letters/" + code + "/thanks/reject").param("reason", "Qeyd uşağın deyil")
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
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").with(csrf()).with(user(attacher)))
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

		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").with(csrf()).with(user(second)))
			.andExpect(flash().attributeExists("success"));

		assertThat(jdbc.sql("SELECT subject || ' ' || body FROM mail_outbox WHERE recipient = 'donor@thanks.test' AND kind = 'thankYou'")
			.query(String.class)
			.single()).contains("Aysel благодарит вас", "Aysel передала вам благодарность", "/me/adoptions/" + code);
	}

	@Test
	void retentionDeletesTheThankYouWithTheChildsPrivateData() throws Exception {
		mvc.perform(attach(attacher, NOTE, TestImages.jpeg(50, 40), true)).andExpect(flash().attributeExists("success"));
		mvc.perform(post("/volunteer/letters/" + code + "/thanks/approve").with(csrf()).with(user(second)))
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

	private int region(String isoCode) {
		return jdbc.sql("SELECT id FROM region WHERE code = ?").param(isoCode).query(Integer.class).single();
	}

	private SignedInUser create(String email, Role role, Set<Integer> regions) {
		accounts.create(email, "parol-12345", "Test " + email, role, regions);
		return (SignedInUser) users.loadUserByUsername(email);
	}

}
