package az.asan.mektub.letter;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPerson;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.web.Visitor;

import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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
 * Withdrawing a letter a donor holds: the volunteer is warned and must confirm, and the donor is told
 * by mail, in their language, why; a letter nobody holds is withdrawn as before, without a mail.
 */
@IntegrationTest
class HeldLetterWithdrawalIntegrationTest extends IntegrationTestBase {

	@TestCampaign
	long campaign;

	@TestPerson("donor@demo.az")
	long donor;

	@TestCampaign
	TestLetters testLetters;

	@AfterEach
	void theDonorReadsAzerbaijaniAgain() {
		jdbc.sql("UPDATE app_user SET language = 'az' WHERE id = ?").param(donor).update();
	}

	@Test
	void aHeldLetterIsWithdrawnOnlyOnceTheVolunteerConfirmsAndItsDonorIsToldWhyInTheirLanguage() throws Exception {
		// given: a donor who reads Russian holds Zərifə's letter
		jdbc.sql("UPDATE app_user SET language = 'ru' WHERE id = ?").param(donor).update();
		String code = testLetters.published(campaign, Spec.of("Zərifə", 8));
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);

		// then: the volunteer's page says so before the button and asks for the confirmation
		mvc.perform(get("/volunteer/letters/" + code).with(user(volunteer())))
			.andExpect(content().string(allOf(containsString("id=\"withdraw-held\""),
					containsString("Bu məktubu donor götürüb: geri götürülsə, donora e-poçtla bildiriləcək"),
					containsString("name=\"heldConfirmed\""))));

		// when: withdrawn, as the form is served, without the confirmation
		Visitor volunteer = Visitor.signedIn(mvc, volunteer());
		Visitor.Page refused = volunteer.open("/volunteer/letters/" + code)
			.form("#withdraw-form")
			.set("reason", "CHILD_LEFT_CARE")
			.set("note", "Ailəsinə qayıdıb")
			.submit();

		// then: refused in plain words, nothing changed, and what was typed and chosen is on the page again
		assertThat(refused.document().select(".alert-danger").text()).as(refused.messages()).contains("təsdiq edin");
		assertThat(statusOf(code)).isEqualTo("ADOPTED");
		assertThat(mailsTo("Zərifə")).isEmpty();
		assertThat(refused.form("#withdraw-form").value("note")).isEqualTo("Ailəsinə qayıdıb");
		assertThat(refused.document().select("#withdrawReason option[selected]").attr("value")).isEqualTo("CHILD_LEFT_CARE");

		// when: withdrawn with it
		Visitor.Page done = refused.form("#withdraw-form").check("heldConfirmed").submit();
		assertThat(done.document().select(".alert-success")).as(done.messages()).isNotEmpty();

		// then: withdrawn, and exactly one mail to the donor, in Russian, with the reason's words (not the note)
		assertThat(statusOf(code)).isEqualTo("WITHDRAWN");
		List<String> mails = mailsTo("Zərifə");
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0)).contains("Программа сняла письмо ребёнка Zərifə")
			.contains("Причина: Ребёнок покинул учреждение.")
			.contains("/tree")
			.doesNotContain("Ailəsinə qayıdıb");

		// and the donor's link to the letter says it was withdrawn, and why, rather than "no longer yours"
		mvc.perform(get("/me/adoptions/" + code).with(user(users.loadUserByUsername("donor@demo.az"))))
			.andExpect(redirectedUrl("/me/adoptions"))
			.andExpect(flash().attribute("failure", allOf(containsString("Zərifə"), containsString("geri götürüb"),
					containsString("Uşaq qayğı müəssisəsini tərk edib"))));
	}

	@Test
	void aLetterNobodyHoldsNeedsNoConfirmationAndSendsNoMail() throws Exception {
		String code = testLetters.published(campaign, Spec.of("Nərgiz", 7));
		mvc.perform(get("/volunteer/letters/" + code).with(user(volunteer())))
			.andExpect(content().string(allOf(containsString("id=\"withdraw-form\""),
					not(containsString("id=\"withdraw-held\"")))));

		withdraw(code, Map.of("reason", "DUPLICATE")).andExpect(flash().attributeExists("success"));

		assertThat(statusOf(code)).isEqualTo("WITHDRAWN");
		assertThat(mailsTo("Nərgiz")).isEmpty();
	}

	private ResultActions withdraw(String code, Map<String, String> params) throws Exception {
		var request = post("/volunteer/letters/" + code + "/withdraw").with(csrf()).with(user(volunteer()));
		params.forEach(request::param);
		return mvc.perform(request).andExpect(status().isFound());
	}

	private List<String> mailsTo(String firstName) {
		return jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'donor@demo.az' AND kind = 'heldLetterWithdrawn' "
				+ "AND body LIKE ?")
			.param("%" + firstName + "%")
			.query(String.class)
			.list();
	}

	private SignedInUser volunteer() {
		return (SignedInUser) users.loadUserByUsername("volunteer@demo.az");
	}

}
