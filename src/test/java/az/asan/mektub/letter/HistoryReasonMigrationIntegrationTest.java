package az.asan.mektub.letter;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History rows written before the reason had its own column ("REASON: note" in one text) are split
 * once by the migration, by the rule the page used to apply on every read, so they read as before.
 */
@IntegrationTest
class HistoryReasonMigrationIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oldHistoryRowsAreSplitIntoReasonAndNoteOnce() throws Exception {
		String url;
		try (Connection c = dataSource.getConnection()) {
			url = c.getMetaData().getURL();
		}
		jdbc.sql("DROP DATABASE IF EXISTS history_reason_migration").update();
		jdbc.sql("CREATE DATABASE history_reason_migration").update();
		String otherUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/history_reason_migration$1");
		SingleConnectionDataSource other = new SingleConnectionDataSource(otherUrl, "postgres", "", true);
		try {
			Flyway.configure().dataSource(other).locations("classpath:db/migration").target("16.2").load().migrate();
			JdbcClient old = JdbcClient.create(other);
			old.sql("""
					INSERT INTO campaign (code, name_az, name_en, name_ru, kind, starts_on, ends_on, status, age_reference_date)
					VALUES ('OLD', 'Köhnə', 'Old', 'Старая', 'SEASONAL', DATE '2020-01-01', DATE '2020-12-31', 'CLOSED',
					        DATE '2020-12-31')""").update();
			old.sql("""
					INSERT INTO child (first_name, surname, birth_date, gender, region_id, care_setting, contact, created_at)
					VALUES ('Aysel', 'Məmmədova', DATE '2014-01-01', 'F', (SELECT min(id) FROM region), 'FAMILY', 'x', now())""")
				.update();
			old.sql("""
					INSERT INTO letter (code, gift_tag_code, campaign_id, child_id, region_id, first_name, age, gender, status,
					                    original_wish, public_wish, category, estimated_cost, created_at, updated_at)
					SELECT 'OLDHISTORY01', 'OLDTAG01', c.id, ch.id, ch.region_id, 'Aysel', 6, 'F', 'WITHDRAWN',
					       'Kukla', 'Kukla', 'TOY', 10, now(), now()
					FROM campaign c, child ch""").update();
			for (String note : new String[] { null, "IMPORTED", "MISSING_CONSENT: razılıq yoxdur",
					"DUPLICATE: eyni uşaq: iki dəfə", "Hədiyyə verildi", "OK", "Qeyd: bu", "ABC: " }) {
				old.sql("""
						INSERT INTO letter_status_change (letter_id, from_status, to_status, changed_at, note)
						SELECT id, 'RECEIVED', 'WITHDRAWN', now(), ? FROM letter""").param(note).update();
			}

			Flyway.configure().dataSource(other).locations("classpath:db/migration").load().migrate();

			List<String> rows = old.sql("""
					SELECT coalesce(reason, '-') || '|' || coalesce(note_text, '-') || '|' || coalesce(note, '-')
					FROM letter_status_change ORDER BY id""").query(String.class).list();
			assertThat(rows).containsExactly("-|-|-", "IMPORTED|-|IMPORTED",
					"MISSING_CONSENT|razılıq yoxdur|MISSING_CONSENT: razılıq yoxdur",
					"DUPLICATE|eyni uşaq: iki dəfə|DUPLICATE: eyni uşaq: iki dəfə", "-|Hədiyyə verildi|Hədiyyə verildi",
					"OK|-|OK", "-|Qeyd: bu|Qeyd: bu", "ABC||ABC: ");
		}
		finally {
			other.destroy();
			jdbc.sql("DROP DATABASE IF EXISTS history_reason_migration").update();
		}
	}

}
