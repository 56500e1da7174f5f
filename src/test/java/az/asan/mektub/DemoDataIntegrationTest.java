package az.asan.mektub;

import java.util.List;

import org.junit.jupiter.api.Test;

import az.asan.mektub.letter.LetterStatistics;

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

}
