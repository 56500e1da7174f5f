package az.asan.mektub.letter;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At a handover point the volunteer types or scans a gift's tag code and lands on the letter's
 * "gift received" step with the code filled in; a wrong code is said plainly; each point has a daily
 * list of gifts expected and gifts received but not yet delivered.
 */
@IntegrationTest
class HandoverDeskIntegrationTest extends CampaignTestBase {

	@Test
	void aTypedGiftTagCodeLeadsToTheGiftStepAndTheDailyListFollowsTheGift() {
		// given: a walk-in adoption at the Ganja centre, and an online hold due there soon
		long ganja = point("AZ-GA");
		String code = testLetters.published(campaign, Spec.of("Nərmin", 7));
		String expected = testLetters.published(campaign, Spec.of("Tural", 8));
		long donor = TestPeople.id(jdbc, "donor1@example.az");
		testLetters.moveTo(expected, LetterStatus.ADOPTED, donor);
		jdbc.sql("UPDATE letter SET handover_point_id = ?, due_date = current_date + 2 WHERE code = ?").params(ganja, expected)
			.update();
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
		volunteer.open("/volunteer/walk-in?code=" + code).form("#walk-in-form")
			.set("donorName", "Rauf Qəniyev")
			.set("donorPhone", "+994 55 123 45 67")
			.set("handoverPointId", String.valueOf(ganja))
			.submit();
		String tag = tagOf(code);
		Page daily = volunteer.open("/volunteer/handover/" + ganja + "/daily");
		// due in two days: expected; the walk-in hold runs for the campaign's fourteen days
		assertThat(daily.document().select("#expected tr[data-code]").eachAttr("data-code")).contains(expected)
			.doesNotContain(code);

		// when: the gift comes in with its tag, typed carelessly
		Page desk = volunteer.open(volunteer.open("/volunteer").document().selectFirst("#handover-desk-link").attr("href"));
		Page gift = desk.form("#handover-find-form").set("tagCode", " " + tag.toLowerCase().replace("-", "") + " ").submit();

		// then
		assertThat(gift.url()).isEqualTo("/volunteer/letters/" + code);
		assertThat(gift.document().select(".alert-success").text()).contains("Məktub tapıldı");
		Page received = gift.form("#gift-form").submit();
		assertThat(received.document().select(".alert-success")).as(received.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("GIFT_RECEIVED");
		Page after = volunteer.open("/volunteer/handover/" + ganja + "/daily");
		assertThat(after.document().select("#received tr[data-code]").eachAttr("data-code")).contains(code);
		assertThat(after.document().select("#expected tr[data-code]").eachAttr("data-code")).doesNotContain(code)
			.contains(expected);

		// the same tag again: already in
		Page again = volunteer.open("/volunteer/handover").form("#handover-find-form").set("tagCode", tag).submit();
		assertThat(again.document().select(".alert-danger").text()).contains("artıq qəbul edilib");
	}

	@Test
	void anUnknownCodeIsSaidPlainlyAndAPaperTreeTagOpensTheWalkInForm() {
		String code = testLetters.published(campaign, Spec.of("Sevda", 6));
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az")).speaking("en");

		Page unknown = volunteer.open("/volunteer/handover").form("#handover-find-form").set("tagCode", "ZZZZ-9999")
			.submit();
		assertThat(unknown.document().select(".alert-danger").text())
			.isEqualTo("No letter at your centres or in your regions waits for a gift with the code ZZZZ-9999. Check the code.");

		// what the camera reads off a paper tree tag is the letter's address
		Page walkIn = volunteer.open("/volunteer/handover").form("#handover-find-form")
			.set("tagCode", "http://localhost/letters/" + code + "?qr").submit();
		assertThat(walkIn.url()).isEqualTo("/volunteer/walk-in?code=" + code);
		assertThat(walkIn.form("#walk-in-form").value("code")).isEqualTo(code);
	}

	@Test
	void onlyTheScanningPageMayOpenTheCamera() {
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
		assertThat(volunteer.request("/volunteer/handover").getResponse().getHeaders("Permissions-Policy"))
			.containsExactly("camera=(self), microphone=(), geolocation=()");
		assertThat(volunteer.request("/volunteer").getResponse().getHeader("Permissions-Policy")).contains("camera=()");
		assertThat(volunteer.open("/volunteer/handover").document().select("script[src*=scan]")).hasSize(1);
	}

	@Test
	void theScanningPageAloneLoadsTheQrDecoderFromItsWebJarUnderTheStrictPolicy() throws Exception {
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
		// given: the handover desk, the one scanning page
		Page desk = volunteer.open("/volunteer/handover");
		// then: it loads the decoder before its own script, both from this server, and no inline script
		// (addresses carry the WebJar's version and a content hash, so a new release is fetched anew)
		var sources = desk.document().select("script[src]").eachAttr("src");
		String decoderSrc = desk.document().select("script#qr-decoder").attr("src");
		assertThat(decoderSrc).matches("/webjars/html5-qrcode/[0-9.]+/html5-qrcode\\.min-[0-9a-f]+\\.js");
		assertThat(sources.indexOf(decoderSrc)).isGreaterThanOrEqualTo(0)
			.isLessThan(sources.indexOf(sources.stream().filter(s -> s.startsWith("/js/scan")).findFirst().orElseThrow()));
		assertThat(desk.document().select("script:not([src])")).isEmpty();
		assertThat(desk.result().getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self';")
			.doesNotContain("unsafe");
		// and the decoder is served from the WebJar, the fallback where the browser has no BarcodeDetector
		var decoder = volunteer.request(decoderSrc).getResponse();
		assertThat(decoder.getStatus()).isEqualTo(200);
		assertThat(decoder.getContentAsString()).contains("Html5Qrcode");
		assertThat(volunteer.request("/webjars/html5-qrcode/html5-qrcode.min.js").getResponse().getStatus()).isEqualTo(200);
		String scanJs = volunteer.request("/js/scan.js").getResponse().getContentAsString();
		assertThat(scanJs).contains("BarcodeDetector", "Html5Qrcode").doesNotContain("eval(");
		// no other page of the desk carries the decoder
		assertThat(volunteer.open("/volunteer").document().select("script[src*=qrcode]")).isEmpty();
		assertThat(volunteer.open("/volunteer/walk-in").document().select("script[src*=qrcode]")).isEmpty();
	}

	private String tagOf(String code) {
		return jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
	}

}
