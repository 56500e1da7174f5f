package az.asan.mektub;

import java.util.List;

import org.junit.jupiter.api.Test;

import az.asan.mektub.letter.query.LetterStatistics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoDataIntegrationTest {

	@Autowired
	LetterStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoDataAddsUpToTheProgramsOwnFigures() {
		LetterStatistics.Totals totals = statistics.fresh();
		assertThat(totals.fulfilled()).isEqualTo(10_512);
		assertThat(totals.regionsReached()).isEqualTo(56);
		assertThat(jdbc.sql("SELECT count(*) FROM campaign WHERE status = 'CLOSED'").query(Long.class).single())
			.isEqualTo(11);
	}

	@Test
	void theOpenCampaignHasLettersInEveryStatusButFulfilled() {
		List<String> statuses = jdbc.sql("""
				SELECT DISTINCT l.status FROM letter l JOIN campaign c ON c.id = l.campaign_id
				WHERE c.status = 'OPEN'""").query(String.class).list();
		assertThat(statuses).containsExactlyInAnyOrder("RECEIVED", "INCOMPLETE", "PUBLISHED", "ADOPTED",
				"GIFT_RECEIVED", "WITHDRAWN");
		assertThat(jdbc.sql("SELECT count(*) FROM letter l JOIN campaign c ON c.id = l.campaign_id "
				+ "WHERE c.status = 'OPEN' AND l.status = 'PUBLISHED'").query(Long.class).single()).isGreaterThan(200);
	}

	@Test
	void demoAgesAreWithinTheCampaignRangeAndMatchTheBirthDates() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter l JOIN child ch ON ch.id = l.child_id JOIN campaign c ON c.id = l.campaign_id
				WHERE l.age NOT BETWEEN c.min_age AND c.max_age
				   OR extract(year FROM age(c.age_reference_date, ch.birth_date)) <> l.age""").query(Long.class).single())
			.isZero();
	}

	@Test
	void everyDemoLetterHasAHistoryEndingInItsStatus() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM letter l
				WHERE l.status <> (SELECT h.to_status FROM letter_status_change h WHERE h.letter_id = l.id
				                   ORDER BY h.changed_at DESC, h.id DESC LIMIT 1)""").query(Long.class).single()).isZero();
	}

	@Test
	void closedCampaignsClosedOnTheirEndDatesSoRetentionHasAlreadyAppliedToTheOldOnes() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM campaign WHERE code LIKE 'AM-20%' AND status = 'CLOSED'
				AND (closed_at AT TIME ZONE 'Asia/Baku')::date <> ends_on + 1""").query(Long.class).single()).isZero();
		// closed over 24 months ago: no private child data left
		assertThat(jdbc.sql("""
				SELECT count(*) FROM child ch JOIN letter l ON l.child_id = ch.id JOIN campaign c ON c.id = l.campaign_id
				WHERE c.code = 'AM-2015' AND (ch.anonymised_at IS NULL OR ch.surname IS NOT NULL)""").query(Long.class).single())
			.isZero();
		// the last closed campaign is within its retention period
		assertThat(jdbc.sql("""
				SELECT count(*) FROM child ch JOIN letter l ON l.child_id = ch.id JOIN campaign c ON c.id = l.campaign_id
				WHERE c.code = 'AM-2025' AND ch.anonymised_at IS NULL""").query(Long.class).single()).isPositive();
	}

	@Test
	void theProgramGrewFromAFewRegionsIn2015To56() {
		List<Long> perYear = jdbc.sql("""
				SELECT count(DISTINCT coalesce(r.parent_id, r.id)) FROM letter l JOIN campaign c ON c.id = l.campaign_id
				JOIN region r ON r.id = l.region_id
				WHERE c.code LIKE 'AM-20%' AND c.status = 'CLOSED' AND l.status = 'FULFILLED'
				GROUP BY c.starts_on ORDER BY c.starts_on""").query(Long.class).list();
		assertThat(perYear).hasSize(11);
		assertThat(perYear.get(0)).isLessThan(20);
		assertThat(perYear.get(perYear.size() - 1)).isEqualTo(56);
		assertThat(perYear).isSorted();
	}

	private static final String DEMO = "AND campaign_id IN (SELECT id FROM campaign WHERE code LIKE 'AM-%')";

	@Test
	void agesAndGendersAreIndependent() {
		for (String gender : List.of("F", "M")) {
			assertThat(jdbc.sql("SELECT count(DISTINCT age) FROM letter WHERE gender = ? " + DEMO).param(gender).query(Long.class)
				.single()).as(gender).isEqualTo(12);
			assertThat(jdbc.sql("SELECT count(DISTINCT age % 2) FROM letter WHERE gender = ? " + DEMO).param(gender)
				.query(Long.class).single()).as(gender + ": odd and even ages").isEqualTo(2);
		}
	}

	@Test
	void closedCampaignsHaveSomeWithdrawnLettersAsRealOnesDo() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM campaign c WHERE c.code LIKE 'AM-20%' AND c.status = 'CLOSED'
				AND NOT EXISTS (SELECT 1 FROM letter l WHERE l.campaign_id = c.id AND l.status = 'WITHDRAWN')""")
			.query(Long.class).single()).isZero();
	}

}
