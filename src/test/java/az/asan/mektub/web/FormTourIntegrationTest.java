package az.asan.mektub.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestMail;
import az.asan.mektub.TestPeople;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.notification.OutboxSender;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.web.Visitor.Form;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form of the app, submitted as its page serves it, by the person it is for: with good data
 * (the message shown and the row changed) and with bad data (the message shown, nothing changed).
 * Links in the mails the forms send are followed to their pages. The last step holds the forms
 * submitted against every {@code <form>} in the templates: a page that adds a form no test submits
 * fails here.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormTourIntegrationTest extends IntegrationTestBase {

	static final String DONOR = "tour.donor@tour.test";

	static final String PASSWORD = "Qırmızı alma ağacda 2026";

	static final String NEW_PASSWORD = "Yaşıl yarpaq küləkdə 2027";

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	@Autowired
	OutboxSender outbox;

	@Autowired
	az.asan.mektub.letter.query.ForgottenLetters forgotten;

	TestLetters testLetters;

	long campaign;

	String adoptedCode;

	@BeforeAll
	void openATestCampaign() {
		campaign = TestCampaigns.open(jdbc);
		testLetters = new TestLetters(letters, tx, jdbc);
	}

	@AfterAll
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("""
				DELETE FROM handover_point p WHERE p.name_az LIKE 'TEST %'
				AND NOT EXISTS (SELECT 1 FROM letter l WHERE l.handover_point_id = p.id)""").update();
	}

	@Test
	@Order(1)
	void aVisitorFiltersTheTree() {
		Page filtered = Visitor.anonymous(mvc).open("/tree").form("#tree-filters").set("ageMin", "5").set("q", "kitab").submit();
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.url()).contains("ageMin=5").contains("q=kitab");
		assertThat(filtered.document().select("#f-q").attr("value")).isEqualTo("kitab");
	}

	@Test
	@Order(2)
	void aVisitorRegistersAndConfirmsTheAddressThroughTheMailedLink() {
		Visitor visitor = Visitor.anonymous(mvc);
		Page refused = visitor.open("/register")
			.form("#register-form, form[action$=/register]")
			.set("fullName", "Tur Donoru")
			.set("email", DONOR)
			.set("password", PASSWORD)
			.set("passwordConfirmation", "başqa şifrə")
			.submit();
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.document().select(".is-invalid, #form-errors")).as(refused.messages()).isNotEmpty();
		assertThat(accounts(DONOR)).isZero();

		Page done = visitor.open("/register")
			.form("form[action$=/register]")
			.set("fullName", "Tur Donoru")
			.set("email", DONOR)
			.set("password", PASSWORD)
			.set("passwordConfirmation", PASSWORD)
			.submit();
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.document().select(".alert-danger, .is-invalid")).as(done.messages()).isEmpty();
		assertThat(accounts(DONOR)).isEqualTo(1);
		assertThat(confirmed(DONOR)).isFalse();

		// the mailed link confirms the address
		String link = linkIn(mailTo(DONOR), "/account/confirm");
		Page confirmedPage = visitor.open(link);
		assertThat(confirmedPage.status()).isEqualTo(200);
		assertThat(confirmedPage.text()).contains("E-poçt ünvanınız təsdiqləndi");
		assertThat(confirmed(DONOR)).isTrue();
	}

	@Test
	@Order(3)
	void aDonorSignsInWithTheServedFormAndSignsOut() {
		Visitor visitor = Visitor.anonymous(mvc);
		Page wrong = visitor.open("/login").form("form[action$=/login]").set("email", DONOR).set("password", "yanlış-1234")
			.submit();
		assertThat(wrong.url()).startsWith("/login").doesNotContain("tour.donor");
		assertThat(wrong.document().select(".alert-danger")).as(wrong.messages()).isNotEmpty();
		assertThat(wrong.document().select("#email").attr("value")).as("what was typed stays").isEqualTo(DONOR);
		assertThat(visitor.open("/login").document().select("#email").attr("value")).as("only once").isEmpty();
		assertThat(visitor.open("/me").url()).startsWith("/login");

		Page signedIn = visitor.open("/login").form("form[action$=/login]").set("email", DONOR).set("password", PASSWORD)
			.submit();
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(visitor.open("/me").html()).contains("value=\"Tur Donoru\"");

		Page out = visitor.open("/me").formTo("/logout").submit();
		assertThat(out.url()).startsWith("/?loggedOut");
		assertThat(visitor.open("/me").url()).startsWith("/login");
	}

	@Test
	@Order(3)
	void aVisitorWhoPressesAdoptSignsInAndIsBackOnTheLetter() {
		String code = testLetters.published(campaign, Spec.of("Nərmin", 6).region("AZ-GA"));
		Visitor visitor = Visitor.anonymous(mvc);
		Page login = visitor.open("/letters/" + code).form("#adopt-form").submit();
		assertThat(login.url()).startsWith("/login");
		assertThat(status(code)).isEqualTo("PUBLISHED");

		Page back = login.form("form[action$=/login]").set("email", DONOR).set("password", PASSWORD).submit();
		assertThat(back.url()).isEqualTo("/letters/" + code);
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.document().select("#adopt-form")).isNotEmpty();
		assertThat(status(code)).as("the press before signing in adopts nothing").isEqualTo("PUBLISHED");
	}

	@Test
	@Order(4)
	void aForgottenPasswordIsResetThroughTheMailedLink() {
		Visitor visitor = Visitor.anonymous(mvc);
		int before = TestMail.bodiesTo(DONOR).size();
		Page asked = visitor.open("/password/forgot").form("form[action$=/password/forgot]").set("email", DONOR).submit();
		assertThat(asked.status()).isEqualTo(200);
		List<String> mail = TestMail.awaitBodiesTo(DONOR, outbox::sendPending);
		for (int tries = 0; mail.size() <= before && tries < 40; tries++) {
			outbox.sendPending();
			mail = TestMail.bodiesTo(DONOR);
		}
		String link = linkIn(mail.get(mail.size() - 1), "/password/reset");
		String hash = passwordHash(DONOR);

		Page mismatch = visitor.open(link).form("form[action$=/password/reset]").set("password", NEW_PASSWORD)
			.set("passwordConfirmation", "tamam başqa şifrə 1").submit();
		assertThat(mismatch.document().select(".is-invalid, .alert-danger")).as(mismatch.messages()).isNotEmpty();
		assertThat(passwordHash(DONOR)).isEqualTo(hash);

		Page reset = visitor.open(link).form("form[action$=/password/reset]").set("password", NEW_PASSWORD)
			.set("passwordConfirmation", NEW_PASSWORD).submit();
		assertThat(reset.url()).startsWith("/login");
		assertThat(passwordHash(DONOR)).isNotEqualTo(hash);
		Page signedIn = visitor.open("/login").form("form[action$=/login]").set("email", DONOR).set("password", NEW_PASSWORD)
			.submit();
		assertThat(signedIn.url()).doesNotStartWith("/login");
	}

	@Test
	@Order(5)
	void aDonorChangesTheProfileAndThePassword() {
		Visitor donor = donor();
		Page blank = donor.open("/me").form("#profile-form").set("fullName", "").submit();
		assertThat(blank.document().select("#profile-form .is-invalid")).as(blank.messages()).isNotEmpty();
		assertThat(fullName(DONOR)).isEqualTo("Tur Donoru");

		Page saved = donor.open("/me").form("#profile-form").set("fullName", "Tur Donoru Yeni").set("language", "en").submit();
		assertThat(saved.document().select(".alert-success")).as(saved.messages()).isNotEmpty();
		assertThat(fullName(DONOR)).isEqualTo("Tur Donoru Yeni");
		donor.open("/me").form("#profile-form").set("language", "az").submit();

		String hash = passwordHash(DONOR);
		Page wrong = donor.open("/me/password").form("form[action$=/me/password]").set("currentPassword", "yanlış-12345")
			.set("password", PASSWORD).set("passwordConfirmation", PASSWORD).submit();
		assertThat(wrong.document().select(".is-invalid, .alert-danger")).as(wrong.messages()).isNotEmpty();
		assertThat(passwordHash(DONOR)).isEqualTo(hash);
		Page changed = donor.open("/me/password").form("form[action$=/me/password]").set("currentPassword", NEW_PASSWORD)
			.set("password", PASSWORD).set("passwordConfirmation", PASSWORD).submit();
		assertThat(changed.text()).contains("Şifrəniz dəyişdirildi");
		assertThat(passwordHash(DONOR)).isNotEqualTo(hash);
	}

	@Test
	@Order(6)
	void aDonorWhoseAddressIsNotConfirmedAsksForTheMailAgain() {
		String email = "tour.unconfirmed@tour.test";
		jdbc.sql("INSERT INTO app_user (email, password_hash, full_name, role) VALUES (?, '{noop}x', 'Təsdiqsiz', 'DONOR')")
			.param(email)
			.update();
		Visitor donor = Visitor.signedIn(mvc, users.loadUserByUsername(email));
		long before = outboxTo(email);
		Page sent = donor.open("/me").formTo("/me/confirmation").submit();
		assertThat(sent.document().select(".alert-success")).as(sent.messages()).isNotEmpty();
		assertThat(outboxTo(email)).isEqualTo(before + 1);
	}

	@Test
	@Order(7)
	void aDonorAdoptsChoosesWhereToHandTheGiftInWritesToTheChildAndCancelsAnother() {
		adoptedCode = testLetters.published(campaign, Spec.of("Tural", 9).region("AZ-GA"));
		String other = testLetters.published(campaign, Spec.of("Sevda", 7).region("AZ-GA"));
		Visitor donor = donor();
		Visitor late = Visitor.signedIn(mvc, users.loadUserByUsername("donor@demo.az"));
		Page lateView = late.open("/letters/" + adoptedCode);

		Page mine = donor.open("/letters/" + adoptedCode).form("#adopt-form").submit();
		assertThat(mine.url()).isEqualTo("/me/adoptions/" + adoptedCode);
		assertThat(mine.document().select(".alert-success")).as(mine.messages()).isNotEmpty();
		assertThat(status(adoptedCode)).isEqualTo("ADOPTED");

		// a second donor who pressed a moment later is told, and nothing changes
		MvcResult taken = lateView.form("#adopt-form").press();
		assertThat(taken.getResponse().getStatus()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT u.email FROM letter l JOIN app_user u ON u.id = l.donor_id WHERE l.code = ?")
			.param(adoptedCode).query(String.class).single()).isEqualTo(DONOR);

		Form point = donor.open("/me/adoptions/" + adoptedCode).form("#point-form");
		String pointId = donor.open("/me/adoptions/" + adoptedCode).document().select("#point-form input[name=handoverPointId]")
			.first().attr("value");
		Page chosen = point.check("handoverPointId", pointId).submit();
		assertThat(chosen.document().select(".alert-success")).as(chosen.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT handover_point_id::text FROM letter WHERE code = ?").param(adoptedCode)
			.query(String.class).single()).isEqualTo(pointId);

		Page refused = donor.open("/me/adoptions/" + adoptedCode).form("#message-form")
			.set("text", "Mənə zəng et: +994 50 123 45 67").submit();
		assertThat(refused.document().select(".alert-danger")).as(refused.messages()).isNotEmpty();
		assertThat(messages(adoptedCode)).isZero();
		Page written = donor.open("/me/adoptions/" + adoptedCode).form("#message-form")
			.set("text", "Uğurlar, Tural! Hədiyyəni bəyənəcəyinə ümid edirəm.").submit();
		assertThat(written.document().select(".alert-success")).as(written.messages()).isNotEmpty();
		assertThat(messages(adoptedCode)).isEqualTo(1);

		// someone not signed in presses the same button: asked to sign in first, then back on the letter
		Visitor stranger = Visitor.anonymous(mvc);
		Page offer = stranger.open("/letters/" + other);
		assertThat(offer.html()).doesNotContain("name=\"_csrf\"");
		Page signIn = offer.form("#adopt-form").submit();
		assertThat(signIn.url()).startsWith("/login");
		assertThat(status(other)).isEqualTo("PUBLISHED");
		Page back = signIn.form("form[action$=/login]").set("email", "donor@demo.az").set("password", "demo12345").submit();
		assertThat(back.url()).isEqualTo("/letters/" + other);
		assertThat(back.document().select("#adopt-form[method=post]")).isNotEmpty();
		assertThat(status(other)).isEqualTo("PUBLISHED");

		donor.open("/letters/" + other).form("#adopt-form").submit();
		Page cancelled = donor.open("/me/adoptions/" + other).form("#cancel-form").submit();
		assertThat(cancelled.document().select(".alert-success")).as(cancelled.messages()).isNotEmpty();
		assertThat(status(other)).isEqualTo("PUBLISHED");
	}

	@Test
	@Order(8)
	void aVolunteerRegistersPublishesSendsBackCorrectsAndWithdrawsLetters() {
		Visitor volunteer = volunteer();
		Page tooOld = letterForm(volunteer, "Günay", LocalDate.now().minusYears(16)).submit();
		assertThat(tooOld.status()).isEqualTo(200);
		assertThat(tooOld.document().select("[name=birthDate].is-invalid")).as(tooOld.messages()).isNotEmpty();
		assertThat(lettersNamed("Günay")).isZero();

		Page registered = letterForm(volunteer, "Günay", LocalDate.now().minusYears(8)).submit();
		String code = registered.url().substring(registered.url().lastIndexOf('/') + 1);
		assertThat(registered.document().select(".alert-success")).as(registered.messages()).isNotEmpty();
		assertThat(status(code)).isEqualTo("RECEIVED");

		Page unconfirmed = volunteer.open("/volunteer/letters/" + code).form("#publish-form").set("publicWish", "Rəngli kitablar")
			.submit();
		assertThat(unconfirmed.document().select(".alert-danger")).as(unconfirmed.messages()).isNotEmpty();
		assertThat(status(code)).isEqualTo("RECEIVED");
		volunteer.open("/volunteer/letters/" + code).form("#publish-form").set("publicWish", "Rəngli kitablar")
			.check("confirmed").submit();
		assertThat(status(code)).isEqualTo("PUBLISHED");

		String second = letterForm(volunteer, "Nuray", LocalDate.now().minusYears(6)).submit().url().replaceAll(".*/", "");
		volunteer.open("/volunteer/letters/" + second).form("#incomplete-form").set("reason", "UNREADABLE").submit();
		assertThat(status(second)).isEqualTo("INCOMPLETE");
		volunteer.open("/volunteer/letters/" + second + "/edit").form("#letter-form").set("originalWish", "Oxunaqlı: kukla")
			.submit();
		assertThat(status(second)).isEqualTo("RECEIVED");
		volunteer.open("/volunteer/letters/" + second).form("#withdraw-form").set("reason", "DUPLICATE").submit();
		assertThat(status(second)).isEqualTo("WITHDRAWN");

		// a cost far too big is told once, by the range, not also as too many digits
		Page huge = letterForm(volunteer, "Bahalı", LocalDate.now().minusYears(8)).set("estimatedCost", "99999999999").submit();
		assertThat(huge.text()).contains("5 000 ₼-dan çox ola bilməz").doesNotContain("qəpiyə qədər");
		assertThat(lettersNamed("Bahalı")).isZero();
	}

	@Test
	@Order(9)
	void aVolunteerApprovesTheDonorsMessageRecordsTheGiftAndTheChildHoldingIt() {
		Visitor volunteer = volunteer();
		volunteer.open("/volunteer/letters/" + adoptedCode).form("form:has(input[name=approve][value=true])").submit();
		assertThat(jdbc.sql("SELECT count(*) FROM donor_message m JOIN letter l ON l.id = m.letter_id "
				+ "WHERE l.code = ? AND m.status = 'APPROVED'").param(adoptedCode).query(Long.class).single()).isEqualTo(1);

		Page wrongTag = volunteer.open("/volunteer/letters/" + adoptedCode).form("#gift-form").set("tagCode", "AAAA-BBBB")
			.submit();
		assertThat(wrongTag.document().select(".alert-danger")).as(wrongTag.messages()).isNotEmpty();
		assertThat(status(adoptedCode)).isEqualTo("ADOPTED");
		String tag = jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(adoptedCode).query(String.class).single();
		volunteer.open("/volunteer/letters/" + adoptedCode).form("#gift-form").set("tagCode", tag).submit();
		assertThat(status(adoptedCode)).isEqualTo("GIFT_RECEIVED");

		Page future = volunteer.open("/volunteer/letters/" + adoptedCode).formTo("/fulfilled")
			.set("handedOn", LocalDate.now(Formats.BAKU).plusDays(3).toString()).submit();
		assertThat(future.document().select(".alert-danger")).as(future.messages()).isNotEmpty();
		assertThat(status(adoptedCode)).isEqualTo("GIFT_RECEIVED");
		Page fulfilled = volunteer.open("/volunteer/letters/" + adoptedCode).formTo("/fulfilled").set("note", "Çox sevindi")
			.submit();
		assertThat(fulfilled.document().select(".alert-success")).as(fulfilled.messages()).isNotEmpty();
		assertThat(status(adoptedCode)).isEqualTo("FULFILLED");

		// the donor's thank-you mail leads to the donor's letters
		String link = linkIn(mailTo(DONOR, "/me/adoptions"), "/me/adoptions");
		Page thanked = donor().open(link);
		assertThat(thanked.status()).isEqualTo(200);
		assertThat(thanked.html()).contains(adoptedCode);
	}

	/**
	 * The child's thank-you (issue 27.3): the volunteer attaches a note and a drawing to the fulfilled
	 * letter (a note with the child's surname and an unticked check are refused first), staff as the
	 * second pair of eyes reject one with a reason and approve the next, and the donor reads it on
	 * the page their mail links to.
	 */
	@Test
	@Order(10)
	void aVolunteerAttachesTheChildsThankYouAnotherApprovesItAndTheDonorReadsIt() {
		Visitor volunteer = volunteer();
		Page surname = volunteer.open("/volunteer/letters/" + adoptedCode).form("#thanks-form")
			.set("note", "Sağ olun! Tural Testov")
			.check("checked")
			.submit();
		assertThat(surname.document().select(".alert-danger")).as(surname.messages()).isNotEmpty();
		assertThat(surname.document().select("#thanks-findings li")).isNotEmpty();
		Page unchecked = volunteer.open("/volunteer/letters/" + adoptedCode).form("#thanks-form")
			.set("note", "Sağ olun!")
			.submit();
		assertThat(unchecked.document().select(".alert-danger")).as(unchecked.messages()).isNotEmpty();
		assertThat(thanks(adoptedCode)).isNull();

		Page attached = volunteer.open("/volunteer/letters/" + adoptedCode).form("#thanks-form")
			.set("note", "Bir az bulanıq çıxdı")
			.attach("image", "rəsm.jpg", "image/jpeg", az.asan.mektub.TestImages.jpegWithGps())
			.check("checked")
			.submit();
		assertThat(attached.document().select(".alert-success")).as(attached.messages()).isNotEmpty();
		assertThat(thanks(adoptedCode)).isEqualTo("PENDING");

		Visitor staff = staff();
		Page noReason = staff.open("/volunteer/letters/" + adoptedCode).form("#thanks-reject-form").submit();
		assertThat(noReason.document().select(".alert-danger")).as(noReason.messages()).isNotEmpty();
		Page rejected = staff.open("/volunteer/letters/" + adoptedCode).form("#thanks-reject-form")
			.set("reason", "Şəkil bulanıqdır")
			.submit();
		assertThat(rejected.document().select(".alert-success")).as(rejected.messages()).isNotEmpty();
		assertThat(thanks(adoptedCode)).isEqualTo("REJECTED");

		volunteer.open("/volunteer/letters/" + adoptedCode).form("#thanks-form")
			.set("note", "Kitab üçün çox sağ olun!")
			.attach("image", "rəsm.png", "image/png", az.asan.mektub.TestImages.png(60, 40))
			.check("checked")
			.submit();
		assertThat(staff.open("/volunteer/thanks").html()).contains("/volunteer/letters/" + adoptedCode);
		Page approved = staff.open("/volunteer/letters/" + adoptedCode).form("#thanks-approve-form").submit();
		assertThat(approved.document().select(".alert-success")).as(approved.messages()).isNotEmpty();
		assertThat(thanks(adoptedCode)).isEqualTo("APPROVED");

		Page mine = donor().open(linkIn(mailTo(DONOR, "/me/adoptions/" + adoptedCode), "/me/adoptions/" + adoptedCode));
		assertThat(mine.html()).contains("Kitab üçün çox sağ olun!", "/me/adoptions/" + adoptedCode + "/thanks.jpg");

		// noticed later: staff withdraw it with a reason, and the donor no longer sees it
		Page withdrawn = staff.open("/volunteer/letters/" + adoptedCode).form("#thanks-withdraw-form")
			.set("reason", "Rəsmin küncündə soyad var")
			.submit();
		assertThat(withdrawn.document().select(".alert-success")).as(withdrawn.messages()).isNotEmpty();
		assertThat(thanks(adoptedCode)).isEqualTo("WITHDRAWN");
		assertThat(donor().open("/me/adoptions/" + adoptedCode).html()).doesNotContain("Kitab üçün çox sağ olun!",
				"/me/adoptions/" + adoptedCode + "/thanks.jpg");
	}

	private String thanks(String code) {
		return jdbc.sql("SELECT t.status FROM letter_thanks t JOIN letter l ON l.id = t.letter_id WHERE l.code = ?")
			.param(code)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	@Order(10)
	void aVolunteerActsOnForgottenLettersFromTheDesk() {
		long donor = TestPeople.id(jdbc, "donor@demo.az");
		String undelivered = testLetters.published(campaign, Spec.of("Kamal", 10).region("AZ-GA"));
		testLetters.moveTo(undelivered, LetterStatus.GIFT_RECEIVED, donor);
		jdbc.sql("UPDATE letter SET gift_received_at = now() - interval '400 days' WHERE code = ?").param(undelivered).update();
		String overdue = testLetters.published(campaign, Spec.of("Lalə", 10).region("AZ-GA"));
		testLetters.moveTo(overdue, LetterStatus.ADOPTED, donor);
		jdbc.sql("UPDATE letter SET due_date = current_date - 400 WHERE code = ?").param(overdue).update();
		Visitor volunteer = volunteer();

		volunteer.open("/volunteer").form("#row-" + undelivered + " form").submit();
		assertThat(status(undelivered)).isEqualTo("FULFILLED");
		volunteer.open("/volunteer").form("#row-" + overdue + " form").submit();
		assertThat(status(overdue)).isEqualTo("PUBLISHED");

		Page found = volunteer.open("/volunteer").form(".desk-search").set("q", overdue).submit();
		assertThat(found.html()).contains(overdue);
		Page filtered = volunteer.open("/volunteer/letters").form("#letter-filters").set("status", "PUBLISHED")
			.set("campaign", String.valueOf(campaign)).submit();
		assertThat(filtered.html()).contains(overdue).doesNotContain(undelivered);

		// "more than 7 days": a gift of exactly 7 days ago is not forgotten yet, one of 8 days is
		String sevenDays = testLetters.published(campaign, Spec.of("Yeddi", 10).region("AZ-GA"));
		String eightDays = testLetters.published(campaign, Spec.of("Səkkiz", 10).region("AZ-GA"));
		for (String code : List.of(sevenDays, eightDays)) {
			testLetters.moveTo(code, LetterStatus.GIFT_RECEIVED, donor);
		}
		jdbc.sql("UPDATE letter SET gift_received_at = now() - interval '7 days' WHERE code = ?").param(sevenDays).update();
		jdbc.sql("UPDATE letter SET gift_received_at = now() - interval '8 days' WHERE code = ?").param(eightDays).update();
		List<String> forgottenCodes = forgotten
			.list(az.asan.mektub.letter.query.ForgottenLetters.Kind.UNDELIVERED, az.asan.mektub.account.RegionScope.all(), 100_000)
			.stream().map(az.asan.mektub.letter.query.ForgottenLetters.Row::code).toList();
		assertThat(forgottenCodes).contains(eightDays).doesNotContain(sevenDays);
	}

	@Test
	@Order(11)
	void aVolunteerImportsAFileAndIsToldWhatIsWrongWithABadOne() {
		Visitor volunteer = volunteer();
		String header = String.join(",", az.asan.mektub.letter.importing.LetterImport.COLUMNS) + "\n";
		Page bad = volunteer.open("/volunteer/letters/import").form("#import-form").set("campaignId", String.valueOf(campaign))
			.attach("file", "letters.csv", "text/csv",
					(header + "Kənan,Babayev,31.13.2015,M,AZ-GA,HOME,Ev,Top,Top,BALL,,pulsuz\n").getBytes(StandardCharsets.UTF_8))
			.submit();
		assertThat(bad.document().select("#import-problems")).as(bad.messages()).isNotEmpty();
		assertThat(lettersNamed("Kənan")).isZero();
		Page good = volunteer.open("/volunteer/letters/import").form("#import-form").set("campaignId", String.valueOf(campaign))
			.attach("file", "letters.csv", "text/csv",
					(header + "Kənan,Babayev,14.05.2016,M,AZ-GA,FAMILY,Ev,Top istəyirəm,Top,SPORTS,,20\n")
						.getBytes(StandardCharsets.UTF_8))
			.submit();
		assertThat(good.document().select(".alert-success")).as(good.messages()).isNotEmpty();
		assertThat(lettersNamed("Kənan")).isEqualTo(1);
	}

	@Test
	@Order(11)
	void aVolunteerFillsTheExcelTemplateFromTheImportPageAndLooksUpARegion() throws Exception {
		Visitor volunteer = volunteer();
		Page form = volunteer.open("/volunteer/letters/import");
		String template = form.document().select("a[href$=template.xlsx]").attr("href");
		byte[] workbook = volunteer.request(template).getResponse().getContentAsByteArray();
		long before = lettersNamed("Aysel");
		Page done = form.form("#import-form").set("campaignId", String.valueOf(campaign))
			.attach("file", "asan-mektub-letters.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook)
			.submit();
		assertThat(done.document().select(".alert-success").text()).as(done.messages()).contains("XLSX");
		assertThat(lettersNamed("Aysel")).isEqualTo(before + 1);
		Page regions = volunteer.open(form.document().select("#import-columns a[href$=/import/regions]").attr("href"));
		assertThat(regions.document().select("#import-regions code").eachText()).contains("AZ-SM", "AZ-BA-YAS");
	}

	@Test
	@Order(12)
	void staffCreateChangeOpenAndCloseACampaign() {
		Visitor staff = staff();
		Form form = staff.open("/admin/campaigns/new").form("form[action$=/admin/campaigns/new]");
		int year = LocalDate.now().getYear();
		Page refused = campaignFields(form, "TEST-TOUR").set("endsOn", year + "-01-01").set("startsOn", year + "-06-01").submit();
		assertThat(refused.document().select(".alert-danger, .is-invalid")).as(refused.messages()).isNotEmpty();
		assertThat(campaignStatus("TEST-TOUR")).isNull();

		Page created = campaignFields(staff.open("/admin/campaigns/new").form("form[action$=/admin/campaigns/new]"),
				"TEST-TOUR").submit();
		assertThat(created.document().select(".alert-success")).as(created.messages()).isNotEmpty();
		assertThat(campaignStatus("TEST-TOUR")).isEqualTo("PLANNED");
		long id = jdbc.sql("SELECT id FROM campaign WHERE code = 'TEST-TOUR'").query(Long.class).single();

		staff.open("/admin/campaigns/" + id + "/edit").form("form[action$=/edit]").set("nameEn", "Tour campaign, renamed")
			.submit();
		assertThat(jdbc.sql("SELECT name_en FROM campaign WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Tour campaign, renamed");
		// another year-round campaign is open: opening asks first, and the second step opens it
		Page openingAsked = staff.open("/admin/campaigns").formTo("/admin/campaigns/" + id + "/open").submit();
		assertThat(openingAsked.document().select("#campaign-warnings [data-warning=ANOTHER_OPEN]"))
			.as(openingAsked.messages()).isNotEmpty();
		assertThat(campaignStatus("TEST-TOUR")).isEqualTo("PLANNED");
		openingAsked.formTo("/admin/campaigns/" + id + "/open").submit();
		assertThat(campaignStatus("TEST-TOUR")).isEqualTo("OPEN");
		// closing always asks first
		Page closingAsked = staff.open("/admin/campaigns").formTo("/admin/campaigns/" + id + "/close").submit();
		assertThat(closingAsked.document().select("#campaign-closing")).as(closingAsked.messages()).isNotEmpty();
		assertThat(campaignStatus("TEST-TOUR")).isEqualTo("OPEN");
		closingAsked.formTo("/admin/campaigns/" + id + "/close").submit();
		assertThat(campaignStatus("TEST-TOUR")).isEqualTo("CLOSED");

		// an administrator reopens it (asked first, as for opening), and closes it again
		Visitor admin = Visitor.signedIn(mvc, users.loadUserByUsername("admin@demo.az"));
		Page reopeningAsked = admin.open("/admin/campaigns").formTo("/admin/campaigns/" + id + "/reopen").submit();
		assertThat(campaignStatus("TEST-TOUR")).isEqualTo("CLOSED");
		Page reopened = reopeningAsked.formTo("/admin/campaigns/" + id + "/reopen").submit();
		assertThat(reopened.document().select(".alert-success")).as(reopened.messages()).isNotEmpty();
		assertThat(campaignStatus("TEST-TOUR")).isEqualTo("OPEN");
		admin.open("/admin/campaigns/" + id + "/close").formTo("/admin/campaigns/" + id + "/close").submit();
		assertThat(campaignStatus("TEST-TOUR")).isEqualTo("CLOSED");
	}

	@Test
	@Order(13)
	void staffAddAndChangeAHandoverPoint() {
		Visitor staff = staff();
		Page refused = pointFields(staff.open("/admin/handover-points/new").form("form[action$=/new]"), "").submit();
		assertThat(refused.document().select(".is-invalid, #form-errors")).as(refused.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM handover_point WHERE address = 'Bakı, Test küçəsi 1'").query(Long.class)
			.single()).isZero();
		Page created = pointFields(staff.open("/admin/handover-points/new").form("form[action$=/new]"), "TEST Tur məntəqəsi")
			.submit();
		assertThat(created.document().select(".alert-success")).as(created.messages()).isNotEmpty();
		long id = jdbc.sql("SELECT id FROM handover_point WHERE name_az = 'TEST Tur məntəqəsi'").query(Long.class).single();
		staff.open("/admin/handover-points/" + id + "/edit").form("form[action$=/edit]").set("hours", "10:00–17:00").submit();
		assertThat(jdbc.sql("SELECT hours FROM handover_point WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("10:00–17:00");
	}

	@Test
	@Order(14)
	void staffInviteAVolunteerWhoSetsAPasswordThroughTheMailedLinkAndStaffChangeThePeople() {
		String email = "tour.volunteer@tour.test";
		Visitor staff = staff();
		Page found = staff.open("/admin/users").form("form[action$=/admin/users]").set("q", "volunteer@demo").submit();
		assertThat(found.html()).contains("volunteer@demo.az");

		Page refused = staff.open("/admin/users/new").form("#volunteer-form").set("email", "not-an-address")
			.set("fullName", "Tur Könüllüsü").submit();
		assertThat(refused.document().select(".is-invalid")).as(refused.messages()).isNotEmpty();
		assertThat(accounts(email)).isZero();
		String ganja = String.valueOf(region("AZ-GA"));
		// the centre the volunteer will work at is ticked on the same form, as served
		String ganjaCentre = String.valueOf(point("AZ-GA"));
		Page invited = staff.open("/admin/users/new").form("#volunteer-form").set("email", email)
			.set("fullName", "Tur Könüllüsü").choose("regionIds", ganja).choose("handoverPointIds", ganjaCentre).submit();
		assertThat(invited.document().select(".alert-success")).as(invited.messages()).isNotEmpty();
		assertThat(accounts(email)).as(invited.messages()).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT string_agg(CAST(c.handover_point_id AS text), ',') FROM volunteer_handover_point c
				JOIN app_user u ON u.id = c.user_id WHERE u.email = ?""").param(email).query(String.class).single())
			.isEqualTo(ganjaCentre);
		assertThat(invited.document().select("#centres-form input[name=handoverPointIds][value=" + ganjaCentre + "]")
			.hasAttr("checked")).isTrue();
		assertThat(jdbc.sql("SELECT role FROM app_user WHERE email = ?").param(email).query(String.class).single())
			.isEqualTo("VOLUNTEER");

		// the invitation's link lets the volunteer choose a password and sign in
		Visitor newcomer = Visitor.anonymous(mvc);
		newcomer.open(linkIn(mailTo(email), "/password/reset")).form("form[action$=/password/reset]")
			.set("password", PASSWORD).set("passwordConfirmation", PASSWORD).submit();
		Page desk = newcomer.open("/login").form("form[action$=/login]").set("email", email).set("password", PASSWORD).submit();
		assertThat(desk.url()).isEqualTo("/volunteer");

		long id = TestPeople.id(jdbc, email);
		staff.open("/admin/users/" + id).form("#regions-form").choose("regionIds", ganja, String.valueOf(region("AZ-SM")))
			.submit();
		assertThat(jdbc.sql("SELECT count(*) FROM volunteer_region WHERE user_id = ?").param(id).query(Long.class).single())
			.isEqualTo(2);
		staff.open("/admin/users/" + id).formTo("/admin/users/" + id + "/lock").submit();
		assertThat(jdbc.sql("SELECT locked FROM app_user WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();

		long donor = TestPeople.id(jdbc, DONOR);
		staff.open("/admin/users/" + donor).form("#organisation-form").check("organisation").set("limit", "10").submit();
		assertThat(jdbc.sql("SELECT adoption_limit FROM app_user WHERE id = ?").param(donor).query(Integer.class).single())
			.isEqualTo(10);

		Visitor admin = Visitor.signedIn(mvc, users.loadUserByUsername("admin@demo.az"));
		admin.open("/admin/users/" + id).form("#role-form").set("role", "STAFF").submit();
		assertThat(jdbc.sql("SELECT role FROM app_user WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("STAFF");
	}

	@Test
	@Order(15)
	void staffRunTheRetentionJobAndFilterTheReports() {
		Visitor staff = staff();
		// the button asks first (how many children's records it anonymises); the page's button runs it
		Page ran = staff.open("/admin").formTo("/admin/retention/run").submit().formTo("/admin/retention/run").submit();
		assertThat(ran.document().select(".alert-success")).as(ran.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM job_run WHERE name = 'retention' AND finished_at > now() - interval '1 minute'")
			.query(Long.class).single()).isEqualTo(1);
		// and the hold jobs, now
		Page reminded = staff.open("/admin").formTo("/admin/jobs/hold-reminder").submit();
		assertThat(reminded.document().select(".alert-success")).as(reminded.messages()).isNotEmpty();
		Page released = staff.open("/admin").formTo("/admin/jobs/hold-expiry").submit();
		assertThat(released.document().select(".alert-success")).as(released.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM job_run WHERE name IN ('holdReminder', 'holdExpiry') "
				+ "AND finished_at > now() - interval '1 minute'").query(Long.class).single()).isEqualTo(2);

		for (String report : List.of("/reports/regions", "/reports/donors", "/reports/duplicates")) {
			Page filtered = staff.open(report).form("#report-filters").set("campaign", String.valueOf(campaign)).submit();
			assertThat(filtered.status()).as(report).isEqualTo(200);
			assertThat(filtered.url()).as(report).contains("campaign=" + campaign);
		}
	}

	@Test
	@Order(16)
	void everyStaffChangeIsInTheAuditLogAsASentenceInTheReadersLanguageFilteredByPersonKindAndDate() {
		// given: staff also withdraw a letter, which a volunteer's history alone would not show the agency
		String code = testLetters.published(campaign, Spec.of("Ayan", 8).region("AZ-LAN"));
		staff().open("/volunteer/letters/" + code).form("#withdraw-form").set("reason", "NO_LONGER_ELIGIBLE").submit();
		assertThat(status(code)).isEqualTo("WITHDRAWN");
		String staffName = jdbc.sql("SELECT full_name FROM app_user WHERE email = 'staff@demo.az'").query(String.class).single();
		String staffId = jdbc.sql("SELECT id::text FROM app_user WHERE email = 'staff@demo.az'").query(String.class).single();
		String today = LocalDate.now(Formats.BAKU).toString();

		Page campaigns = staff().open("/admin/audit").form("#audit-filters").set("kind", "CAMPAIGN").set("actor", staffId)
			.set("from", today).set("to", today).submit();
		List<String> sentences = campaigns.document().select("#audit tbody tr").eachText();
		assertThat(sentences).anyMatch(t -> t.contains(staffName + " «Tur kampaniyası» kampaniyasını yaratdı"))
			.anyMatch(t -> t.contains(staffName + " «Tur kampaniyası» kampaniyasını dəyişdi"))
			.anyMatch(t -> t.contains(staffName + " «Tur kampaniyası» kampaniyasını açdı"))
			.anyMatch(t -> t.contains(staffName + " «Tur kampaniyası» kampaniyasını bağladı"));
		assertThat(campaigns.document().select("#audit tbody tr").eachAttr("data-kind")).containsOnly("CAMPAIGN");

		Page all = staff().speaking("en").open("/admin/audit");
		String text = all.document().select("#audit").text();
		assertThat(text).contains(staffName + " opened campaign «Tour campaign, renamed»")
			.contains(staffName + " added handover point «TEST Tour point»")
			.contains(staffName + " changed handover point «TEST Tour point»")
			.contains("applied the retention period now")
			.contains(staffName + " withdrew letter " + code + " (Child no longer eligible)")
			.contains("changed the role of Tur Könüllüsü from Volunteer to Agency staff")
			.contains("flagged Tur Donoru Yeni as an organisation (up to 10 letters at once)")
			.contains("changed the regions of volunteer Tur Könüllüsü from Ganja to ")
			.doesNotContain("VOLUNTEER → STAFF")
			.doesNotContain("[AZ-");
		assertThat(staff().speaking("ru").open("/admin/audit").document().select("#audit").text())
			.contains("открыл(а) кампанию «Тур-кампания»");

		Page yesterday = staff().open("/admin/audit").form("#audit-filters")
			.set("to", LocalDate.now(Formats.BAKU).minusDays(1).toString()).submit();
		assertThat(yesterday.document().select("#audit").text()).doesNotContain("Tur kampaniyası");
	}

	@Test
	@Order(17)
	void aDonorDeletesTheAccountOnlyWithThePassword() {
		Visitor donor = donor();
		Page wrong = donor.open("/me").form("#delete-form").set("password", "yanlış-12345").submit();
		assertThat(wrong.document().select(".alert-danger")).as(wrong.messages()).isNotEmpty();
		assertThat(anonymised(DONOR)).isFalse();
		Page gone = donor.open("/me").form("#delete-form").set("password", PASSWORD).submit();
		assertThat(gone.url()).startsWith("/?deleted");
		assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE email = ? AND anonymised_at IS NULL").param(DONOR)
			.query(Long.class).single()).isZero();
	}

	@Test
	@Order(18)
	void anAdministratorTakesAnOnlineBackupFromTheOverviewAndStaffSeeNoSuchButton() {
		Page overview = staff().open("/admin");
		assertThat(overview.document().select("form[action$=/admin/backups]")).isEmpty();

		Visitor admin = Visitor.signedIn(mvc, users.loadUserByUsername("admin@demo.az"));
		Page done = admin.open("/admin").formTo("/admin/backups").submit();
		assertThat(done.document().select(".alert-success")).as(done.messages()).isNotEmpty();
		assertThat(done.document().select("#backups code").eachText()).anyMatch(name -> name.endsWith(".tar.gz"));
	}

	@Test
	@Order(19)
	void aVolunteerPrintsAPaperTreeRecordsAWalkInAdoptionAndFindsTheGiftAtTheHandoverDesk() {
		String code = testLetters.published(campaign, Spec.of("Kağız", 23));
		long ganja = jdbc.sql("""
				SELECT min(p.id) FROM handover_point p JOIN region r ON r.id = p.region_id WHERE r.code = 'AZ-GA'""")
			.query(Long.class).single();
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
		Page sheet = volunteer.open("/volunteer/paper-tree").form("#paper-tree-form")
			.set("handoverPointId", String.valueOf(ganja))
			.set("minAge", "23")
			.set("maxAge", "23")
			.submit();
		assertThat(sheet.document().select(".paper-tag").eachAttr("data-code")).containsExactly(code);
		Page receipt = volunteer.open("/volunteer/walk-in?code=" + code).form("#walk-in-form")
			.set("donorName", "Tur Donoru")
			.set("donorPhone", "+994 50 000 11 22")
			.set("handoverPointId", String.valueOf(ganja))
			.submit();
		assertThat(receipt.url()).isEqualTo("/volunteer/walk-in/" + code + "/receipt");
		Page gift = volunteer.open("/volunteer/handover").form("#handover-find-form")
			.set("tagCode", receipt.document().select(".gift-tag-tagcode").text())
			.submit();
		assertThat(gift.url()).isEqualTo("/volunteer/letters/" + code);
	}

	@Test
	@Order(20)
	void staffChooseTheCampaignsOfTheChannelsReport() {
		Page filtered = staff().open("/reports/channels").form("#channels-filters").set("campaign", String.valueOf(campaign))
			.submit();
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.url()).contains("campaign=" + campaign);
		assertThat(filtered.document().select("#c-campaign option[selected]").attr("value")).isEqualTo(String.valueOf(campaign));
	}

	@Test
	@Order(21)
	void staffAssignACentreAndItsDeskMovesAndReceivesTheGiftOfAChildOfAnotherRegion() {
		// given: a child of Ağdam, the donor's gift expected at the Gəncə centre
		String code = testLetters.published(campaign, Spec.of("Mərkəz", 9).region("AZ-AGM"));
		long donor = TestPeople.id(jdbc, "donor1@example.az");
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);
		long ganja = point("AZ-GA");
		long sumqayit = point("AZ-SM");
		jdbc.sql("UPDATE letter SET handover_point_id = ? WHERE code = ?").params(ganja, code).update();
		long volunteerId = TestPeople.id(jdbc, "volunteer@demo.az");
		java.util.List<Long> before = jdbc.sql("SELECT handover_point_id FROM volunteer_handover_point WHERE user_id = ?")
			.param(volunteerId).query(Long.class).list();

		// staff tick the Gəncə and Sumqayıt centres for the volunteer
		staff().open("/admin/users/" + volunteerId).form("#centres-form")
			.choose("handoverPointIds", String.valueOf(ganja), String.valueOf(sumqayit)).submit();
		assertThat(jdbc.sql("SELECT count(*) FROM volunteer_handover_point WHERE user_id = ?").param(volunteerId)
			.query(Long.class).single()).isEqualTo(2);

		// the desk moves the gift to Sumqayıt, then receives it there
		Visitor volunteer = volunteer();
		Page gift = volunteer.open("/volunteer/handover").form("#handover-find-form").set("tagCode", code).submit();
		assertThat(gift.url()).isEqualTo("/volunteer/handover/gifts/" + code);
		Page moved = gift.form("#move-gift-form").set("handoverPointId", String.valueOf(sumqayit)).set("note", "Tur").submit();
		assertThat(moved.document().select(".alert-success")).as(moved.messages()).isNotEmpty();
		String tag = jdbc.sql("SELECT gift_tag_code FROM letter WHERE code = ?").param(code).query(String.class).single();
		Page received = moved.form("#desk-gift-form").set("tagCode", tag).set("handoverPointId", String.valueOf(sumqayit))
			.submit();
		assertThat(received.document().select(".alert-success")).as(received.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT status || ' ' || handover_point_id FROM letter WHERE code = ?").param(code)
			.query(String.class).single()).isEqualTo("GIFT_RECEIVED " + sumqayit);

		// the demo volunteer's centres as they were
		String[] kept = before.stream().map(String::valueOf).toArray(String[]::new);
		staff().open("/admin/users/" + volunteerId).form("#centres-form").choose("handoverPointIds", kept).submit();
	}

	@Test
	@Order(22)
	void anOrganisationRegistersWithItsVoenAndStaffConfirmOneAndRefuseAnother() {
		String confirmed = "tour.company@tour.test";
		String refused = "tour.association@tour.test";
		Visitor visitor = Visitor.anonymous(mvc);
		String link = visitor.open("/register").document().select("a[href$=/register/organisation]").attr("href");
		Page bad = organisationForm(visitor.open(link), confirmed, "Tur Şirkəti MMC").set("voen", "12345abcde").submit();
		assertThat(bad.document().select("#voen-errors")).as(bad.messages()).isNotEmpty();
		assertThat(bad.document().select("#organisationName").attr("value")).isEqualTo("Tur Şirkəti MMC");
		assertThat(accounts(confirmed)).isZero();

		Page done = organisationForm(visitor.open("/register/organisation"), confirmed, "Tur Şirkəti MMC").submit();
		assertThat(done.document().select(".alert-danger, .is-invalid")).as(done.messages()).isEmpty();
		assertThat(accounts(confirmed)).isEqualTo(1);
		assertThat(visitor.open(linkIn(mailTo(confirmed), "/account/confirm")).text()).contains("E-poçt ünvanınız təsdiqləndi");
		organisationForm(visitor.open("/register/organisation"), refused, "Tur Birliyi").submit();
		assertThat(accounts(refused)).isEqualTo(1);

		Visitor staff = staff();
		long first = TestPeople.id(jdbc, confirmed);
		long second = TestPeople.id(jdbc, refused);
		String list = staff.open("/admin").document().select("a[href$=/admin/organisations]").attr("href");
		Page yes = staff.open(list).formTo("/admin/organisations/" + first + "/confirm").submit();
		assertThat(yes.document().select(".alert-success")).as(yes.messages()).isNotEmpty();
		Page no = staff.open("/admin/organisations").formTo("/admin/organisations/" + second + "/refuse").submit();
		assertThat(no.document().select(".alert-success")).as(no.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT email || ':' || organisation_review FROM app_user WHERE id IN (?, ?) ORDER BY id")
			.params(first, second).query(String.class).list()).containsExactly(confirmed + ":CONFIRMED", refused + ":REFUSED");
	}

	@Test
	@Order(23)
	void theConfirmedOrganisationInvitesAnEmployeeReservesLettersAndTheEmployeeJoinsAndAdoptsFromThePool() {
		// the organisation confirmed by staff in the step before
		String company = "tour.company@tour.test";
		String employee = "tour.employee@tour.test";
		accounts.create(employee, PASSWORD, "Tur Əməkdaşı", az.asan.mektub.account.Role.DONOR, java.util.Set.of());
		String code = testLetters.published(campaign, Spec.of("Komanda", 24));
		Visitor organisation = Visitor.signedIn(mvc, users.loadUserByUsername(company));
		Page bad = organisation.open("/organisation/team").form("#invite-form").set("emails", "tour.employee(at)tour.test").submit();
		assertThat(bad.document().select("#emails-errors")).as(bad.messages()).isNotEmpty();
		Page invited = organisation.open("/organisation/team").form("#invite-form").set("emails", employee).submit();
		assertThat(invited.document().select(".alert-success")).as(invited.messages()).isNotEmpty();
		Page badCount = organisation.open("/organisation/team").form("#reserve-form").set("count", "0").submit();
		assertThat(badCount.document().select("#count-errors")).as(badCount.messages()).isNotEmpty();
		Page reserved = organisation.open("/organisation/team").form("#reserve-form")
			.set("count", "1")
			.choose("campaign", String.valueOf(campaign))
			.submit();
		assertThat(reserved.document().select(".alert-success")).as(reserved.messages()).isNotEmpty();
		String pooled = reserved.document().select("#team-pool li").attr("data-code");

		Visitor person = Visitor.signedIn(mvc, users.loadUserByUsername(employee));
		Page joined = person.open(linkIn(mailTo(employee, "/team/join"), "/team/join")).form("#team-join-form").submit();
		assertThat(joined.url()).isEqualTo("/team");
		Page adopted = joined.form(".team-adopt-form").submit();
		assertThat(adopted.document().select(".alert-success")).as(adopted.messages()).isNotEmpty();
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(pooled).query(String.class).single())
			.isEqualTo("ADOPTED");
		// the person who took it chooses the centre for it, as served (the first centre offered)
		Page centre = adopted.form(".team-centre-form").submit();
		assertThat(centre.document().select(".alert-success")).as(centre.messages()).isNotEmpty();

		// the officer ends a reservation early, takes back an invitation and removes the employee, as served
		testLetters.published(campaign, Spec.of("Komanda", 24));
		Page again = organisation.open("/organisation/team").form("#reserve-form")
			.set("count", "1")
			.choose("campaign", String.valueOf(campaign))
			.submit();
		assertThat(again.document().select(".alert-success")).as(again.messages()).isNotEmpty();
		Page cancelled = again.form(".team-cancel-reservation-form").submit();
		assertThat(cancelled.document().select(".alert-success")).as(cancelled.messages()).isNotEmpty();
		Page other = organisation.open("/organisation/team").form("#invite-form").set("emails", "tour.other@tour.test").submit();
		Page revoked = other.form(".team-revoke-form").submit();
		assertThat(revoked.document().select(".alert-success")).as(revoked.messages()).isNotEmpty();
		Page removed = organisation.open("/organisation/team").form(".team-remove-member-form").submit();
		assertThat(removed.document().select(".alert-success")).as(removed.messages()).isNotEmpty();
		assertThat(code).isNotBlank();
	}

	private static Form organisationForm(Page page, String email, String name) {
		return page.form("#organisation-form")
			.set("organisationName", name)
			.set("voen", "1700000002")
			.set("contactName", "Tur Əlaqəçisi")
			.set("email", email)
			.set("password", PASSWORD)
			.set("passwordConfirmation", PASSWORD);
	}

	@Test
	@Order(100)
	void everyFormInTheTemplatesWasSubmittedAsServed() {
		Set<String> missing = new TreeSet<>(TemplateForms.all());
		missing.removeAll(SubmittedForms.all());
		assertThat(missing).as("forms in the templates that no test submits as served").isEmpty();
	}

	// --- helpers

	private Form letterForm(Visitor volunteer, String firstName, LocalDate birthDate) {
		return volunteer.open("/volunteer/letters/new")
			.form("#letter-form")
			.set("campaignId", String.valueOf(campaign))
			.set("firstName", firstName)
			.set("surname", "Turova")
			.set("birthDate", birthDate.toString())
			.set("gender", "F")
			.set("regionId", String.valueOf(region("AZ-GA")))
			.set("careSetting", "CHILDREN_HOME")
			.set("contact", "Uşaq evi №1")
			.set("originalWish", "Rəngli kitablar istəyirəm")
			.set("publicWish", "Rəngli kitablar")
			.set("category", "BOOKS")
			.set("estimatedCost", "25,00");
	}

	private static Form campaignFields(Form form, String code) {
		int year = LocalDate.now().getYear();
		return form.set("code", code)
			.set("nameAz", "Tur kampaniyası")
			.set("nameEn", "Tour campaign")
			.set("nameRu", "Тур-кампания")
			.set("startsOn", year + "-01-01")
			.set("endsOn", year + "-12-31")
			.set("ageReferenceDate", year + "-01-01")
			.set("minAge", "3")
			.set("maxAge", "14")
			.set("holdDays", "14")
			.set("donorLimit", "3");
	}

	private Form pointFields(Form form, String name) {
		return form.set("regionId", String.valueOf(region("AZ-GA")))
			.set("nameAz", name)
			.set("nameEn", name.isEmpty() ? "" : "TEST Tour point")
			.set("nameRu", name.isEmpty() ? "" : "TEST Тур-пункт")
			.set("address", "Bakı, Test küçəsi 1")
			.set("hours", "09:00–18:00");
	}

	private Visitor donor() {
		return Visitor.signedIn(mvc, users.loadUserByUsername(DONOR));
	}

	private Visitor volunteer() {
		return Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
	}

	private Visitor staff() {
		return Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
	}

	private String mailTo(String address) {
		List<String> mail = TestMail.awaitBodiesTo(address, outbox::sendPending);
		assertThat(mail).as("mail to " + address).isNotEmpty();
		return mail.get(mail.size() - 1);
	}

	/** The newest mail to an address that holds a link to the given path, waiting for the outbox. */
	private String mailTo(String address, String path) {
		for (int tries = 0; tries < 80; tries++) {
			outbox.sendPending();
			List<String> mail = TestMail.bodiesTo(address);
			for (int i = mail.size() - 1; i >= 0; i--) {
				if (mail.get(i).contains(path)) {
					return mail.get(i);
				}
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("No mail to " + address + " with a link to " + path);
	}

	/** A link of a mail, as the app's own address (path and query) to open in the test. */
	static String linkIn(String mail, String path) {
		Matcher matcher = LINK.matcher(mail);
		while (matcher.find()) {
			String link = matcher.group();
			if (link.contains(path)) {
				return QrImages.local(link);
			}
		}
		throw new AssertionError("No link to " + path + " in: " + mail);
	}

	private long accounts(String email) {
		return jdbc.sql("SELECT count(*) FROM app_user WHERE lower(email) = lower(?)").param(email).query(Long.class).single();
	}

	private boolean confirmed(String email) {
		return jdbc.sql("SELECT email_confirmed_at IS NOT NULL FROM app_user WHERE email = ?").param(email)
			.query(Boolean.class).single();
	}

	private boolean anonymised(String email) {
		return jdbc.sql("SELECT anonymised_at IS NOT NULL FROM app_user WHERE email = ?").param(email)
			.query(Boolean.class).single();
	}

	private String passwordHash(String email) {
		return jdbc.sql("SELECT password_hash FROM app_user WHERE email = ?").param(email).query(String.class).single();
	}

	private String fullName(String email) {
		return jdbc.sql("SELECT full_name FROM app_user WHERE email = ?").param(email).query(String.class).single();
	}

	private long outboxTo(String email) {
		return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(email).query(Long.class).single();
	}

	private String status(String code) {
		return jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single();
	}

	private long lettersNamed(String firstName) {
		return jdbc.sql("SELECT count(*) FROM letter WHERE campaign_id = ? AND first_name = ?").params(campaign, firstName)
			.query(Long.class).single();
	}

	private long messages(String code) {
		return jdbc.sql("SELECT count(*) FROM donor_message m JOIN letter l ON l.id = m.letter_id WHERE l.code = ?")
			.param(code).query(Long.class).single();
	}

	private String campaignStatus(String code) {
		return jdbc.sql("SELECT status FROM campaign WHERE code = ?").param(code).query(String.class).optional().orElse(null);
	}

}
