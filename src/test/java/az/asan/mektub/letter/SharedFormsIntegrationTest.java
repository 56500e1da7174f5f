package az.asan.mektub.letter;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import az.asan.mektub.HttpBrowser;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's lists are rendered once for every volunteer with the same regions, and a letter's page
 * once for everyone signed in, and kept a while (issue 17); the forms in them must still carry each
 * reader's own CSRF token, never the first reader's, and work when pressed. Real HTTP with cookies,
 * pages kept for minutes.
 */
@IntegrationTest
@TestPropertySource(properties = { "asan.tree.cache-seconds=300", "asan.desk.cache-seconds=300" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedFormsIntegrationTest extends IntegrationTestBase {

	long campaign;

	@BeforeAll
	void twoVolunteersOfOneRegion() {
		cleanUp();
		campaign = TestCampaigns.open(jdbc);
		int region = jdbc.sql("SELECT id FROM region WHERE code = 'AZ-SR'").query(Integer.class).single();
		accounts.create("first@desk.test", "birinci-parol-71", "Birinci Könüllü", Role.VOLUNTEER, Set.of(region));
		accounts.create("second@desk.test", "ikinci-parol-72", "İkinci Könüllü", Role.VOLUNTEER, Set.of(region));
	}

	@AfterAll
	void cleanUp() {
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM login_attempt").update();
		TestPeople.remove(jdbc, "%@desk.test");
	}

	@Test
	void eachVolunteerPressesTheKeptDesksFormsWithTheirOwnToken() throws Exception {
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		long donor = TestPeople.id(jdbc, "donor@demo.az");
		String overdue = testLetters.published(campaign, Spec.of("Sərdar", 9).region("AZ-SR"));
		testLetters.moveTo(overdue, LetterStatus.ADOPTED, donor);
		jdbc.sql("UPDATE letter SET due_date = current_date - 400 WHERE code = ?").param(overdue).update();

		HttpBrowser first = new HttpBrowser(port);
		first.signIn("first@desk.test", "birinci-parol-71");
		Document firstDesk = first.page("/volunteer");
		Element firstForm = firstDesk.selectFirst("#row-" + overdue + " form");
		assertThat(firstForm).as("the overdue hold on the first volunteer's desk").isNotNull();

		// what the second volunteer sees comes from the kept desk: a change in between does not show yet
		jdbc.sql("UPDATE letter SET first_name = 'Dəyişdi' WHERE code = ?").param(overdue).update();
		HttpBrowser second = new HttpBrowser(port);
		second.signIn("second@desk.test", "ikinci-parol-72");
		Document secondDesk = second.page("/volunteer");
		Element secondForm = secondDesk.selectFirst("#row-" + overdue + " form");
		assertThat(secondForm).isNotNull();
		assertThat(secondDesk.select("#row-" + overdue + " a").text()).isEqualTo("Sərdar");

		for (Document desk : java.util.List.of(firstDesk, secondDesk)) {
			assertThat(desk.html()).doesNotContain("asan-csrf-token-of-the-reader");
			assertThat(desk.select("form[method=post]")).allSatisfy(
					form -> assertThat(form.select("input[name=_csrf]").val()).as(form.outerHtml()).isNotBlank());
		}

		// the first volunteer's token does not work in the second one's session, the second one's own does
		String firstToken = firstForm.select("input[name=_csrf]").val();
		assertThat(second.post(secondForm.attr("action"), firstToken).statusCode()).isEqualTo(403);
		assertThat(status(overdue)).isEqualTo("ADOPTED");
		HttpResponse<String> pressed = second.post(secondForm.attr("action"), secondForm.select("input[name=_csrf]").val());
		assertThat(pressed.statusCode()).isEqualTo(302);
		assertThat(pressed.headers().firstValue("Location").orElseThrow()).endsWith("/volunteer");
		assertThat(status(overdue)).isEqualTo("PUBLISHED");

		// right after an action the desk is read afresh, for the one who acted
		assertThat(second.page("/volunteer").select("#row-" + overdue)).isEmpty();
	}

	@Test
	void aDonorAdoptsFromALettersPageKeptForEveryoneSignedInWithTheirOwnToken() throws Exception {
		String code = new TestLetters(letters, tx, jdbc).published(campaign, Spec.of("Nurlan", 8).region("AZ-SR"));

		HttpBrowser volunteer = new HttpBrowser(port);
		volunteer.signIn("first@desk.test", "birinci-parol-71");
		Document first = volunteer.page("/letters/" + code);
		assertThat(first.select("form#adopt-form[method=post]")).hasSize(1);

		// the donor's page comes from the kept one: a change in between does not show yet
		jdbc.sql("UPDATE letter SET public_wish = 'Dəyişmiş arzu' WHERE code = ?").param(code).update();
		HttpBrowser donor = new HttpBrowser(port);
		donor.signIn("donor@demo.az", "demo12345");
		Document page = donor.page("/letters/" + code);
		assertThat(page.text()).doesNotContain("Dəyişmiş arzu");
		assertThat(page.html()).doesNotContain("asan-csrf-token-of-the-reader");
		Element form = page.selectFirst("form#adopt-form[method=post]");
		assertThat(form).isNotNull();
		String donorsToken = form.select("input[name=_csrf]").val();
		assertThat(donorsToken).isNotBlank();

		// the volunteer's token from the same kept page does not work for the donor; the donor's own does
		assertThat(donor.post(form.attr("action"), first.selectFirst("form#adopt-form input[name=_csrf]").val())
			.statusCode()).isEqualTo(403);
		HttpResponse<String> adopted = donor.post(form.attr("action"), donorsToken);
		assertThat(adopted.statusCode()).isIn(302, 303);
		assertThat(adopted.headers().firstValue("Location").orElseThrow()).endsWith("/me/adoptions/" + code);
		assertThat(status(code)).isEqualTo("ADOPTED");
	}

	private String status(String code) {
		return jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single();
	}

}
