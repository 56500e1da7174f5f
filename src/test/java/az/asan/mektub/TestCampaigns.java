package az.asan.mektub;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns a test makes for itself, so that what it creates never changes the program's demo
 * figures that other tests check; {@link #dropAll} removes them with everything in them.
 */
public final class TestCampaigns {

	private TestCampaigns() {
	}

	public static long open(JdbcClient jdbc) {
		return create(jdbc, "OPEN", 3, 14, 14, 3);
	}

	public static long create(JdbcClient jdbc, String status, int minAge, int maxAge, int holdDays, int donorLimit) {
		int year = LocalDate.now().getYear();
		return jdbc.sql("""
				INSERT INTO campaign (code, name_az, name_en, name_ru, kind, starts_on, ends_on, status, min_age, max_age,
				                      age_reference_date, hold_days, donor_limit, target_wishes)
				VALUES (:code, 'Test kampaniyası', 'Test campaign', 'Тестовая кампания', 'YEAR_ROUND', :starts, :ends,
				        :status, :min, :max, :starts, :hold, :limit, 100)
				RETURNING id""")
			.param("code", "TEST-" + UUID.randomUUID().toString().substring(0, 8))
			.param("starts", LocalDate.of(year, 1, 1))
			.param("ends", LocalDate.of(year, 12, 31))
			.param("status", status)
			.param("min", minAge)
			.param("max", maxAge)
			.param("hold", holdDays)
			.param("limit", donorLimit)
			.query(Long.class)
			.single();
	}

	public static void dropAll(JdbcClient jdbc) {
		delete(jdbc);
		// The letters went behind the app's back: it is told as the letter module tells every node of a
		// set-based change (LetterChanged.many() through LISTEN/NOTIFY), so no test context keeps a page
		// naming them (the tests keep pages as production does), and given a moment to hear it.
		jdbc.sql("SELECT pg_notify('asan_cluster', 'tests' || chr(10) || 'letter-changed' || chr(10) || '*')")
			.query((rs, n) -> 1)
			.list();
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Drops every test campaign, and tells the app as the letter module does after a set-based change:
	 * this context's kept pages forget the letters at once (no wait), other contexts hear it through
	 * PostgreSQL as other nodes do.
	 */
	public static void dropAll(org.springframework.context.ApplicationContext app) {
		delete(app.getBean(JdbcClient.class));
		app.getBean(az.asan.mektub.letter.LetterChanges.class).changed(az.asan.mektub.letter.LetterChanged.many());
	}

	private static void delete(JdbcClient jdbc) {
		jdbc.sql("""
				WITH gone AS (DELETE FROM letter WHERE campaign_id IN (SELECT id FROM campaign WHERE code LIKE 'TEST-%')
				              RETURNING child_id)
				DELETE FROM child WHERE id IN (SELECT child_id FROM gone)""").update();
		jdbc.sql("DELETE FROM campaign WHERE code LIKE 'TEST-%'").update();
	}

}
