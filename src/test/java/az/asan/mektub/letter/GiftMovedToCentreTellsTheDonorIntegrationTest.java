package az.asan.mektub.letter;

import java.util.Set;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.Role;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A gift moved to another centre at the desk: the donor's history says where it is now expected (not a
 * second "you adopted the letter"), in the reader's language, and the donor gets a mail naming it.
 */
@IntegrationTest
@RemovesPeople("%@moved.test")
class GiftMovedToCentreTellsTheDonorIntegrationTest extends IntegrationTestBase {

	@TestCampaign
	long campaign;

	@Test
	void theDonorsHistoryAndMailSayTheGiftIsNowExpectedAtTheNewCentre() throws Exception {
		// given: a Russian-reading donor holds a Gəncə child's letter and chose the Gəncə centre
		long ganja = point("AZ-GA");
		long baku = point("AZ-BA");
		accounts.create("reader@moved.test", "parol-12345", "Ирина Ахмедова", Role.DONOR, Set.of());
		jdbc.sql("UPDATE app_user SET language = 'ru' WHERE email = 'reader@moved.test'").update();
		Visitor donor = Visitor.signedIn(mvc, users.loadUserByUsername("reader@moved.test"));
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Lalə", 8).region("AZ-GA"));
		mvc.perform(post("/letters/" + code + "/adopt").with(csrf())
			.with(user(users.loadUserByUsername("reader@moved.test"))));
		jdbc.sql("UPDATE letter SET handover_point_id = ? WHERE code = ?").params(ganja, code).update();
		accounts.create("desk@moved.test", "merkez-parol-22", "Könüllü", Role.VOLUNTEER, Set.of(region("AZ-GA")));
		Visitor desk = Visitor.signedIn(mvc, users.loadUserByUsername("desk@moved.test"));

		// when: the desk moves the gift to Bakı 1
		Page moved = desk.open("/volunteer/handover/gifts/" + code).form("#move-gift-form")
			.set("handoverPointId", String.valueOf(baku)).submit();
		assertThat(moved.document().select(".alert-success")).as(moved.messages()).isNotEmpty();

		// then: the history says so in the reader's language, with the centre's name in it; one adoption only
		String az = donor.open("/me/adoptions/" + code).document().select("#donor-history").text();
		assertThat(az).contains("Hədiyyəni indi bu mərkəzdə gözləyirlər: Bakı 1");
		assertThat(az.split("Siz məktubu götürdünüz", -1)).hasSize(2);
		String ru = donor.speaking("ru").open("/me/adoptions/" + code).document().select("#donor-history").text();
		assertThat(ru).contains("Подарок теперь ждут в центре: Бакинский центр");
		assertThat(ru.split("Вы взяли письмо", -1)).hasSize(2);
		String en = donor.speaking("en").open("/me/adoptions/" + code).document().select("#donor-history").text();
		assertThat(en).contains("The gift is now expected at ");
		assertThat(en.split("You adopted the letter", -1)).hasSize(2);

		// and a mail in the donor's language names the new centre and links to the letter
		String mail = jdbc.sql("SELECT subject || ' ' || body FROM mail_outbox WHERE recipient = 'reader@moved.test' AND subject LIKE '%другом центре%'")
			.query(String.class)
			.single();
		assertThat(mail).contains("Ирина Ахмедова", "Lalə", "Бакинский центр", "/me/adoptions/" + code);
	}

}
