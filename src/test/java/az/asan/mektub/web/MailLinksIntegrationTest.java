package az.asan.mektub.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestMail;
import az.asan.mektub.account.Role;
import az.asan.mektub.adoption.HoldExpiry;
import az.asan.mektub.notification.OutboxSender;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mails of an adoption lead where they promise: the adoption's page (with its gift tag, whose QR
 * code leads back to the letter), the reminder before the due date, and the tree after a hold ran out.
 * (Confirmation, password reset, invitation and thank-you links are followed in the form tour.)
 */
@IntegrationTest
class MailLinksIntegrationTest extends CampaignTestBase {

	static final String DONOR = "mail.donor@maillinks.test";

	@Autowired
	OutboxSender outbox;

	@Autowired
	HoldExpiry holdExpiry;

	@BeforeEach
	void openATestCampaign() {
		if (jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?").param(DONOR).query(Long.class).single() == 0) {
			accounts.create(DONOR, "Uzun bir parol 2026", "Poçt Donoru", Role.DONOR, Set.of());
			jdbc.sql("UPDATE app_user SET email_confirmed_at = now() WHERE email = ?").param(DONOR).update();
		}
	}

	@Test
	void theAdoptionMailTheReminderAndTheHoldExpiredMailLeadToTheirPages() {
		String code = testLetters.published(campaign, Spec.of("Mətanət", 9));
		Visitor donor = Visitor.signedIn(mvc, users.loadUserByUsername(DONOR));
		donor.open("/letters/" + code).form("#adopt-form").submit();

		// adopted: the mail leads to the adoption, whose gift tag's QR code leads back to the letter
		Page adoption = donor.open(FormTourIntegrationTest.linkIn(mail("/me/adoptions/" + code), "/me/adoptions/" + code));
		assertThat(adoption.status()).isEqualTo(200);
		assertThat(adoption.document().select("h1")).isNotEmpty();
		Page tag = donor.open(adoption.document().selectFirst("a[href$=/tag]").attr("href"));
		assertThat(tag.document().select("button#print-tag[data-print]").text()).isEqualTo("Çap et");
		String printScript = tag.document().selectFirst("script[src*=/js/print]").attr("src");
		assertThat(donor.open(printScript).html()).contains("window.print()");
		String qr = QrImages.decode(donor.open(tag.document().selectFirst(".gift-tag-qr").attr("src")).html());
		Page scanned = Visitor.anonymous(mvc).open(QrImages.local(qr));
		assertThat(scanned.status()).isEqualTo(200);
		assertThat(scanned.document().select("#letter-taken")).isNotEmpty();

		// the local mailbox is in the menu, and its link to the adoption is a link that opens it
		Page mailbox = donor.open(donor.open("/me").document().selectFirst("#nav-mailbox").attr("href"));
		org.jsoup.nodes.Element link = mailbox.document().selectFirst(".mail-body a[href*=/me/adoptions/" + code + "]");
		assertThat(link).as(mailbox.html()).isNotNull();
		assertThat(link.text()).isEqualTo(link.attr("href"));
		assertThat(donor.open(java.net.URI.create(link.attr("href")).getRawPath()).status()).isEqualTo(200);

		// a reminder before the due date leads to the same page
		int before = TestMail.bodiesTo(DONOR).size();
		jdbc.sql("UPDATE letter SET due_date = current_date + 1, reminder_sent_at = NULL WHERE code = ?").param(code).update();
		holdExpiry.remind();
		String reminder = newMail(before);
		assertThat(donor.open(FormTourIntegrationTest.linkIn(reminder, "/me/adoptions/")).status()).isEqualTo(200);

		// a hold that ran out: the mail leads back to the tree
		before = TestMail.bodiesTo(DONOR).size();
		jdbc.sql("UPDATE letter SET due_date = current_date - 1 WHERE code = ?").param(code).update();
		holdExpiry.releaseExpired();
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("PUBLISHED");
		Page tree = Visitor.anonymous(mvc).open(FormTourIntegrationTest.linkIn(newMail(before), "/tree"));
		assertThat(tree.status()).isEqualTo(200);
		assertThat(tree.document().select("h1")).isNotEmpty();
	}

	private String mail(String containing) {
		for (int tries = 0; tries < 80; tries++) {
			outbox.sendPending();
			List<String> mail = TestMail.bodiesTo(DONOR);
			for (int i = mail.size() - 1; i >= 0; i--) {
				if (mail.get(i).contains(containing)) {
					return mail.get(i);
				}
			}
			pause();
		}
		throw new AssertionError("No mail with " + containing);
	}

	private String newMail(int before) {
		for (int tries = 0; tries < 80; tries++) {
			outbox.sendPending();
			List<String> mail = TestMail.bodiesTo(DONOR);
			if (mail.size() > before) {
				return mail.get(mail.size() - 1);
			}
			pause();
		}
		throw new AssertionError("No new mail to " + DONOR);
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
