package az.asan.mektub.account;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestMail;
import az.asan.mektub.TestPeople;
import az.asan.mektub.notification.OutboxSender;
import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company registers itself as an organisation with its name and VÖEN, confirms its address from the
 * mail, waits for staff to confirm it, then adopts more letters than a person may, up to its own
 * limit, and its name (not its contact person's) is what the volunteer and its own pages show.
 */
@IntegrationTest
class OrganisationDonorIntegrationTest extends IntegrationTestBase {

	static final String EMAIL = "kontakt@gunes.org.test";

	static final String NAME = "Günəş Tikinti MMC";

	static final String CONTACT = "Elvin Məmmədov";

	static final String PASSWORD = "Günəşli səhər 2026";

	@Autowired
	OutboxSender outbox;

	@Autowired
	AsanProperties asan;

	@BeforeEach
	@AfterEach
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		TestPeople.remove(jdbc, "%.org.test");
	}

	@Test
	void anOrganisationRegistersIsConfirmedByStaffAndAdoptsBeyondAPersonsLimitUpToItsOwn() throws Exception {
		// a person may hold two letters of this campaign at once
		long campaign = TestCampaigns.create(jdbc, "OPEN", 3, 14, 14, 2);
		int limit = asan.organisations().adoptionLimit();
		assertThat(limit).isGreaterThan(2);
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i <= limit; i++) {
			codes.add(testLetters.published(campaign, Spec.of("Aysel", 6 + i % 6).region("AZ-GA")));
		}
		Visitor visitor = Visitor.anonymous(mvc);

		// the way there, from registration and from sign-in
		assertThat(visitor.open("/register").document().select("a[href$=/register/organisation]")).isNotEmpty();
		assertThat(visitor.open("/login").document().select("a[href$=/register/organisation]")).isNotEmpty();

		// a VÖEN that is not ten digits is refused with a clear message, and nothing typed is lost
		Page refused = registration(visitor, "14023456").submit();
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.document().select("#voen-errors").text()).contains("VÖEN düz 10 rəqəmdən ibarət olmalıdır");
		assertThat(refused.document().select("#organisationName").attr("value")).isEqualTo(NAME);
		assertThat(refused.document().select("#contactName").attr("value")).isEqualTo(CONTACT);
		assertThat(refused.document().select("#voen").attr("value")).isEqualTo("14023456");
		assertThat(registration(visitor, "14O2345671").submit().document().select("#voen-errors")).isNotEmpty();
		assertThat(count("SELECT count(*) FROM app_user WHERE email = '" + EMAIL + "'")).isZero();

		// a good one opens the account, which confirms its address from the mail
		Page registered = registration(visitor, "1402 345 671").submit();
		assertThat(registered.url()).startsWith("/login");
		assertThat(jdbc.sql("""
				SELECT full_name || '|' || contact_name || '|' || voen || '|' || organisation || '|' || organisation_review
				FROM app_user WHERE email = ?""").param(EMAIL).query(String.class).single())
			.isEqualTo(NAME + "|" + CONTACT + "|1402345671|true|PENDING");
		List<String> mail = TestMail.awaitBodiesTo(EMAIL, outbox::sendPending);
		assertThat(mail.get(0)).contains(CONTACT);
		String confirm = az.asan.mektub.web.QrImages.local(mail.get(0).replaceAll("(?s).*?(https?://\\S+/account/confirm\\?token=\\S+).*", "$1"));
		Page confirmedAddress = visitor.open(confirm);
		assertThat(confirmedAddress.text()).contains("E-poçt ünvanınız təsdiqləndi");
		// the page does not promise what it cannot do yet: staff still have to confirm the organisation
		assertThat(confirmedAddress.document().select("#confirm-text").text())
			.contains("hələ təsdiqləməyib").doesNotContain("İndi ağacdan məktub götürə bilərsiniz");

		// until staff confirm it, it cannot adopt, and says so on its page and on the letter's
		Visitor organisation = Visitor.signedIn(mvc, users.loadUserByUsername(EMAIL));
		assertThat(organisation.open("/me").document().select("#organisation-awaiting").text())
			.contains("təsdiqini gözləyir");
		Page waiting = organisation.open("/letters/" + codes.get(0));
		assertThat(waiting.document().select("#adopt-form")).isEmpty();
		assertThat(waiting.document().select("#adopt-awaiting").text()).contains("hələ əməkdaşlarımız tərəfindən təsdiqlənməyib");
		assertThat(count("SELECT count(*) FROM letter WHERE donor_id = (SELECT id FROM app_user WHERE email = '" + EMAIL
				+ "')")).isZero();

		// staff find it in the list of organisations awaiting confirmation and confirm it
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		Page list = staff.open("/admin/organisations");
		assertThat(list.text()).contains(NAME).contains("1402345671").contains(CONTACT);
		long id = TestPeople.id(jdbc, EMAIL);
		Page confirmed = list.formTo("/admin/organisations/" + id + "/confirm").submit();
		assertThat(confirmed.document().select(".alert-success")).as(confirmed.messages()).isNotEmpty();
		assertThat(confirmed.text()).doesNotContain("1402345671");
		assertThat(jdbc.sql("SELECT organisation_review FROM app_user WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("CONFIRMED");
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'ORGANISATION_CONFIRMED' AND target_id = " + id))
			.isEqualTo(1);
		assertThat(staff.open("/admin/audit").text()).contains(NAME);
		assertThat(TestMail.awaitMail(outbox::sendPending, EMAIL, "ASAN Məktubda təsdiqləndi")).contains(NAME)
			.contains(CONTACT);

		// now it adopts beyond a person's limit (2), up to its own
		for (int i = 0; i < limit; i++) {
			Page adopted = organisation.open("/letters/" + codes.get(i)).form("#adopt-form").submit();
			assertThat(adopted.url()).as(adopted.messages()).isEqualTo("/me/adoptions/" + codes.get(i));
		}
		assertThat(count("SELECT count(*) FROM letter WHERE status = 'ADOPTED' AND donor_id = " + id)).isEqualTo(limit);
		// one more is refused: the letter page says why instead of offering the button
		Page atLimit = organisation.open("/letters/" + codes.get(limit));
		assertThat(atLimit.document().select("#adopt-form")).isEmpty();
		assertThat(atLimit.document().select("#adopt-at-limit").text()).contains(String.valueOf(limit));
		assertThat(atLimit.document().select("#adopt-at-limit a[href$=/me/adoptions]")).isNotEmpty();

		// its name, not its contact person's, is what the volunteer and its own letters show
		Visitor volunteer = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az"));
		Page letterPage = volunteer.open("/volunteer/letters/" + codes.get(0));
		assertThat(letterPage.status()).isEqualTo(200);
		assertThat(letterPage.text()).contains(NAME).doesNotContain(CONTACT);
		Page mine = organisation.open("/me/adoptions");
		assertThat(mine.document().select(".nav-name").text()).contains(NAME);
		assertThat(mine.text()).doesNotContain(CONTACT);
		assertThat(staff.open("/reports/donors").text()).contains(NAME);
	}

	@Test
	void anOrganisationStaffRefuseCannotAdoptAndTheRefusalIsAudited() throws Exception {
		long campaign = TestCampaigns.open(jdbc);
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Nuray", 7).region("AZ-GA"));
		String email = "refused@ay.org.test";
		registration(Visitor.anonymous(mvc), "2002002002").set("email", email).submit();
		jdbc.sql("UPDATE app_user SET email_confirmed_at = now() WHERE email = ?").param(email).update();
		long id = TestPeople.id(jdbc, email);

		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		// a second registration with the same VÖEN: staff are told another account has it
		registration(Visitor.anonymous(mvc), "2002002002").set("email", "again@ay.org.test").submit();
		Page awaiting = staff.open("/admin/organisations");
		assertThat(awaiting.document().select("tr[data-organisation=" + id + "] .voen-elsewhere").text())
			.contains("bu VÖEN başqa hesabda da var");
		Page refused = awaiting.formTo("/admin/organisations/" + id + "/refuse").submit();
		assertThat(refused.document().select(".alert-success")).as(refused.messages()).isNotEmpty();
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'ORGANISATION_REFUSED' AND target_id = " + id))
			.isEqualTo(1);

		Visitor organisation = Visitor.signedIn(mvc, users.loadUserByUsername(email));
		assertThat(organisation.open("/me").document().select("#organisation-awaiting").text()).contains("təsdiqlənmədi");
		MvcResult pressed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/letters/" + code + "/adopt")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(users.loadUserByUsername(email)))).andReturn();
		assertThat(pressed.getResponse().getStatus()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("PUBLISHED");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void theConfirmationMailAddsNoQuotesAroundANameThatHasItsOwn() {
		String email = "quoted@az.org.test";
		registration(Visitor.anonymous(mvc), "3003003003").set("email", email)
			.set("organisationName", "«Azər-Tikinti» MMC")
			.submit();
		jdbc.sql("UPDATE app_user SET email_confirmed_at = now() WHERE email = ?").param(email).update();
		long id = TestPeople.id(jdbc, email);

		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		Page confirmed = staff.open("/admin/organisations").formTo("/admin/organisations/" + id + "/confirm").submit();
		assertThat(confirmed.document().select(".alert-success")).as(confirmed.messages()).isNotEmpty();

		String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? AND body LIKE '%Azər-Tikinti%'")
			.param(email)
			.query(String.class)
			.single();
		assertThat(body).contains("«Azər-Tikinti» MMC təşkilatı").doesNotContain("“«").doesNotContain("»”");
	}

	private static Visitor.Form registration(Visitor visitor, String voen) {
		return visitor.open("/register/organisation")
			.form("#organisation-form")
			.set("organisationName", NAME)
			.set("voen", voen)
			.set("contactName", CONTACT)
			.set("email", EMAIL)
			.set("password", PASSWORD)
			.set("passwordConfirmation", PASSWORD);
	}

}
