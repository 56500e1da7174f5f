package az.asan.mektub.tree;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPerson;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.web.QrImages;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter's public address lives as long as the letter, and every printed QR code leads somewhere
 * useful: the offer to adopt, a warm "taken" with letters still waiting, "the wish came true", or,
 * for a volunteer or staff member signed in, the letter's working page.
 */
@IntegrationTest
class PublicLetterPageIntegrationTest extends CampaignTestBase {

	@TestPerson("donor@demo.az")
	long donor;

	@Test
	void theGiftTagQrCodeOfAnAdoptedLetterOpensAPageSayingItIsTakenWithSimilarLettersAndNoPrivateData() {
		String code = testLetters.published(campaign, Spec.of("Xədicə", 8)
			.privately("Zərbəliyeva", LocalDate.of(2017, 4, 23), "Qarabağ küç. 17, tel. +994 12 345 67 89"));
		String waiting = testLetters.published(campaign, Spec.of("Nərmin", 9));
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);

		// the donor prints the gift tag and someone scans it
		Visitor holder = Visitor.signedIn(mvc, users.loadUserByUsername("donor@demo.az"));
		Page tag = holder.open("/me/adoptions/" + code + "/tag");
		String qrAddress = QrImages.decode(holder.open(tag.document().selectFirst(".gift-tag-qr").attr("src")).html());
		assertThat(qrAddress).endsWith("/letters/" + code + "?qr");

		for (Visitor scanner : new Visitor[] { Visitor.anonymous(mvc), holder }) {
			Page page = scanner.open(QrImages.local(qrAddress));
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.url()).startsWith("/letters/" + code);
			assertThat(page.document().select("#letter-taken")).isNotEmpty();
			assertThat(page.text()).contains("Bu arzu artıq öz donorunu tapıb").contains("Xədicə");
			assertThat(page.document().select("#adopt-form")).isEmpty();
			assertThat(page.document().select("#similar a[href=/letters/" + waiting + "]")).isNotEmpty();
			assertThat(page.html()).doesNotContain("Zərbəliyeva", "23.04.2017", "Qarabağ küç", "345 67 89");
		}
		assertThat(Visitor.anonymous(mvc).speaking("en").open("/letters/" + code).text())
			.contains("This wish has found its donor");
		assertThat(Visitor.anonymous(mvc).speaking("ru").open("/letters/" + code).text())
			.contains("У этого желания уже есть даритель");
	}

	@Test
	void theDonorHoldingALetterIsNotToldOnItsKeptPageThatItFoundItsDonorWhileEveryoneElseIs() {
		String adopted = testLetters.published(campaign, Spec.of("Səbinə", 8));
		testLetters.moveTo(adopted, LetterStatus.ADOPTED, donor);
		String giftIn = testLetters.published(campaign, Spec.of("Tural", 9));
		testLetters.moveTo(giftIn, LetterStatus.GIFT_RECEIVED, donor);
		Visitor holder = Visitor.signedIn(mvc, users.loadUserByUsername("donor@demo.az"));
		Visitor other = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));

		for (String code : new String[] { adopted, giftIn }) {
			// in both orders, the kept page never carries one reader's words to the other
			for (Visitor first : new Visitor[] { holder, other, holder }) {
				Page page = first.open("/letters/" + code);
				if (first == holder) {
					assertThat(page.text()).as(code).doesNotContain("Aşağıdakı uşaqlar hələ də öz donorlarını gözləyir")
						.contains("bu donor sizsiniz");
					assertThat(page.document().select("#letter-taken")).hasSize(1);
				}
				else {
					assertThat(page.text()).as(code).contains("Aşağıdakı uşaqlar hələ də öz donorlarını gözləyir")
						.doesNotContain("bu donor sizsiniz");
				}
				assertThat(page.html()).doesNotContain("asan-part-");
			}
			assertThat(Visitor.anonymous(mvc).open("/letters/" + code).text())
				.contains("Aşağıdakı uşaqlar hələ də öz donorlarını gözləyir").doesNotContain("bu donor sizsiniz");
		}
		assertThat(holder.open("/letters/" + adopted).document().select("#letter-yours")).isNotEmpty();
		assertThat(holder.speaking("en").open("/letters/" + adopted).text()).contains("This wish has found its donor: you.")
			.doesNotContain("The children below are still waiting");
	}

	@Test
	void aGiftOnItsWayAndAFulfilledWishKeepTheirPagesAndWithdrawnOrUnpublishedLettersHaveNone() {
		String onItsWay = testLetters.published(campaign, Spec.of("Aydan", 6));
		testLetters.moveTo(onItsWay, LetterStatus.GIFT_RECEIVED, donor);
		String fulfilled = testLetters.published(campaign, Spec.of("Murad", 11));
		testLetters.moveTo(fulfilled, LetterStatus.FULFILLED, donor);
		String withdrawn = testLetters.published(campaign, Spec.of("Fidan", 8));
		testLetters.moveTo(withdrawn, LetterStatus.WITHDRAWN, donor);
		String received = testLetters.published(campaign, Spec.of("Rəna", 7));
		jdbc.sql("UPDATE letter SET status = 'RECEIVED' WHERE code = ?").param(received).update();

		Visitor visitor = Visitor.anonymous(mvc);
		assertThat(visitor.open("/letters/" + onItsWay).document().select("#letter-taken")).isNotEmpty();
		Page done = visitor.open("/letters/" + fulfilled);
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.text()).contains("Bu arzu gerçəkləşdi");
		assertThat(done.document().select("#adopt-form")).isEmpty();
		assertThat(visitor.open("/letters/" + withdrawn).status()).isEqualTo(404);
		assertThat(visitor.open("/letters/" + received).status()).isEqualTo(404);
	}

	@Test
	void aVolunteerOrStaffMemberScanningATagLandsOnTheWorkingPageOfALetterInTheirRegions() {
		String code = testLetters.published(campaign, Spec.of("Leyla", 10).region("AZ-GA"));
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);
		String elsewhere = testLetters.published(campaign, Spec.of("Orxan", 10).region("AZ-LAN"));
		testLetters.moveTo(elsewhere, LetterStatus.ADOPTED, donor);
		String qr = QrImages.local(QrImages.decode(Visitor.anonymous(mvc).open("/letters/" + code + "/qr.svg").html()));

		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
		Page working = volunteer.open(qr);
		assertThat(working.url()).isEqualTo("/volunteer/letters/" + code);
		assertThat(working.document().select("#gift-form")).as("the next step, one press away").isNotEmpty();

		Page staffPage = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).open(qr);
		assertThat(staffPage.url()).isEqualTo("/volunteer/letters/" + code);

		// a letter of another region: the public page, never another region's private page
		Page other = volunteer.open("/letters/" + elsewhere + "?qr");
		assertThat(other.url()).startsWith("/letters/" + elsewhere);
		assertThat(other.document().select("#letter-taken")).isNotEmpty();
		// and the volunteer's own link to the public page shows the public page
		assertThat(volunteer.open("/letters/" + code).url()).isEqualTo("/letters/" + code);
	}

	@Test
	void theTreeTagOfALetterOnTheTreeSaysToHangItOnTheTreeAndItsQrCodeOffersAdoption() {
		String code = testLetters.published(campaign, Spec.of("Nigar", 7).region("AZ-GA"));
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));

		Page tag = volunteer.open("/volunteer/letters/" + code + "/tag");
		assertThat(tag.text()).contains("məktub ağacından asın").doesNotContain("hədiyyəyə yapışdırın");
		assertThat(tag.document().title()).contains("Ağac etiketi");
		assertThat(tag.document().select("button#print-tag[data-print]").text()).isEqualTo("Çap et");
		assertThat(tag.document().select("script[src*=/js/print]")).hasSize(1);
		assertThat(Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az")).speaking("en")
			.open("/volunteer/letters/" + code + "/tag").text()).contains("hang it on the letter tree");

		String qr = QrImages.decode(volunteer.open(tag.document().selectFirst(".gift-tag-qr").attr("src")).html());
		Page offer = Visitor.anonymous(mvc).open(QrImages.local(qr));
		assertThat(offer.status()).isEqualTo(200);
		assertThat(offer.document().select("#adopt-form")).isNotEmpty();
	}

}
