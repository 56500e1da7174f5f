package az.asan.mektub.adoption;

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
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.privacy.ChildDataRetention;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A citizen takes a tag off a centre's paper tree and the volunteer at the desk records the adoption:
 * the letter leaves every tree at once, the first of a walk-in and an online adoption wins, and the
 * walk-in donor's name and phone stay on volunteers' pages until retention removes them.
 */
@IntegrationTest
@RemovesPeople("%@walkin.test")
class WalkInAdoptionIntegrationTest extends CampaignTestBase {

	static final String NAME = "Rauf Qəniyev";

	static final String PHONE = "+994 55 123 45 67";

	@Autowired
	ChildDataRetention retention;

	@Test
	void aScannedTagIsAdoptedAtTheDeskWithAReceiptAndLeavesEveryTree() {
		// given
		String code = testLetters.published(campaign, Spec.of("Nərmin", 7));
		long ganja = point("AZ-GA");
		Visitor volunteer = volunteer();

		// when: the tag's QR code leads the signed-in volunteer to the letter, and on to the desk form
		Page letterPage = volunteer.open("/letters/" + code + "?qr");
		assertThat(letterPage.url()).isEqualTo("/volunteer/letters/" + code);
		Page form = volunteer.open(letterPage.document().selectFirst("#walk-in-link").attr("href"));
		assertThat(form.form("#walk-in-form").value("code")).isEqualTo(code);
		Page receipt = form.form("#walk-in-form")
			.set("donorName", NAME)
			.set("donorPhone", PHONE)
			.set("handoverPointId", String.valueOf(ganja))
			.submit();

		// then
		assertThat(receipt.url()).isEqualTo("/volunteer/walk-in/" + code + "/receipt");
		String giftTag = jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
		assertThat(receipt.document().select(".gift-tag-tagcode").text()).isEqualTo(giftTag);
		assertThat(receipt.document().select("#walk-in-donor").text()).contains(NAME).contains(PHONE);
		assertThat(receipt.document().select("#walk-in-done").text()).contains("Nərmin");
		assertThat(jdbc.sql("""
				SELECT status || ' ' || walk_in || ' ' || coalesce(donor_id::text, '-') || ' ' || walk_in_point_id
				FROM letter WHERE code = ?""").param(code).query(String.class).single())
			.isEqualTo("ADOPTED true - " + ganja);
		Visitor visitor = Visitor.anonymous(mvc);
		assertThat(visitor.open("/tree").html()).doesNotContain(code);
		Page publicPage = visitor.open("/letters/" + code);
		assertThat(publicPage.document().select("#letter-taken")).isNotEmpty();
		assertThat(publicPage.html()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("Rauf");

		// a second citizen with a copy of the same tag is told clearly
		Page again = volunteer.open("/volunteer/walk-in?code=" + code).form("#walk-in-form")
			.set("donorName", "Başqa Adam")
			.set("donorPhone", "050 111 22 33")
			.set("handoverPointId", String.valueOf(ganja))
			.submit();
		assertThat(again.document().select("#form-errors").text()).contains("Bu məktubu artıq başqası götürüb");
		assertThat(jdbc.sql("SELECT walk_in_name FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo(NAME);
	}

	@Test
	void anUnknownCodeAndABadPhoneAreRefusedAndNothingChanges() {
		String code = testLetters.published(campaign, Spec.of("Tural", 9));
		String lankaran = testLetters.published(campaign, Spec.of("Kamran", 9).region("AZ-LAN"));
		Visitor volunteer = volunteer().speaking("en");

		Page unknown = volunteer.open("/volunteer/walk-in").form("#walk-in-form")
			.set("code", "ZZZZZZZZZZZZ")
			.set("donorName", NAME)
			.set("donorPhone", PHONE)
			.set("handoverPointId", String.valueOf(point("AZ-GA")))
			.submit();
		assertThat(unknown.document().select("#form-errors").text()).contains("No letter in your regions has this code.");

		Page otherRegion = volunteer.open("/volunteer/walk-in").form("#walk-in-form")
			.set("code", lankaran.toLowerCase())
			.set("donorName", NAME)
			.set("donorPhone", PHONE)
			.set("handoverPointId", String.valueOf(point("AZ-GA")))
			.submit();
		assertThat(otherRegion.document().select("#form-errors").text()).contains("No letter in your regions has this code.");

		Page badPhone = volunteer.open("/volunteer/walk-in").form("#walk-in-form")
			.set("code", code)
			.set("donorName", NAME)
			.set("donorPhone", "call me")
			.set("handoverPointId", String.valueOf(point("AZ-GA")))
			.submit();
		assertThat(badPhone.document().select("#donorPhone-errors").text()).isNotBlank();
		assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE code IN (?, ?) AND status = 'PUBLISHED'")
			.params(code, lankaran).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aWalkInAndAnOnlineAdoptionOfOneLetterAtOnceHaveExactlyOneWinner() throws Exception {
		accounts.create("race@walkin.test", "parol-12345", "Race Donor", Role.DONOR, Set.of());
		SignedInUser donor = (SignedInUser) users.loadUserByUsername("race@walkin.test");
		SignedInUser volunteer = (SignedInUser) users.loadUserByUsername("volunteer@demo.az");
		long ganja = point("AZ-GA");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				String code = testLetters.published(campaign, Spec.of("Aysel", 6));
				CountDownLatch start = new CountDownLatch(1);
				Future<MvcResult> online = pool.submit(() -> {
					start.await();
					return mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor))).andReturn();
				});
				Future<MvcResult> walkIn = pool.submit(() -> {
					start.await();
					return mvc.perform(post("/volunteer/walk-in").with(csrf()).with(user(volunteer))
						.param("code", code)
						.param("donorName", NAME)
						.param("donorPhone", PHONE)
						.param("handoverPointId", String.valueOf(ganja))).andReturn();
				});
				start.countDown();
				boolean onlineWon = online.get().getResponse().getStatus() == 302;
				MvcResult desk = walkIn.get();
				boolean walkInWon = desk.getResponse().getStatus() == 302;

				assertThat(onlineWon ^ walkInWon).as("exactly one winner in round " + round).isTrue();
				if (onlineWon) {
					assertThat(desk.getResponse().getContentAsString()).contains("Bu məktubu artıq başqası götürüb");
				}
				else {
					assertThat(online.get().getResponse().getContentAsString()).contains("id=\"taken\"");
				}
				assertThat(jdbc.sql("""
						SELECT count(*) FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
						WHERE l.code = ? AND h.to_status = 'ADOPTED'""").param(code).query(Long.class).single()).isEqualTo(1);
				assertThat(jdbc.sql("SELECT (donor_id IS NOT NULL) <> walk_in FROM letter WHERE code = ?").param(code)
					.query(Boolean.class).single()).isTrue();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void retentionAnonymisesTheWalkInDonorsNameAndPhoneAndKeepsTheWalkInForTheFigures() {
		String code = testLetters.published(campaign, Spec.of("Vüsal", 9));
		volunteer().open("/volunteer/walk-in?code=" + code).form("#walk-in-form")
			.set("donorName", NAME)
			.set("donorPhone", PHONE)
			.set("handoverPointId", String.valueOf(point("AZ-GA")))
			.submit();
		jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() - interval '25 months' WHERE id = ?")
			.param(campaign)
			.update();

		retention.run();

		assertThat(jdbc.sql("""
				SELECT walk_in AND walk_in_name IS NULL AND walk_in_phone IS NULL FROM letter WHERE code = ?""")
			.param(code).query(Boolean.class).single()).isTrue();
	}

	private Visitor volunteer() {
		return Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
	}

}
