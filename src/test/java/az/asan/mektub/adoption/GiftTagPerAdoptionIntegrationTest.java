package az.asan.mektub.adoption;

import java.util.Set;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A letter released back to the tree and adopted again gets a new gift tag code: the gift of the
 * earlier holder, carrying the old tag, is not taken for the new adoption at the desk.
 */
@IntegrationTest
class GiftTagPerAdoptionIntegrationTest extends CampaignTestBase {

	@Test
	void aLetterAdoptedAgainAfterItsHoldEndedGetsANewGiftTagAndTheOldOneIsRefused() throws Exception {
		String code = testLetters.published(campaign, TestLetters.Spec.of("Leyla", 8).region("AZ-GA"));
		SignedInUser first = donor("first.holder@tag.test");
		SignedInUser second = donor("second.holder@tag.test");

		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(first)));
		String oldTag = tag(code);
		mvc.perform(post("/me/adoptions/" + code + "/cancel").with(csrf()).with(user(first)));
		assertThat(status(code)).isEqualTo("PUBLISHED");

		mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(second)));
		assertThat(status(code)).isEqualTo("ADOPTED");
		String newTag = tag(code);
		assertThat(newTag).isNotEqualTo(oldTag);

		// the first holder's gift arrives at the desk with the old tag
		String point = jdbc.sql("SELECT min(id) FROM handover_point WHERE accepting").query(String.class).single();
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
		Page refused = volunteer.open("/volunteer/letters/" + code).form("#gift-form").set("tagCode", oldTag)
			.set("handoverPointId", point)
			.submit();
		assertThat(refused.messages()).contains("Hədiyyə etiketinin kodu bu məktuba uyğun gəlmir.");
		assertThat(status(code)).isEqualTo("ADOPTED");
		volunteer.open("/volunteer/letters/" + code).form("#gift-form").set("tagCode", newTag)
			.set("handoverPointId", point)
			.submit();
		assertThat(status(code)).isEqualTo("GIFT_RECEIVED");
	}

	private SignedInUser donor(String email) {
		accounts.create(email, "parol-12345", "Donor " + email, Role.DONOR, Set.of());
		return (SignedInUser) users.loadUserByUsername(email);
	}

	private String tag(String code) {
		return jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
	}

	private String status(String code) {
		return jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single();
	}

}
