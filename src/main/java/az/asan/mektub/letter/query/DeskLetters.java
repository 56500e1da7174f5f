package az.asan.mektub.letter.query;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.campaign.CampaignSql;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a volunteer's desk reads about the letters of their regions in campaigns not closed: the count
 * in each status, the letters waiting for review, and the person's own letters sent back to them.
 */
@Component
public class DeskLetters {

	/** A letter in one of the desk's queues. */
	public record Row(String code, String firstName, int age, int regionId, String reason, String note) {
	}

	private final JdbcClient jdbc;

	DeskLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many letters are in each status (every status present, zero or more). */
	@Transactional(readOnly = true)
	public Map<LetterStatus, Long> counts(RegionScope scope) {
		Map<LetterStatus, Long> counts = new EnumMap<>(LetterStatus.class);
		for (LetterStatus status : LetterStatus.values()) {
			counts.put(status, 0L);
		}
		// from the counts the triggers keep (see LetterCounts), not by counting the letters themselves
		jdbc.sql("""
				SELECT k.status, sum(k.letters) AS n FROM (
				    SELECT campaign_id, region_id, status, letters FROM letter_count
				    UNION ALL SELECT campaign_id, region_id, status, letters FROM letter_count_delta) k
				JOIN campaign c ON c.id = k.campaign_id AND %s
				WHERE %s
				GROUP BY k.status""".formatted(CampaignSql.notClosed("c"), LetterSql.inScope("k")))
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query((rs, n) -> Map.entry(LetterStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** The oldest letters waiting for review, up to {@code limit}. */
	@Transactional(readOnly = true)
	public List<Row> waitingForReview(RegionScope scope, int limit) {
		return queue(LetterSql.is("l", LetterStatus.RECEIVED), scope, null, limit);
	}

	/**
	 * The person's own letters sent back to them as incomplete, oldest first, up to {@code limit}. Read on
	 * every request of the desk, in one statement: no transaction is opened around it (a read-only one
	 * costs an entity manager and a COMMIT round trip per request, which the desk paid until this was seen
	 * in issue 23's benchmark).
	 */
	public List<Row> sentBackTo(long person, RegionScope scope, int limit) {
		return queue(LetterSql.is("l", LetterStatus.INCOMPLETE) + " AND l.registered_by = :me", scope, person, limit);
	}

	private List<Row> queue(String condition, RegionScope scope, Long me, int limit) {
		return jdbc.sql("SELECT " + LetterRow.columns("l") + " FROM letter l JOIN campaign c ON c.id = l.campaign_id AND "
				+ CampaignSql.notClosed("c") + " WHERE " + condition + " AND " + LetterSql.inScope("l")
				+ " ORDER BY l.created_at, l.id LIMIT :limit")
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.param("me", me)
			.param("limit", limit)
			.query(LetterRow.mapper(row -> new Row(row.code(), row.firstName(), row.age(), row.regionId(),
					row.statusReason(), row.statusNote())))
			.list();
	}

}
