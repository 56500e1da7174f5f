package az.asan.mektub.platform.web;

import java.util.Set;

import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The pages kept for a few seconds (issue 17) with their caches on, as in production: what is kept is
 * shared only by those who would see the same — the same language, the same regions, nobody signed
 * in — and carries nothing of one person to another (no CSRF token).
 */
@IntegrationTest
@TestPropertySource(properties = { "asan.tree.cache-seconds=60", "asan.reports.cache-seconds=60",
		"asan.desk.cache-seconds=60", "asan.trusted-proxies=127.0.0.1" })
class SharedPageCachesIntegrationTest extends CampaignTestBase {

	@Test
	void anAnonymousLettersPageIsKeptPerLanguageWithoutATokenAndASignedInDonorSeesTheLetterAsItIs() throws Exception {
		String code = testLetters.published(campaign, Spec.of("Aysel", 7));
		Page az = Visitor.anonymous(mvc).open("/letters/" + code);
		Page en = Visitor.anonymous(mvc).speaking("en").open("/letters/" + code);
		assertThat(az.text()).contains("Bu arzunu gerçəkləşdirin");
		assertThat(en.text()).contains("Make this wish come true").doesNotContain("Bu arzunu gerçəkləşdirin");
		assertThat(az.html()).doesNotContain("_csrf");
		assertThat(mvc.perform(get("/letters/" + code)).andReturn().getResponse().getCookie("ASANCSRF")).isNull();

		// taken meanwhile: the signed-in donor's page is their own, read now, with their token in the form
		long donor = TestPeople.id(jdbc, "donor@demo.az");
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);
		Page signedIn = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az")).open("/letters/" + code);
		assertThat(signedIn.document().select("#letter-taken")).isNotEmpty();
		assertThat(signedIn.document().select("#adopt-form")).isEmpty();
	}

	@Test
	void theDeskKeptForOneVolunteersRegionsIsNotShownToAVolunteerOfOtherRegions() {
		Integer empty = jdbc.sql("""
				SELECT r.id FROM region r WHERE r.parent_id IS NULL AND NOT EXISTS (
				    SELECT 1 FROM letter l JOIN campaign c ON c.id = l.campaign_id
				    WHERE c.status <> 'CLOSED' AND l.region_id = r.id) ORDER BY r.id LIMIT 1""")
			.query(Integer.class)
			.single();
		testLetters.published(campaign, Spec.of("Tural", 9).region("AZ-GA"));
		accounts.create("desk.cache@test.az", "gizli-parol-9", "Kamran Rzayev", Role.VOLUNTEER, Set.of(empty));

		Page mine = Visitor.signedIn(mvc, users.loadUserByUsername("volunteer@demo.az")).open("/volunteer");
		assertThat(mine.document().select("#status-counts tr[data-status=PUBLISHED] td.text-end").text())
			.isNotEqualTo("0");
		Page other = Visitor.signedIn(mvc, users.loadUserByUsername("desk.cache@test.az")).open("/volunteer");
		assertThat(other.document().select("#status-counts tr[data-status=PUBLISHED] td.text-end").text())
			.isEqualTo("0");
		assertThat(other.document().select("#review-queue")).isEmpty();
	}

	@Test
	void aReportIsKeptPerLanguage() {
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		assertThat(staff.open("/reports/regions").text()).contains("Qeydə alınıb");
		Page en = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking("en").open("/reports/regions");
		assertThat(en.text()).contains("Registered").doesNotContain("Qeydə alınıb");
		assertThat(en.document().select("#regions tbody tr")).isNotEmpty();
	}

}
