package az.asan.mektub.adoption;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.TestCampaign;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.security.OneTimeLinks;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Companies that adopt together (issue 27.2): an organisation invites its employees by mail, they join
 * its team through the single-use link and adopt from its pool against its limit; it reserves letters
 * for its team, which leave the free tree with the same one-winner guarantee as an adoption and come
 * back when the reservation ends; only its own account sees its team page and tags, only its team
 * its pool.
 */
@IntegrationTest
@RemovesPeople("%@team.test")
class CompanyTeamIntegrationTest extends IntegrationTestBase {

	static final Pattern JOIN_LINK = Pattern.compile("/team/join\\?token=(_[0-9a-f]{24}_)");

	@Autowired
	OneTimeLinks oneTimeLinks;

	@Autowired
	TeamAdoption teamAdoption;

	@Autowired
	ReservationExpiry reservationExpiry;

	@Autowired
	AdoptionManagement adoptions;

	@Autowired
	az.asan.mektub.letter.PaperTree paperTree;

	@TestCampaign
	TestLetters testLetters;

	/** A person may hold one letter of this campaign at once. */
	@TestCampaign(donorLimit = 1)
	long campaign;

	@Test
	void anOrganisationInvitesByMailAndEachLinkJoinsItsOwnAddressOnce() throws Exception {
		SignedInUser company = organisation("hr@team.test", 5);
		SignedInUser aysel = donor("aysel@team.test", "Aysel Quliyeva");
		SignedInUser orxan = donor("orxan@team.test", "Orxan Əliyev");
		Visitor organisation = Visitor.signedIn(mvc, company);

		// a typo is refused beside the field, in the reader's language, and nothing is mailed
		Page team = organisation.open("/organisation/team");
		assertThat(team.status()).isEqualTo(200);
		Page refused = team.form("#invite-form").set("emails", "aysel@team.test\norxan(at)team.test").submit();
		assertThat(refused.document().select("#emails-errors").text()).contains("Bu, e-poçt ünvanı deyil: orxan(at)team.test");
		assertThat(refused.document().select("#emails").text()).contains("orxan(at)team.test");
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient LIKE '%@team.test'")).isZero();
		assertThat(organisation.open("/organisation/team").form("#invite-form").set("emails", "  ").submit()
			.document().select("#emails-errors").text()).contains("Ən azı bir e-poçt ünvanı yazın");

		// two addresses: two mails, each with its own link; only the link's hash is stored
		Page invited = organisation.open("/organisation/team").form("#invite-form")
			.set("emails", "Aysel@team.test, orxan@team.test")
			.submit();
		assertThat(invited.document().select(".alert-success").text()).contains("Göndərilən dəvətlər: 2");
		assertThat(invited.document().select("#team-pending").text()).contains("aysel@team.test").contains("orxan@team.test");
		String ayselToken = token("aysel@team.test");
		String orxanToken = token("orxan@team.test");
		assertThat(count("SELECT count(*) FROM organisation_invitation WHERE token_hash IN ('" + ayselToken + "', '"
				+ orxanToken + "')")).isZero();
		assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'aysel@team.test'").query(String.class).single())
			.contains("Test Şirkəti MMC").doesNotContain(ayselToken);

		// a link opened by another address joins no one and keeps working for its owner
		Visitor orxanVisits = Visitor.signedIn(mvc, orxan);
		Page wrong = orxanVisits.open("/team/join?token=" + ayselToken).form("#team-join-form").submit();
		assertThat(wrong.document().select(".alert-danger, .alert-warning").text()).contains("başqa e-poçt ünvanına");
		assertThat(count("SELECT count(*) FROM organisation_member")).isZero();

		// its owner joins, once
		Visitor ayselVisits = Visitor.signedIn(mvc, aysel);
		Page invitation = ayselVisits.open("/team/join?token=" + ayselToken);
		assertThat(invitation.document().select("#team-join-text").text()).contains("Test Şirkəti MMC");
		Page joined = invitation.form("#team-join-form").submit();
		assertThat(joined.url()).isEqualTo("/team");
		assertThat(joined.document().select(".alert-success").text()).contains("Komandaya qoşuldunuz");
		assertThat(ayselVisits.open("/team/join?token=" + ayselToken).document().select("#team-join-bad")).isNotEmpty();
		assertThat(orxanVisits.open("/team/join?token=" + orxanToken).form("#team-join-form").submit().url())
			.isEqualTo("/team");
		// the used links' secrets are gone from the stored mails
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient LIKE '%@team.test' AND body ~ 'token=_[0-9a-f]{24}_'"))
			.isZero();
		assertThat(organisation.open("/organisation/team").document().select("#team-members").text())
			.contains("Aysel Quliyeva").contains("Orxan Əliyev");
		assertThat(organisation.open("/me").document().select("#me-team-link").attr("href")).isEqualTo("/organisation/team");
		assertThat(ayselVisits.open("/me").document().select("#me-team-link").attr("href")).isEqualTo("/team");

		// an unknown link says so on the app's page
		Page unknown = ayselVisits.open("/team/join?token=nonsense");
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.document().select("#team-join-bad").text()).contains("etibarsızdır");
	}

	@Test
	void theTeamAdoptsForTheOrganisationAgainstItsLimitAndItsPageSaysWhoTookWhatAndWhere() throws Exception {
		SignedInUser company = organisation("hr@team.test", 2);
		SignedInUser aysel = member(company, donor("aysel@team.test", "Aysel Quliyeva"));
		SignedInUser orxan = member(company, donor("orxan@team.test", "Orxan Əliyev"));
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			codes.add(testLetters.published(campaign, TestLetters.Spec.of("Nərgiz", 7 + i)));
		}
		teamAdoption.reserve(company.id(), campaign, 3);
		assertThat(count("SELECT count(*) FROM letter WHERE reserved_for = " + company.id())).isEqualTo(2);

		// each takes one of the pool for the company: two, the company's limit, though a person may hold one
		Visitor ayselVisits = Visitor.signedIn(mvc, aysel);
		Page pool = ayselVisits.open("/team");
		assertThat(pool.document().select("#team-pool li")).hasSize(2);
		Page took = pool.form(".team-adopt-form").submit();
		assertThat(took.document().select(".alert-success").text()).contains("təşkilatınızın adından götürüldü");
		Visitor orxanVisits = Visitor.signedIn(mvc, orxan);
		orxanVisits.open("/team").form(".team-adopt-form").submit();
		assertThat(count("SELECT count(*) FROM letter WHERE status = 'ADOPTED' AND donor_id = " + company.id())).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM letter WHERE taken_by IN (" + aysel.id() + ", " + orxan.id()
				+ ") AND reserved_for IS NULL")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM letter WHERE donor_id IN (" + aysel.id() + ", " + orxan.id() + ")"))
			.isZero();

		// the third letter on the tree: the company is at its limit, whoever of its team presses
		String third = jdbc.sql("SELECT code FROM letter WHERE campaign_id = ? AND status = 'PUBLISHED'")
			.param(campaign)
			.query(String.class)
			.single();
		// (not reserved for the team, so not its to take at all; the organisation's own press meets the limit)
		assertThat(catchRefusal(() -> teamAdoption.adoptForOrganisation(third, aysel.id())))
			.isEqualTo(AdoptionRefused.Reason.NOT_IN_POOL);
		assertThat(catchRefusal(() -> adoptions.adopt(third, company.id()))).isEqualTo(AdoptionRefused.Reason.LIMIT);
		assertThat(statusOf(third)).isEqualTo("PUBLISHED");
		// and may reserve no more
		assertThat(teamAdoption.mayReserve(company.id(), campaign)).isZero();
		// a person outside the team cannot adopt for it
		SignedInUser stranger = donor("stranger@team.test", "Kənar Adam");
		assertThat(catchRefusal(() -> teamAdoption.adoptForOrganisation(third, stranger.id())))
			.isEqualTo(AdoptionRefused.Reason.NOT_IN_TEAM);

		// the company's page: who took each, what is still to be handed in and where
		long point = jdbc.sql("SELECT id FROM handover_point WHERE accepting ORDER BY id LIMIT 1").query(Long.class).single();
		String ayselsLetter = jdbc.sql("SELECT code FROM letter WHERE taken_by = ?").param(aysel.id()).query(String.class).single();
		Visitor organisation = Visitor.signedIn(mvc, company);
		organisation.open("/me/adoptions/" + ayselsLetter).form("#point-form").check("handoverPointId", String.valueOf(point)).submit();
		Page page = organisation.open("/organisation/team");
		assertThat(page.document().select("#team-to-hand-in").text()).contains("2");
		assertThat(page.document().select("#team-letters tr[data-code=" + ayselsLetter + "] .team-taken-by").text())
			.isEqualTo("Aysel Quliyeva");
		assertThat(page.document().select("#team-letters tr[data-code=" + ayselsLetter + "] .team-centre").text())
			.isNotBlank().doesNotContain("seçilməyib");
		assertThat(page.text()).contains("Orxan Əliyev").contains("Mərkəz hələ seçilməyib");
		// no child's private data on it
		assertThat(page.html()).doesNotContain("Testov");

		// the letter shows the organisation as donor and who of its team took it, to the program's staff
		Page staffView = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).open("/volunteer/letters/" + ayselsLetter);
		assertThat(staffView.text()).contains("Test Şirkəti MMC");
		assertThat(staffView.document().select("#taken-by").text()).isEqualTo("Aysel Quliyeva");

		// the sheet of its tags: both, each with its tag code and QR
		Page tags = organisation.open("/organisation/tags");
		assertThat(tags.document().select("#team-tags .gift-tag")).hasSize(2);
		assertThat(tags.document().select("#print-tags")).isNotEmpty();
		assertThat(tags.document().select(".gift-tag-qr")).hasSize(2);
	}

	@Test
	void aReservationAndAdoptionsOfTheSameLetterAtOnceHaveOneWinner() throws Exception {
		SignedInUser company = organisation("hr@team.test", 5);
		List<SignedInUser> donors = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			donors.add(donor("rush" + i + "@team.test", "Donor " + i));
		}
		for (int round = 0; round < 5; round++) {
			// one free letter on the tree, a reservation and twelve donors on it at the same moment
			jdbc.sql("UPDATE letter SET reserved_for = NULL, reserved_until = NULL WHERE campaign_id = ?").param(campaign).update();
			String code = testLetters.published(campaign, TestLetters.Spec.of("Round" + round, 8));
			ExecutorService pool = Executors.newFixedThreadPool(13);
			CountDownLatch start = new CountDownLatch(1);
			Future<TeamAdoption.Reserved> reservation = pool.submit(() -> {
				start.await();
				return teamAdoption.reserve(company.id(), campaign, 5);
			});
			List<Future<MvcResult>> presses = new ArrayList<>();
			for (SignedInUser donor : donors) {
				presses.add(pool.submit(() -> {
					start.await();
					return mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(donor))).andReturn();
				}));
			}
			start.countDown();
			boolean reserved = reservation.get().codes().contains(code);
			int adopted = 0;
			for (Future<MvcResult> press : presses) {
				if (press.get().getResponse().getStatus() == 302) {
					adopted++;
				}
				else {
					assertThat(press.get().getResponse().getStatus()).isEqualTo(409);
				}
			}
			pool.shutdown();

			// exactly one winner: reserved for the company or adopted by one donor, never both
			assertThat((reserved ? 1 : 0) + adopted).as("round " + round).isEqualTo(1);
			String state = jdbc.sql("SELECT status || '|' || (reserved_for IS NOT NULL) FROM letter WHERE code = ?")
				.param(code)
				.query(String.class)
				.single();
			assertThat(state).isEqualTo(reserved ? "PUBLISHED|true" : "ADOPTED|false");
			// the winners of this round give their letters back, so the next round starts alike
			jdbc.sql("UPDATE letter SET status = 'WITHDRAWN', reserved_for = NULL, reserved_until = NULL WHERE code = ?")
				.param(code)
				.update();
		}
	}

	@Test
	void aReservedLetterLeavesTheFreeTreeOnlyItsTeamTakesItAndItComesBackWhenTheHoursAreOver() throws Exception {
		SignedInUser company = organisation("hr@team.test", 5);
		SignedInUser aysel = member(company, donor("aysel@team.test", "Aysel Quliyeva"));
		SignedInUser someone = donor("someone@team.test", "Başqa Donor");
		String kept = testLetters.published(campaign, TestLetters.Spec.of("Ləman", 9));
		String back = testLetters.published(campaign, TestLetters.Spec.of("Tofiq", 10));

		// reserved through the company's page, as served: for the setting's 72 hours
		Visitor organisation = Visitor.signedIn(mvc, company);
		Page reserved = organisation.open("/organisation/team").form("#reserve-form")
			.set("count", "2")
			.choose("campaign", String.valueOf(campaign))
			.submit();
		assertThat(reserved.document().select(".alert-success").text()).contains("Komanda üçün ayrılan məktublar: 2")
			.contains("72 saatdan");
		assertThat(reserved.document().select("#team-pool li")).hasSize(2);
		Instant until = jdbc.sql("SELECT reserved_until FROM letter WHERE code = ?").param(kept)
			.query(java.sql.Timestamp.class).single().toInstant();
		assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofHours(71), Duration.ofHours(72));

		// not free on the tree: not listed, and another donor's press finds it taken
		Visitor visitor = Visitor.anonymous(mvc);
		assertThat(visitor.open("/tree?campaign=" + campaign).html()).doesNotContain(kept).doesNotContain(back);
		MvcResult taken = mvc.perform(post("/letters/" + kept + "/adopt").with(csrf()).with(user(someone))).andReturn();
		assertThat(taken.getResponse().getStatus()).isEqualTo(409);
		// and is told it is reserved for a team until when, not that it is taken or that they are at a limit
		assertThat(taken.getResponse().getContentAsString()).contains("komandası üçün ayrılıb")
			.contains(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(until.atZone(java.time.ZoneId.of("Asia/Baku"))))
			.doesNotContain("ən çox");
		assertThat(statusOf(kept)).isEqualTo("PUBLISHED");

		// its team takes it
		Visitor ayselVisits = Visitor.signedIn(mvc, aysel);
		ayselVisits.open("/team").form(".team-adopt-form[action$=" + kept + "/adopt]").submit();
		assertThat(statusOf(kept)).isEqualTo("ADOPTED");

		// before the hours are over nothing goes back; after them the other one does, once
		assertThat(reservationExpiry.releaseExpiredAt(Instant.now())).contains(0);
		assertThat(reservationExpiry.releaseExpiredAt(Instant.now().plus(Duration.ofHours(73)))).contains(1);
		assertThat(reservationExpiry.releaseExpiredAt(Instant.now().plus(Duration.ofHours(73)))).contains(0);
		assertThat(jdbc.sql("SELECT reserved_for IS NULL FROM letter WHERE code = ?").param(back).query(Boolean.class).single())
			.isTrue();
		assertThat(visitor.open("/tree?campaign=" + campaign).html()).contains(back);
		assertThat(mvc.perform(post("/letters/" + back + "/adopt").with(csrf()).with(user(someone))).andReturn()
			.getResponse().getRedirectedUrl()).isEqualTo("/me/adoptions/" + back);
	}

	@Test
	void sixOfATeamPressingAtOnceHoldExactlyTheOrganisationsLimit() throws Exception {
		SignedInUser company = organisation("hr@team.test", 3);
		List<SignedInUser> team = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			team.add(member(company, donor("press" + i + "@team.test", "İşçi " + i)));
			codes.add(testLetters.published(campaign, TestLetters.Spec.of("Press" + i, 8)));
		}
		// the team takes from its pool: three reserved (the limit); two of the team press on each at once,
		// and the organisation's own account presses on the three free ones meanwhile
		List<String> reserved = teamAdoption.reserve(company.id(), campaign, 6).codes();
		assertThat(reserved).hasSize(3);
		List<String> free = codes.stream().filter(c -> !reserved.contains(c)).toList();
		ExecutorService pool = Executors.newFixedThreadPool(9);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcResult>> presses = new ArrayList<>();
		List<Future<MvcResult>> own = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			SignedInUser person = team.get(i);
			String code = reserved.get(i % 3);
			presses.add(pool.submit(() -> {
				start.await();
				return mvc.perform(post("/team/letters/" + code + "/adopt").with(csrf()).with(user(person))).andReturn();
			}));
		}
		for (String code : free) {
			own.add(pool.submit(() -> {
				start.await();
				return mvc.perform(post("/letters/" + code + "/adopt").with(csrf()).with(user(company))).andReturn();
			}));
		}
		start.countDown();
		for (Future<MvcResult> press : presses) {
			assertThat(press.get().getResponse().getRedirectedUrl()).isEqualTo("/team");
		}
		for (Future<MvcResult> press : own) {
			assertThat(press.get().getResponse().getStatus()).isEqualTo(409);
		}
		pool.shutdown();
		assertThat(count("SELECT count(*) FROM letter WHERE status = 'ADOPTED' AND donor_id = " + company.id()
				+ " AND taken_by IS NOT NULL")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM letter WHERE status = 'ADOPTED' AND donor_id = " + company.id())).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM letter WHERE status = 'PUBLISHED' AND campaign_id = " + campaign)).isEqualTo(3);
	}

	@Test
	void aWalkInAtADeskCannotTakeALetterReservedForATeamNorIsItPrintedOnAPaperTree() throws Exception {
		SignedInUser company = organisation("hr@team.test", 5);
		// an age no demo letter has, so that the paper tree below could only pick this one
		String code = testLetters.published(campaign, TestLetters.Spec.of("Zəhra", 22));
		assertThat(teamAdoption.reserve(company.id(), campaign, 1).codes()).containsExactly(code);
		long volunteer = TestPeople.id(jdbc, "volunteer@demo.az");
		long point = jdbc.sql("SELECT id FROM handover_point WHERE accepting ORDER BY id LIMIT 1").query(Long.class).single();
		assertThat(catchRefusal(() -> adoptions.adoptWalkIn(code, az.asan.mektub.account.RegionScope.all(), volunteer, point,
				"Rauf Qəniyev", "+994 55 123 45 67")))
			.isEqualTo(AdoptionRefused.Reason.RESERVED);
		// the desk, as served, says reserved for a team until when, not "taken"
		Instant until = jdbc.sql("SELECT reserved_until FROM letter WHERE code = ?").param(code)
			.query(java.sql.Timestamp.class).single().toInstant();
		MvcResult desk = mvc.perform(post("/volunteer/walk-in").with(csrf())
			.with(user(users.loadUserByUsername("staff@demo.az")))
			.param("code", code)
			.param("donorName", "Rauf Qəniyev")
			.param("donorPhone", "+994 55 123 45 67")
			.param("handoverPointId", String.valueOf(point))).andReturn();
		assertThat(desk.getResponse().getContentAsString()).contains("komandası üçün ayrılıb")
			.contains(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(until.atZone(java.time.ZoneId.of("Asia/Baku"))))
			.doesNotContain("artıq başqası götürüb");
		assertThat(jdbc.sql("SELECT status || '|' || (reserved_for = ?) FROM letter WHERE code = ?").params(company.id(), code)
			.query(String.class).single()).isEqualTo("PUBLISHED|true");
		assertThat(paperTree.print(new az.asan.mektub.letter.PaperTree.Choice(null, 22, 22, 5, false), point,
				az.asan.mektub.account.RegionScope.all())).isEmpty();
	}

	@Test
	void aPersonOfTheTeamTakesForTheOrganisationOnlyALetterOfItsPoolNotAnyLetterOfTheTree() throws Exception {
		SignedInUser company = organisation("hr@team.test", 5);
		SignedInUser aysel = member(company, donor("aysel@team.test", "Aysel Quliyeva"));
		String ordinary = testLetters.published(campaign, TestLetters.Spec.of("Adi", 9));

		// the reviewer's press: an ordinary letter of the public tree, straight to the team's form's address
		Visitor ayselVisits = Visitor.signedIn(mvc, aysel);
		MvcResult press = mvc.perform(post("/team/letters/" + ordinary + "/adopt").with(csrf()).with(user(aysel))).andReturn();
		assertThat(press.getResponse().getRedirectedUrl()).isEqualTo("/team");
		assertThat(String.valueOf(press.getFlashMap().get("failure")))
			.contains("yalnız təşkilatınızın komandası üçün ayırdığı məktubları");
		assertThat(statusOf(ordinary)).isEqualTo("PUBLISHED");
		assertThat(count("SELECT count(*) FROM letter WHERE donor_id = " + company.id())).isZero();

		// once the officer reserves it, it is the team's to take
		assertThat(teamAdoption.reserve(company.id(), campaign, 1).codes()).containsExactly(ordinary);
		ayselVisits.open("/team").form(".team-adopt-form[action$=" + ordinary + "/adopt]").submit();
		assertThat(jdbc.sql("SELECT status || '|' || donor_id || '|' || taken_by FROM letter WHERE code = ?").param(ordinary)
			.query(String.class).single()).isEqualTo("ADOPTED|" + company.id() + "|" + aysel.id());
	}

	@Test
	void aReservationNeverTakesALetterHangingOnAPaperTreeAndAnotherOrganisationsPersonHearsItIsReserved() {
		SignedInUser company = organisation("hr@team.test", 5);
		long point = jdbc.sql("SELECT id FROM handover_point WHERE accepting ORDER BY id LIMIT 1").query(Long.class).single();
		// an age no demo letter has: the paper tree picks this one, then the reservation finds only the other
		String onPaper = testLetters.published(campaign, TestLetters.Spec.of("Kağız", 23));
		String online = testLetters.published(campaign, TestLetters.Spec.of("Onlayn", 8));
		assertThat(paperTree.print(new az.asan.mektub.letter.PaperTree.Choice(null, 23, 23, 5, false), point,
				az.asan.mektub.account.RegionScope.all())).isPresent();
		assertThat(teamAdoption.reserve(company.id(), campaign, 5).codes()).containsExactly(online);

		// the walk-in holding the paper tag takes it at the desk
		long volunteer = TestPeople.id(jdbc, "volunteer@demo.az");
		adoptions.adoptWalkIn(onPaper, az.asan.mektub.account.RegionScope.all(), volunteer, point, "Rauf Qəniyev",
				"+994 55 123 45 67");
		assertThat(statusOf(onPaper)).isEqualTo("ADOPTED");

		// a person of another organisation's team (holding nothing) and a new donor: reserved, not a limit
		SignedInUser other = organisation("other@team.test", 20);
		SignedInUser member = member(other, donor("member@team.test", "Başqa İşçi"));
		AdoptionRefused byMember = refusal(() -> teamAdoption.adoptForOrganisation(online, member.id()));
		assertThat(byMember.reason()).isEqualTo(AdoptionRefused.Reason.RESERVED);
		assertThat(byMember.until()).isNotBlank();
		SignedInUser newcomer = donor("new@team.test", "Yeni Donor");
		assertThat(catchRefusal(() -> adoptions.adopt(online, newcomer.id()))).isEqualTo(AdoptionRefused.Reason.RESERVED);
		assertThat(statusOf(online)).isEqualTo("PUBLISHED");
	}

	@Test
	void theOrganisationsOwnPressCountsItsReservationsSoTheLastReservedLetterIsNeverStuck() {
		SignedInUser company = organisation("hr@team.test", 2);
		SignedInUser aysel = member(company, donor("aysel@team.test", "Aysel Quliyeva"));
		SignedInUser orxan = member(company, donor("orxan@team.test", "Orxan Əliyev"));
		String first = testLetters.published(campaign, TestLetters.Spec.of("Bir", 7));
		String second = testLetters.published(campaign, TestLetters.Spec.of("İki", 8));
		String free = testLetters.published(campaign, TestLetters.Spec.of("Üç", 9));
		assertThat(teamAdoption.reserve(company.id(), campaign, 2).codes()).containsExactlyInAnyOrder(first, second);

		// held 0 + reserved 2 = the limit: the organisation's own press on a free letter is refused
		assertThat(catchRefusal(() -> adoptions.adopt(free, company.id()))).isEqualTo(AdoptionRefused.Reason.LIMIT);
		assertThat(statusOf(free)).isEqualTo("PUBLISHED");
		// and both reserved letters are taken by the team, a reservation turned into a hold counted once
		teamAdoption.adoptForOrganisation(first, aysel.id());
		teamAdoption.adoptForOrganisation(second, orxan.id());
		assertThat(count("SELECT count(*) FROM letter WHERE status = 'ADOPTED' AND donor_id = " + company.id())).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM letter WHERE reserved_for = " + company.id())).isZero();
	}

	@Test
	void thePersonWhoTookALetterSeesWhatToBuyByWhenWhereAndPrintsItsTag() throws Exception {
		SignedInUser company = organisation("hr@team.test", 5);
		SignedInUser aysel = member(company, donor("aysel@team.test", "Aysel Quliyeva"));
		SignedInUser orxan = member(company, donor("orxan@team.test", "Orxan Əliyev"));
		String code = testLetters.published(campaign, TestLetters.Spec.of("Nərmin", 9));
		String wish = jdbc.sql("SELECT public_wish FROM letter WHERE code = ?").param(code).query(String.class).single();
		teamAdoption.reserve(company.id(), campaign, 1);
		Visitor ayselVisits = Visitor.signedIn(mvc, aysel);
		ayselVisits.open("/team").form(".team-adopt-form").submit();
		String due = jdbc.sql("SELECT to_char(due_date, 'DD.MM.YYYY') FROM letter WHERE code = ?").param(code)
			.query(String.class).single();

		// what to buy, by when, where: no centre yet
		Page team = ayselVisits.open("/team");
		org.jsoup.select.Elements mine = team.document().select("#team-mine li[data-code=" + code + "]");
		assertThat(mine.select(".fw-semibold").first().text()).contains("Nərmin");
		assertThat(mine.select(".team-mine-wish").text()).isEqualTo(wish);
		assertThat(mine.select(".team-mine-due").text()).contains(due);
		assertThat(mine.select(".team-mine-centre").text()).contains("Mərkəz hələ seçilməyib");

		// they choose the centre, by the donor's rules, and see it
		long point = jdbc.sql("SELECT id FROM handover_point WHERE accepting ORDER BY id DESC LIMIT 1").query(Long.class).single();
		String pointName = jdbc.sql("SELECT name_az FROM handover_point WHERE id = ?").param(point).query(String.class).single();
		Page chosen = team.form(".team-centre-form").choose("handoverPointId", String.valueOf(point)).submit();
		assertThat(chosen.document().select(".alert-success").text()).contains("yadda saxlanıldı");
		assertThat(chosen.document().select("#team-mine li[data-code=" + code + "] .team-mine-centre").text())
			.contains(pointName);
		assertThat(jdbc.sql("SELECT handover_point_id FROM letter WHERE code = ?").param(code).query(Long.class).single())
			.isEqualTo(point);

		// the printable tag, the organisation's template, only their own letters
		Page tags = ayselVisits.open(chosen.document().select("#team-mine-tags").attr("href"));
		assertThat(tags.status()).isEqualTo(200);
		assertThat(tags.document().select("#team-tags .gift-tag")).hasSize(1);
		assertThat(tags.document().select("#team-tags .gift-tag").attr("data-code")).isEqualTo(code);
		assertThat(tags.text()).contains(pointName).contains(due);
		assertThat(tags.document().select("#team-tags-back").attr("href")).isEqualTo("/team");
		assertThat(Visitor.signedIn(mvc, orxan).open("/team/tags").document().select("#team-tags .gift-tag")).isEmpty();

		// another of the team cannot choose for a letter they did not take; an outsider has no tags page
		assertThat(mvc.perform(post("/team/letters/" + code + "/centre").param("handoverPointId", String.valueOf(point))
			.with(csrf()).with(user(orxan))).andReturn().getResponse().getStatus()).isEqualTo(404);
		SignedInUser stranger = donor("stranger@team.test", "Kənar Adam");
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/team/tags")
			.with(user(stranger))).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theOfficerCancelsAReservationTakesBackAnInvitationAndRemovesAPersonWhoseLettersStayTheOrganisations()
			throws Exception {
		SignedInUser company = organisation("hr@team.test", 5);
		SignedInUser aysel = member(company, donor("aysel@team.test", "Aysel Quliyeva"));
		String kept = testLetters.published(campaign, TestLetters.Spec.of("Ləman", 9));
		String back = testLetters.published(campaign, TestLetters.Spec.of("Tofiq", 10));
		teamAdoption.reserve(company.id(), campaign, 2);
		teamAdoption.adoptForOrganisation(kept, aysel.id());
		Visitor organisation = Visitor.signedIn(mvc, company);

		// a reservation ended early: back on the free tree at once
		Page cancelled = organisation.open("/organisation/team").form(".team-cancel-reservation-form").submit();
		assertThat(cancelled.document().select(".alert-success").text()).contains("Ayırma ləğv edildi");
		assertThat(jdbc.sql("SELECT reserved_for IS NULL FROM letter WHERE code = ?").param(back).query(Boolean.class).single())
			.isTrue();
		assertThat(cancelled.document().select("#team-pool li")).isEmpty();
		// another organisation cannot end it (nor anyone's but its own)
		teamAdoption.reserve(company.id(), campaign, 1);
		SignedInUser other = organisation("other@team.test", 5);
		assertThat(teamAdoption.cancelReservation(other.id(), back)).isFalse();
		assertThat(count("SELECT count(*) FROM letter WHERE reserved_for = " + company.id())).isEqualTo(1);

		// an invitation taken back: its link no longer joins anyone
		organisation.open("/organisation/team").form("#invite-form").set("emails", "orxan@team.test").submit();
		String orxanToken = token("orxan@team.test");
		Page revoked = organisation.open("/organisation/team").form(".team-revoke-form").submit();
		assertThat(revoked.document().select(".alert-success").text()).contains("orxan@team.test");
		assertThat(revoked.document().select("#team-pending")).isEmpty();
		SignedInUser orxan = donor("orxan@team.test", "Orxan Əliyev");
		assertThat(Visitor.signedIn(mvc, orxan).open("/team/join?token=" + orxanToken).document().select("#team-join-bad"))
			.isNotEmpty();

		// a person removed: out of the team at once, their letter stays the organisation's
		Page removed = organisation.open("/organisation/team").form(".team-remove-member-form").submit();
		assertThat(removed.document().select(".alert-success").text()).contains("Aysel Quliyeva");
		assertThat(removed.document().select("#team-members")).isEmpty();
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/team")
			.with(user(aysel))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(catchRefusal(() -> teamAdoption.adoptForOrganisation(back, aysel.id())))
			.isEqualTo(AdoptionRefused.Reason.NOT_IN_TEAM);
		assertThat(jdbc.sql("SELECT status || '|' || donor_id || '|' || taken_by FROM letter WHERE code = ?").param(kept)
			.query(String.class).single()).isEqualTo("ADOPTED|" + company.id() + "|" + aysel.id());
		assertThat(removed.document().select("#team-letters tr[data-code=" + kept + "] .team-taken-by").text())
			.isEqualTo("Komandadan ayrılmış əməkdaş");
	}

	@Test
	void aPersonLeavingLeavesTheTeamAndAnOrganisationLeavingGivesItsReservationsBack() {
		SignedInUser company = organisation("hr@team.test", 5);
		SignedInUser aysel = member(company, donor("aysel@team.test", "Aysel Quliyeva"));
		String code = testLetters.published(campaign, TestLetters.Spec.of("Səma", 6));
		teamAdoption.reserve(company.id(), campaign, 1);
		assertThat(accounts.deleteDonor(aysel.id(), "parol-12345")).isTrue();
		assertThat(count("SELECT count(*) FROM organisation_member WHERE member_id = " + aysel.id())).isZero();
		assertThat(accounts.deleteDonor(company.id(), "parol-12345")).isTrue();
		assertThat(jdbc.sql("SELECT reserved_for IS NULL FROM letter WHERE code = ?").param(code).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void onlyTheOrganisationsOwnAccountSeesItsTeamPageAndOnlyItsTeamThePool() throws Exception {
		SignedInUser company = organisation("hr@team.test", 5);
		SignedInUser aysel = member(company, donor("aysel@team.test", "Aysel Quliyeva"));
		SignedInUser person = donor("person@team.test", "Adi Donor");
		SignedInUser unconfirmed = organisation("new@team.test", 5);
		jdbc.sql("UPDATE app_user SET organisation_review = 'PENDING' WHERE id = ?").param(unconfirmed.id()).update();
		SignedInUser other = organisation("other@team.test", 5);
		for (String url : List.of("/organisation/team", "/organisation/tags")) {
			assertThat(Visitor.anonymous(mvc).request(url).getResponse().getRedirectedUrl()).as(url).endsWith("/login");
			assertThat(Visitor.signedIn(mvc, company).open(url).status()).as(url).isEqualTo(200);
			for (SignedInUser refused : List.of(aysel, person, unconfirmed)) {
				assertThat(Visitor.signedIn(mvc, refused).open(url).status()).as(url + " " + refused.getUsername())
					.isEqualTo(403);
			}
			assertThat(Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).open(url).status()).isEqualTo(403);
		}
		assertThat(Visitor.signedIn(mvc, aysel).open("/team").status()).isEqualTo(200);
		for (SignedInUser refused : List.of(company, person, other)) {
			assertThat(Visitor.signedIn(mvc, refused).open("/team").status()).as(refused.getUsername()).isEqualTo(403);
		}
		// the forms too: a person cannot invite or reserve for anyone, an outsider not adopt from a pool
		assertThat(mvc.perform(post("/organisation/team/invite").param("emails", "x@team.test").with(csrf()).with(user(person)))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/organisation/team/reserve").param("count", "1").param("campaign", String.valueOf(campaign))
			.with(csrf()).with(user(aysel))).andReturn().getResponse().getStatus()).isEqualTo(403);
		String code = testLetters.published(campaign, TestLetters.Spec.of("Səbinə", 6));
		assertThat(mvc.perform(post("/team/letters/" + code + "/adopt").with(csrf()).with(user(person)))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient = 'x@team.test'")).isZero();
		assertThat(statusOf(code)).isEqualTo("PUBLISHED");
		// a bad number in the reservation form is said beside the field on the app's page
		Page bad = Visitor.signedIn(mvc, company).open("/organisation/team").form("#reserve-form").set("count", "0").submit();
		// the range said is the real one: 1 to the organisation's free places (its limit 5, nothing held)
		assertThat(bad.document().select("#count-errors").text()).contains("1 ilə 5 arasında");
		Page tooMany = Visitor.signedIn(mvc, company).open("/organisation/team").form("#reserve-form").set("count", "6").submit();
		assertThat(tooMany.document().select("#count-errors").text()).contains("1 ilə 5 arasında").doesNotContain("100");
		assertThat(count("SELECT count(*) FROM letter WHERE reserved_for = " + company.id())).isZero();
		// the organisation inviting its own address is told so at once, and nothing is mailed
		Page own = Visitor.signedIn(mvc, company).open("/organisation/team").form("#invite-form")
			.set("emails", "aysel.new@team.test\nHR@team.test").submit();
		assertThat(own.document().select("#emails-errors").text()).contains("təşkilatın öz ünvanıdır").contains("hr@team.test");
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient IN ('aysel.new@team.test', 'hr@team.test')")).isZero();
		Page mistyped = Visitor.signedIn(mvc, company).open("/organisation/team").form("#reserve-form").set("count", "beş").submit();
		assertThat(mistyped.status()).isEqualTo(200);
		assertThat(mistyped.document().select("#count-errors")).isNotEmpty();
	}

	@Test
	void theTeamPagesSpeakTheReadersLanguage() {
		SignedInUser company = organisation("hr@team.test", 5);
		SignedInUser aysel = member(company, donor("aysel@team.test", "Aysel Quliyeva"));
		testLetters.published(campaign, TestLetters.Spec.of("Dil", 6));
		assertThat(teamAdoption.reserve(company.id(), campaign, 1).codes()).hasSize(1);
		for (String[] words : List.of(
				new String[] { "az", "Təşkilatın komandası", "Test kampaniyası — daha 4 məktub ayırmaq olar", "Təşkilat adından götür" },
				new String[] { "en", "The organisation's team", "Test campaign — 4 more letters can be reserved", "Take for the organisation" },
				new String[] { "ru", "Команда организации", "Тестовая кампания — можно отложить ещё 4 письма", "Взять от имени организации" })) {
			Page team = Visitor.signedIn(mvc, company).speaking(words[0]).open("/organisation/team");
			assertThat(team.document().select("h1").text()).as(words[0]).isEqualTo(words[1]);
			assertThat(team.document().select("#campaign option[value=" + campaign + "]").text()).as(words[0])
				.isEqualTo(words[2]);
			assertThat(Visitor.signedIn(mvc, aysel).speaking(words[0]).open("/team").document().select(".team-adopt-form button")
				.text()).as(words[0]).isEqualTo(words[3]);
		}
	}

	private AdoptionRefused refusal(Runnable press) {
		try {
			press.run();
		}
		catch (AdoptionRefused refused) {
			return refused;
		}
		throw new AssertionError("not refused");
	}

	private AdoptionRefused.Reason catchRefusal(Runnable press) {
		try {
			press.run();
		}
		catch (AdoptionRefused refused) {
			return refused.reason();
		}
		throw new AssertionError("not refused");
	}

	/** The token of the join link mailed to an address (the mail keeps only its reference). */
	private String token(String email) {
		String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1")
			.param(email)
			.query(String.class)
			.single();
		Matcher link = JOIN_LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		return oneTimeLinks.token(link.group(1));
	}

	private SignedInUser organisation(String email, int limit) {
		accounts.create(email, "parol-12345", "Test Şirkəti MMC", Role.DONOR, Set.of());
		jdbc.sql("""
				UPDATE app_user SET organisation = true, organisation_review = 'CONFIRMED', voen = '1402345671',
				       contact_name = 'Elvin Məmmədov', adoption_limit = ? WHERE email = ?""")
			.params(limit, email)
			.update();
		return (SignedInUser) users.loadUserByUsername(email);
	}

	private SignedInUser donor(String email, String name) {
		accounts.create(email, "parol-12345", name, Role.DONOR, Set.of());
		return (SignedInUser) users.loadUserByUsername(email);
	}

	private SignedInUser member(SignedInUser organisation, SignedInUser person) {
		jdbc.sql("INSERT INTO organisation_member (member_id, organisation_id) VALUES (?, ?)")
			.params(person.id(), organisation.id())
			.update();
		return person;
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
