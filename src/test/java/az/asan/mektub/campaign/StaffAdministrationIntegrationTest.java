package az.asan.mektub.campaign;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.privacy.ChildDataRetention;
import az.asan.mektub.letter.query.LetterStatistics;
import az.asan.mektub.web.Visitor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StaffAdministrationIntegrationTest extends IntegrationTestBase {

	@Autowired
	ChildDataRetention retention;

	@Autowired
	LetterStatistics statistics;

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		TestPeople.remove(jdbc, "%@staff.test");
		jdbc.sql("DELETE FROM handover_point WHERE name_en LIKE 'Test point%'").update();
	}

	@Test
	void staffCreateACampaignOpenItAndCloseItAndAClosedCampaignTakesNoLetters() throws Exception {
		// bad input comes back with messages beside the fields
		mvc.perform(post("/admin/campaigns/new").with(csrf()).with(user(staff()))
			.param("code", "test kampaniya")
			.param("nameAz", "").param("nameEn", "X").param("nameRu", "X").param("kind", "SEASONAL")
			.param("startsOn", "2026-12-31").param("endsOn", "2026-12-01").param("minAge", "10").param("maxAge", "5")
			.param("ageReferenceDate", "2026-12-01").param("holdDays", "0").param("donorLimit", "3"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("campaignForm", "code", "nameAz", "holdDays", "datesInOrder", "agesInOrder"))
			.andExpect(content().string(containsString("Bitmə tarixi başlama tarixindən əvvəl ola bilməz")));

		mvc.perform(post("/admin/campaigns/new").with(csrf()).with(user(staff()))
			.param("code", "TEST-BQSI").param("nameAz", "Bir qəlbi də sən isit").param("nameEn", "Warm One More Heart")
			.param("nameRu", "Согрей ещё одно сердце").param("kind", "SEASONAL").param("startsOn", "2026-12-01")
			.param("endsOn", "2026-12-31").param("minAge", "3").param("maxAge", "14").param("ageReferenceDate", "2026-12-01")
			.param("holdDays", "10").param("donorLimit", "2").param("targetWishes", "300"))
			.andExpect(redirectedUrl("/admin/campaigns"));
		long id = jdbc.sql("SELECT id FROM campaign WHERE code = 'TEST-BQSI'").query(Long.class).single();
		assertThat(campaignStatus(id)).isEqualTo("PLANNED");

		closeThroughTheServedConfirmation(id);
		mvc.perform(post("/admin/campaigns/" + id + "/open").with(csrf()).with(user(staff())))
			.andExpect(flash().attribute("failure", containsString("Yalnız planlaşdırılmış")));
		assertThat(campaignStatus(id)).isEqualTo("CLOSED");

		// a closed campaign takes no new letters
		mvc.perform(post("/volunteer/letters/new").with(csrf())
			.with(user(users.loadUserByUsername("volunteer@demo.az")))
			.param("campaignId", String.valueOf(id)).param("firstName", "Aysel").param("surname", "Quliyeva")
			.param("birthDate", "2016-01-01").param("gender", "F")
			.param("regionId", jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-GA'").query(String.class).single())
			.param("careSetting", "FAMILY").param("contact", "Ana").param("originalWish", "Kitab").param("publicWish", "Kitab")
			.param("category", "BOOKS").param("estimatedCost", "10"))
			.andExpect(model().attributeHasFieldErrorCode("letterForm", "campaignId", "letter.campaign.closed"));
	}

	@Test
	void aClosedCampaignTakesNoAdoptions() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Səid", 8));
		closeThroughTheServedConfirmation(campaign);
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(users.loadUserByUsername("donor@demo.az"))))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("yeni öhdəlik qəbul etmir")));
	}

	@Test
	void staffKeepTheHandoverPoints() throws Exception {
		String region = jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-SA'").query(String.class).single();
		mvc.perform(post("/admin/handover-points/new").with(csrf()).with(user(staff())).param("regionId", region)
			.param("nameAz", "").param("nameEn", "Test point").param("nameRu", "Т").param("address", "").param("hours", "9-18"))
			.andExpect(model().attributeHasFieldErrors("handoverPointForm", "nameAz", "address"));
		mvc.perform(post("/admin/handover-points/new").with(csrf()).with(user(staff())).param("regionId", region)
			.param("nameAz", "Şəki 2").param("nameEn", "Test point Shaki 2").param("nameRu", "Шеки 2")
			.param("address", "Şəki, M.Ə. Rəsulzadə küç. 5").param("hours", "09:00–18:00").param("accepting", "true"))
			.andExpect(redirectedUrl("/admin/handover-points"));
		long id = jdbc.sql("SELECT id FROM handover_point WHERE name_en = 'Test point Shaki 2'").query(Long.class).single();
		mvc.perform(post("/admin/handover-points/" + id + "/edit").with(csrf()).with(user(staff())).param("regionId", region)
			.param("nameAz", "Şəki 2").param("nameEn", "Test point Shaki 2").param("nameRu", "Шеки 2")
			.param("address", "Şəki").param("hours", "09:00–18:00"))
			.andExpect(redirectedUrl("/admin/handover-points"));
		assertThat(jdbc.sql("SELECT accepting FROM handover_point WHERE id = ?").param(id).query(Boolean.class).single())
			.isFalse();
	}

	@Test
	void staffInviteAVolunteerAssignRegionsAndLockAndEveryChangeIsAudited() throws Exception {
		String ganja = jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-GA'").query(String.class).single();
		String shaki = jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-SA'").query(String.class).single();
		mvc.perform(post("/admin/users/new").with(csrf()).with(user(staff())).param("fullName", "Rauf Səfərli")
			.param("email", "rauf@staff.test").param("phone", "").param("regionIds", ganja))
			.andExpect(redirectedUrlPattern("/admin/users/*"));
		long id = TestPeople.id(jdbc, "rauf@staff.test");
		assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'rauf@staff.test'").query(String.class).single())
			.contains("/password/reset?token=");

		mvc.perform(post("/admin/users/" + id + "/regions").with(csrf()).with(user(staff())).param("regionIds", ganja, shaki))
			.andExpect(flash().attributeExists("success"));
		mvc.perform(post("/admin/users/" + id + "/lock").with(csrf()).with(user(staff())).param("locked", "true"));

		assertThat(jdbc.sql("SELECT action FROM audit_log WHERE target_id = ? ORDER BY id").param(id).query(String.class).list())
			.containsExactly("CREATED", "REGIONS", "LOCKED");
		assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE target_id = ? AND action = 'REGIONS'").param(id)
			.query(String.class).single()).isEqualTo("[AZ-GA] → [AZ-GA, AZ-SA]");
		assertThat(jdbc.sql("SELECT actor_id FROM audit_log WHERE target_id = ? AND action = 'LOCKED'").param(id)
			.query(Long.class).single()).isEqualTo(staff().id());
	}

	@Test
	void aLockedAccountCannotSignIn() throws Exception {
		accounts.create("locked@staff.test", "parol-12345", "Kilidli", Role.DONOR, Set.of());
		long id = TestPeople.id(jdbc, "locked@staff.test");
		mvc.perform(post("/admin/users/" + id + "/lock").with(csrf()).with(user(staff())).param("locked", "true"));
		mvc.perform(formLogin("/login").userParameter("email").user("locked@staff.test").password("parol-12345"))
			.andExpect(unauthenticated());
	}

	@Test
	void onlyAnAdministratorGrantsStaffAndStaffCannotTouchStaffAccounts() throws Exception {
		accounts.create("future@staff.test", "parol-12345", "Gələcək", Role.VOLUNTEER, Set.of());
		long id = TestPeople.id(jdbc, "future@staff.test");

		mvc.perform(post("/admin/users/" + id + "/role").with(csrf()).with(user(staff())).param("role", "STAFF")
			.accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
		assertThat(role(id)).isEqualTo("VOLUNTEER");

		mvc.perform(post("/admin/users/" + id + "/role").with(csrf())
			.with(user(users.loadUserByUsername("admin@demo.az"))).param("role", "STAFF"))
			.andExpect(flash().attributeExists("success"));
		assertThat(role(id)).isEqualTo("STAFF");
		assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE target_id = ? AND action = 'ROLE'").param(id)
			.query(String.class).single()).isEqualTo("VOLUNTEER → STAFF");

		// now a staff account: another staff member may not lock it
		mvc.perform(post("/admin/users/" + id + "/lock").with(csrf()).with(user(staff())).param("locked", "true")
			.accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
		// and nobody changes their own role
		mvc.perform(post("/admin/users/" + staff().id() + "/lock").with(csrf()).with(user(staff())).param("locked", "true"))
			.andExpect(flash().attributeExists("failure"));
	}

	@Test
	void retentionAnonymisesChildrenOfLongClosedCampaignsAndTheTotalsStay() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String code = testLetters.published(campaign,
				Spec.of("Vüsal", 9).privately("Məmmədli", LocalDate.of(2017, 3, 3), "Bakı, tel. 050 000 00 00"));
		long donor = TestPeople.id(jdbc, "donor1@example.az");
		testLetters.moveTo(code, LetterStatus.FULFILLED, donor);
		long fulfilledBefore = statistics.fresh().fulfilled();
		jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() - interval '25 months' WHERE id = ?")
			.param(campaign)
			.update();

		mvc.perform(post("/admin/retention/run").with(csrf()).with(user(staff())))
			.andExpect(flash().attribute("success", containsString("anonimləşdirildi")));

		assertThat(jdbc.sql("""
				SELECT (ch.surname IS NULL AND ch.birth_date IS NULL AND ch.contact IS NULL AND ch.anonymised_at IS NOT NULL
				        AND l.original_wish IS NULL)
				FROM letter l JOIN child ch ON ch.id = l.child_id WHERE l.code = ?""").param(code).query(Boolean.class).single())
			.isTrue();
		assertThat(jdbc.sql("SELECT first_name || ' ' || status FROM letter WHERE code = ?").param(code)
			.query(String.class).single()).isEqualTo("Vüsal FULFILLED");
		assertThat(statistics.fresh().fulfilled()).isEqualTo(fulfilledBefore);
		mvc.perform(get("/admin").with(user(staff()))).andExpect(content().string(containsString("data-job=\"retention\"")));
		// the demo campaigns closed (on their end dates) within the retention period kept their data
		assertThat(jdbc.sql("SELECT count(*) FROM child WHERE anonymised_at IS NOT NULL AND id IN "
				+ "(SELECT child_id FROM letter l JOIN campaign c ON c.id = l.campaign_id WHERE c.code LIKE 'AM-%' "
				+ "AND c.closed_at > now() - interval '24 months')")
			.query(Long.class)
			.single()).isZero();
	}

	/** Closing asks first: the list's button leads to the page whose form closes the campaign. */
	private void closeThroughTheServedConfirmation(long campaign) {
		Visitor.signedIn(mvc, staff()).open("/admin/campaigns/" + campaign + "/close")
			.formTo("/admin/campaigns/" + campaign + "/close")
			.submit();
	}

	private SignedInUser staff() {
		return (SignedInUser) users.loadUserByUsername("staff@demo.az");
	}

	private String campaignStatus(long campaign) {
		return jdbc.sql("SELECT status FROM campaign WHERE id = ?").param(campaign).query(String.class).single();
	}

	private String role(long id) {
		return jdbc.sql("SELECT role FROM app_user WHERE id = ?").param(id).query(String.class).single();
	}

}
