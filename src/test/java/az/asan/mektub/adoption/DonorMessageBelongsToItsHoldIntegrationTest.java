package az.asan.mektub.adoption;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.privacy.ChildDataRetention;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A donor's message to the child belongs to the donor and the hold it was written in: when the hold
 * ends without a gift, the next donor of the letter never sees it as theirs and no volunteer can
 * approve it for another donor's gift.
 */
@IntegrationTest
class DonorMessageBelongsToItsHoldIntegrationTest extends IntegrationTestBase {

	static final String NOTE = "Salam, Fidan! Bu hədiyyə səndən ötrü";

	@Autowired
	HoldExpiry expiry;

	@Autowired
	ChildDataRetention retention;

	long campaign;

	String code;

	SignedInUser first;

	SignedInUser next;

	@BeforeEach
	void aDonorHoldsALetterAndWritesToTheChild() throws Exception {
		campaign = TestCampaigns.open(jdbc);
		code = new TestLetters(letters, tx, jdbc).published(campaign, TestLetters.Spec.of("Fidan", 8).region("AZ-GA"));
		first = donor("first@hold-note.test");
		next = donor("next@hold-note.test");
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(first)));
		mvc.perform(post("/me/adoptions/" + code + "/message").param("text", NOTE).with(csrf()).with(user(first)))
			.andExpect(flash().attributeExists("success"));
		mvc.perform(get("/me/adoptions/" + code).with(user(first))).andExpect(content().string(containsString(NOTE)));
	}

	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM donor_message WHERE donor_id IN (SELECT id FROM app_user WHERE email LIKE '%@hold-note.test')")
			.update();
		TestPeople.remove(jdbc, "%@hold-note.test");
	}

	@Test
	void theMessageGoesWhenTheDonorGivesTheLetterBack() throws Exception {
		mvc.perform(post("/me/adoptions/" + code + "/cancel").with(csrf()).with(user(first)))
			.andExpect(redirectedUrl("/me/adoptions"));

		theNextDonorAndTheVolunteerNeverSeeIt();
	}

	@Test
	void theMessageGoesWhenTheHoldExpires() throws Exception {
		jdbc.sql("UPDATE letter SET due_date = current_date - 3 WHERE code = ?").param(code).update();

		expiry.releaseExpired();

		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("PUBLISHED");
		theNextDonorAndTheVolunteerNeverSeeIt();
	}

	@Test
	void theMessageGoesWhenTheDonorDeletesTheirAccount() throws Exception {
		mvc.perform(post("/me/delete").param("password", "parol-12345").with(csrf()).with(user(first)))
			.andExpect(redirectedUrl("/?deleted"));

		theNextDonorAndTheVolunteerNeverSeeIt();
	}

	/**
	 * Retention anonymising the child takes the donor's message with the rest (issue 24.3: the letter
	 * module announces it, adoption deletes its own rows in the same transaction).
	 */
	@Test
	void theMessageGoesWhenRetentionAnonymisesTheChild() {
		jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() - interval '25 months' WHERE id = ?")
			.param(campaign)
			.update();

		retention.run();

		assertThat(jdbc.sql("SELECT ch.anonymised_at IS NOT NULL FROM letter l JOIN child ch ON ch.id = l.child_id WHERE l.code = ?")
			.param(code)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM donor_message m JOIN letter l ON l.id = m.letter_id WHERE l.code = ?")
			.param(code)
			.query(Long.class)
			.single()).isZero();
	}

	private void theNextDonorAndTheVolunteerNeverSeeIt() throws Exception {
		assertThat(jdbc.sql("SELECT count(*) FROM donor_message m JOIN letter l ON l.id = m.letter_id WHERE l.code = ?")
			.param(code)
			.query(Long.class)
			.single()).isZero();
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(next)))
			.andExpect(redirectedUrl("/me/adoptions/" + code));
		mvc.perform(get("/me/adoptions/" + code).with(user(next)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(NOTE))))
			.andExpect(content().string(not(containsString("Yoxlanılır"))));
		SignedInUser volunteer = (SignedInUser) users.loadUserByUsername("volunteer@demo.az");
		mvc.perform(get("/volunteer/letters/" + code).with(user(volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(NOTE))));
	}

	private SignedInUser donor(String email) {
		accounts.create(email, "parol-12345", "Donor " + email, Role.DONOR, Set.of());
		return (SignedInUser) users.loadUserByUsername(email);
	}

}
