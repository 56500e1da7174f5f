package az.asan.mektub.adoption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestLetters;
import az.asan.mektub.account.Account;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@RemovesPeople("%@adopt.test")
class AdoptionIntegrationTest extends CampaignTestBase {

	@Autowired
	HoldExpiry expiry;

	@Test
	void fiftyDonorsPressingAtOnceGiveExactlyOneAdoptionAndFortyNineClearRefusals() throws Exception {
		// given
		String code = testLetters.published(campaign, TestLetters.Spec.of("Nigar", 8));
		List<SignedInUser> donors = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			donors.add(donor("rush" + i + "@adopt.test"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcResult>> results = new ArrayList<>();

		// when
		for (SignedInUser donor : donors) {
			results.add(pool.submit(() -> {
				start.await();
				return mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor))).andReturn();
			}));
		}
		start.countDown();
		int won = 0;
		int refused = 0;
		for (Future<MvcResult> result : results) {
			MvcResult r = result.get();
			if (r.getResponse().getStatus() == 302) {
				assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/me/adoptions/" + code);
				won++;
			}
			else {
				assertThat(r.getResponse().getStatus()).isEqualTo(409);
				assertThat(r.getResponse().getContentAsString()).contains("id=\"taken\"")
					.contains("başqa donor götürdü");
				refused++;
			}
		}
		pool.shutdown();

		// then
		assertThat(won).isEqualTo(1);
		assertThat(refused).isEqualTo(49);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				WHERE l.code = ? AND h.to_status = 'ADOPTED'""").param(code).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("ADOPTED");
	}

	@Test
	void theTakenPageOffersSimilarLetters() throws Exception {
		String code = testLetters.published(campaign, TestLetters.Spec.of("Lalə", 8));
		String similar = testLetters.published(campaign, TestLetters.Spec.of("Sevinc", 9));
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor("first@adopt.test"))));

		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor("second@adopt.test"))))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("/letters/" + similar)));
	}

	@Test
	void aDonorHoldsAtMostTheCampaignsLimitAndAnOrganisationItsOwn() throws Exception {
		SignedInUser donor = donor("limit@adopt.test");
		for (int i = 0; i < 3; i++) {
			String code = testLetters.published(campaign, TestLetters.Spec.of("Uşaq" + i, 8));
			mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)))
				.andExpect(redirectedUrl("/me/adoptions/" + code));
		}
		String fourth = testLetters.published(campaign, TestLetters.Spec.of("Dördüncü", 8));
		mvc.perform(post("/letters/" + fourth + "/adopt").with(csrf()).with(user(donor)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("ən çox 3 məktub")));
		assertThat(statusOf(fourth)).isEqualTo("PUBLISHED");

		// an organisation flagged by staff with a limit of 5
		SignedInUser company = donor("company@adopt.test");
		jdbc.sql("UPDATE app_user SET organisation = true, adoption_limit = 5 WHERE id = ?").param(company.id()).update();
		for (int i = 0; i < 5; i++) {
			String code = testLetters.published(campaign, TestLetters.Spec.of("Şirkət" + i, 8));
			mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(company)))
				.andExpect(redirectedUrl("/me/adoptions/" + code));
		}
		String sixth = testLetters.published(campaign, TestLetters.Spec.of("Altıncı", 8));
		mvc.perform(post("/letters/" + sixth + "/adopt").with(csrf()).with(user(company)))
			.andExpect(status().isConflict());
	}

	@Test
	void oneDonorPressingSixLettersAtOnceHoldsExactlyTheLimit() throws Exception {
		// given: a donor who may hold 3 letters of the campaign, and six letters on the tree
		SignedInUser donor = donor("six-tabs@adopt.test");
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			codes.add(testLetters.published(campaign, TestLetters.Spec.of("Tab" + i, 8)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(6);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcResult>> results = new ArrayList<>();

		// when: six tabs press "adopt" at the same moment
		for (String code : codes) {
			results.add(pool.submit(() -> {
				start.await();
				return mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor))).andReturn();
			}));
		}
		start.countDown();
		int won = 0;
		for (Future<MvcResult> result : results) {
			MvcResult r = result.get();
			if (r.getResponse().getStatus() == 302) {
				won++;
			}
			else {
				assertThat(r.getResponse().getStatus()).isEqualTo(409);
				assertThat(r.getResponse().getContentAsString()).contains("ən çox 3 məktub");
			}
		}
		pool.shutdown();

		// then
		assertThat(won).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE donor_id = ? AND status = 'ADOPTED'")
			.param(donor.id())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void everyAdoptionRedirectsThroughOneViewNameWhichTheViewCacheKeeps() throws Exception {
		// given
		SignedInUser donor = donor("one-view@adopt.test");
		for (String name : List.of("Aygün", "Rəşad")) {
			String code = testLetters.published(campaign, TestLetters.Spec.of(name, 8));
			// when / then: the letter's code goes into the address, not into the view's name
			mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)))
				.andExpect(view().name("redirect:/me/adoptions/{code}"))
				.andExpect(redirectedUrl("/me/adoptions/" + code));
		}
	}

	@Test
	void theHoldRunsForTheHoldDaysButNeverPastTheCampaignsEnd() throws Exception {
		SignedInUser donor = donor("due@adopt.test");
		String code = testLetters.published(campaign, TestLetters.Spec.of("Aylin", 8));
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)));
		LocalDate today = LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU);
		LocalDate end = LocalDate.of(today.getYear(), 12, 31);
		LocalDate expected = today.plusDays(14).isAfter(end) ? end : today.plusDays(14);
		assertThat(jdbc.sql("SELECT due_date FROM letter WHERE code = ?").param(code).query(LocalDate.class).single())
			.isEqualTo(expected);

		jdbc.sql("UPDATE campaign SET ends_on = ? WHERE id = ?").params(today.plusDays(2), campaign).update();
		String second = testLetters.published(campaign, TestLetters.Spec.of("Fidan", 8));
		mvc.perform(post("/letters/" + second + "/adopt").with(csrf()).with(user(donor)));
		assertThat(jdbc.sql("SELECT due_date FROM letter WHERE code = ?").param(second).query(LocalDate.class).single())
			.isEqualTo(today.plusDays(2));
	}

	@Test
	void aDonorWhoseAddressIsNotConfirmedMayBrowseButNotAdopt() throws Exception {
		Account unconfirmed = accounts.create("unconfirmed@adopt.test", "parol-12345", "Təsdiqsiz", Role.DONOR, Set.of());
		jdbc.sql("UPDATE app_user SET email_confirmed_at = NULL WHERE id = ?").param(unconfirmed.getId()).update();
		String code = testLetters.published(campaign, TestLetters.Spec.of("Zəhra", 8));

		mvc.perform(post("/letters/" + code + "/adopt").with(csrf())
			.with(user(users.loadUserByUsername("unconfirmed@adopt.test"))))
			.andExpect(redirectedUrl("/me"))
			.andExpect(flash().attribute("failure", containsString("e-poçt ünvanınızı təsdiqləyin")));
		assertThat(statusOf(code)).isEqualTo("PUBLISHED");
	}

	@Test
	void aVisitorPressingAdoptIsAskedToSignInAndComesBackToTheLetter() throws Exception {
		String code = testLetters.published(campaign, TestLetters.Spec.of("Günay", 8));
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf())).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/letters/" + code + "/adopt").with(user(donor("back@adopt.test"))))
			.andExpect(redirectedUrl("/letters/" + code));
	}

	@Test
	void theDonorChoosesAPointPrintsTheTagSeesItInMyLettersAndMayCancel() throws Exception {
		SignedInUser donor = donor("journey@adopt.test");
		String code = testLetters.published(campaign, TestLetters.Spec.of("Mədinə", 7));
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)));
		String tag = jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
		String point = jdbc.sql("SELECT min(id) FROM handover_point WHERE accepting").query(String.class).single();

		mvc.perform(get("/me/adoptions/" + code).with(user(donor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag)));
		mvc.perform(post("/me/adoptions/" + code + "/handover-point").param("handoverPointId", point)
			.with(csrf())
			.with(user(donor))).andExpect(flash().attributeExists("success"));
		mvc.perform(get("/me/adoptions/" + code + "/tag").with(user(donor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/letters/" + code + "/qr.svg")))
			.andExpect(content().string(containsString(tag)));
		mvc.perform(get("/letters/" + code + "/qr.svg")).andExpect(status().isOk())
			.andExpect(content().contentType("image/svg+xml"));
		mvc.perform(get("/me/adoptions").with(user(donor)))
			.andExpect(content().string(containsString("data-code=\"" + code + "\"")));

		// another donor cannot see or cancel it
		SignedInUser stranger = donor("stranger@adopt.test");
		mvc.perform(get("/me/adoptions/" + code).with(user(stranger))).andExpect(status().isNotFound());
		mvc.perform(post("/me/adoptions/" + code + "/cancel").with(csrf()).with(user(stranger)))
			.andExpect(status().isNotFound());

		mvc.perform(post("/me/adoptions/" + code + "/cancel").with(csrf()).with(user(donor)))
			.andExpect(redirectedUrl("/me/adoptions"));
		assertThat(statusOf(code)).isEqualTo("PUBLISHED");
		assertThat(jdbc.sql("""
				SELECT h.note FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				WHERE l.code = ? ORDER BY h.id DESC LIMIT 1""").param(code).query(String.class).single())
			.isEqualTo("CANCELLED_BY_DONOR");
	}

	@Test
	void aMessageToTheChildWaitsForAVolunteerAndCarriesNoContact() throws Exception {
		SignedInUser donor = donor("note@adopt.test");
		String code = testLetters.published(campaign, TestLetters.Spec.of("Nərmin", 7).region("AZ-GA"));
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)));

		mvc.perform(post("/me/adoptions/" + code + "/message").param("text", "Zəng et: +994 55 123 45 67")
			.with(csrf())
			.with(user(donor))).andExpect(flash().attribute("failure", containsString("telefon")));
		// nor a handle, a link, or a phone number spelled out in words
		for (String contact : new String[] { "Instagramda yaz: @nermin_dost", "Mənə yaz: t.me/dost",
				"Zəng et: sıfır əlli beş, bir iki üç, qırx beş, altmış yeddi" }) {
			mvc.perform(post("/me/adoptions/" + code + "/message").param("text", contact)
				.with(csrf())
				.with(user(donor))).andExpect(flash().attribute("failure", containsString("sosial şəbəkə")));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM donor_message m JOIN letter l ON l.id = m.letter_id WHERE l.code = ?")
			.param(code)
			.query(Long.class)
			.single()).isZero();
		mvc.perform(post("/me/adoptions/" + code + "/message").param("text", "Yeni ilin mübarək, Nərmin!")
			.with(csrf())
			.with(user(donor))).andExpect(flash().attributeExists("success"));

		SignedInUser volunteer = (SignedInUser) users.loadUserByUsername("volunteer@demo.az");
		long id = jdbc.sql("SELECT m.id FROM donor_message m JOIN letter l ON l.id = m.letter_id WHERE l.code = ?")
			.param(code)
			.query(Long.class)
			.single();
		mvc.perform(get("/volunteer/letters/" + code).with(user(volunteer)))
			.andExpect(content().string(containsString("Yeni ilin mübarək")));
		mvc.perform(post("/volunteer/letters/" + code + "/messages/" + id).param("approve", "true")
			.with(csrf())
			.with(user(volunteer))).andExpect(flash().attributeExists("success"));
		assertThat(jdbc.sql("SELECT status FROM donor_message WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("APPROVED");
		// nothing of it reaches the public page
		mvc.perform(post("/me/adoptions/" + code + "/cancel").with(csrf()).with(user(donor)));
		mvc.perform(get("/letters/" + code)).andExpect(content().string(org.hamcrest.Matchers.not(containsString("mübarək"))));
	}

	@Test
	void expiryReleasesAHoldOnceEvenWithTwoSchedulersAndTellsTheDonor() throws Exception {
		SignedInUser donor = donor("late@adopt.test");
		String code = testLetters.published(campaign, TestLetters.Spec.of("Xədicə", 6));
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)));
		jdbc.sql("UPDATE letter SET due_date = current_date - 2 WHERE code = ?").param(code).update();

		// when: two nodes run the job at the same moment
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(nodes.submit(() -> {
				start.await();
				expiry.releaseExpired();
				return null;
			}));
		}
		start.countDown();
		for (Future<?> run : runs) {
			run.get();
		}
		nodes.shutdown();
		// and a later run finds nothing left to do
		expiry.releaseExpired();

		// then
		assertThat(statusOf(code)).isEqualTo("PUBLISHED");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				WHERE l.code = ? AND h.note = 'HOLD_EXPIRED'""").param(code).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'late@adopt.test' AND body LIKE '%Xədicənin məktubu%ağaca qaytarıldı%'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theAdoptionIsConfirmedByMailWithTheTagCodeAndDueDate() throws Exception {
		SignedInUser donor = donor("mail@adopt.test");
		String code = testLetters.published(campaign, TestLetters.Spec.of("Sevinc", 10));
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)))
			.andExpect(redirectedUrlPattern("/me/adoptions/*"));
		String tag = jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
		assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'mail@adopt.test'").query(String.class).list())
			.anySatisfy(body -> assertThat(body).contains(tag).contains("Sevinc").contains("/me/adoptions/" + code));
	}

	@Test
	void aDonorIsRemindedOnceAFewDaysBeforeTheDueDate() throws Exception {
		SignedInUser donor = donor("remind@adopt.test");
		String code = testLetters.published(campaign, TestLetters.Spec.of("Aynur", 11));
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor)));
		jdbc.sql("UPDATE letter SET due_date = current_date + 2 WHERE code = ?").param(code).update();

		expiry.remind();
		expiry.remind();

		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'remind@adopt.test' AND subject LIKE 'Xatırlatma%'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private SignedInUser donor(String email) {
		accounts.create(email, "parol-12345", "Donor " + email, Role.DONOR, Set.of());
		return (SignedInUser) users.loadUserByUsername(email);
	}

}
