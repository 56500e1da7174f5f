package az.asan.mektub.letter.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.platform.database.JobRuns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many letters there are by campaign, region, status and days from adoption to the child, read
 * from the counts the database keeps with every change of a letter (see V8): a report over a million
 * letters reads a few thousand rows. The counts are exact at every moment; a job folds the recent
 * changes into the running totals once a minute so that reading stays cheap.
 */
@Component
public class LetterCounts {

	/** One count; {@code fulfilDays} is -1 for letters not fulfilled. */
	public record Count(long campaignId, int regionId, LetterStatus status, int fulfilDays, long letters) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final JobRuns jobRuns;

	LetterCounts(JdbcClient jdbc, TransactionTemplate tx, JobRuns jobRuns) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.jobRuns = jobRuns;
	}

	/** The counts of the given campaigns, or of all when {@code campaignIds} is null. */
	@Transactional(readOnly = true)
	public List<Count> of(Collection<Long> campaignIds) {
		String where = campaignIds == null ? "" : " WHERE campaign_id = ANY(CAST(:ids AS bigint[]))";
		return jdbc.sql("SELECT campaign_id, region_id, status, fulfil_days, sum(letters) AS letters FROM ("
				+ " SELECT campaign_id, region_id, status, fulfil_days, letters FROM letter_count" + where
				+ " UNION ALL SELECT campaign_id, region_id, status, fulfil_days, letters FROM letter_count_delta" + where
				+ ") c GROUP BY 1, 2, 3, 4 HAVING sum(letters) <> 0")
			.param("ids", campaignIds == null ? null : campaignIds.toArray(Long[]::new))
			.query((rs, n) -> new Count(rs.getLong("campaign_id"), rs.getInt("region_id"),
					LetterStatus.valueOf(rs.getString("status")), rs.getInt("fulfil_days"), rs.getLong("letters")))
			.list();
	}

	/** Folds the changes recorded since the last run into the running counts. */
	@Scheduled(fixedDelayString = "#{@asanProperties.jobs().letterCounts().delay()}", initialDelayString = "PT20S")
	@SchedulerLock(name = "letterCounts", lockAtMostFor = "PT10M")
	public void compact() {
		Instant started = Instant.now();
		Integer folded = tx.execute(status -> {
			Long upTo = jdbc.sql("SELECT max(id) FROM letter_count_delta").query(Long.class).optional().orElse(null);
			if (upTo == null) {
				return 0;
			}
			int rows = jdbc.sql("""
					WITH moved AS (DELETE FROM letter_count_delta WHERE id <= :upTo
					               RETURNING campaign_id, region_id, status, fulfil_days, letters)
					INSERT INTO letter_count AS c (campaign_id, region_id, status, fulfil_days, letters)
					SELECT campaign_id, region_id, status, fulfil_days, sum(letters) FROM moved GROUP BY 1, 2, 3, 4
					ON CONFLICT (campaign_id, region_id, status, fulfil_days)
					DO UPDATE SET letters = c.letters + EXCLUDED.letters""").param("upTo", upTo).update();
			jdbc.sql("DELETE FROM letter_count WHERE letters = 0").update();
			return rows;
		});
		if (folded != null && folded > 0) {
			jobRuns.finished("letterCounts", started, String.valueOf(folded));
		}
	}

}
