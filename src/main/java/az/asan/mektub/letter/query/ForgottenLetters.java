package az.asan.mektub.letter.query;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.campaign.CampaignSql;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;
import az.asan.mektub.platform.settings.AsanProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * So that no child is forgotten: letters long on the tree with nobody adopting them, holds past
 * their due date, and gifts handed in but not yet given to the child. The same lists serve a
 * volunteer (their regions) and the staff (the whole country).
 */
@Component
public class ForgottenLetters {

	public enum Kind {

		/** Published and unadopted for longer than the threshold, in a campaign that still runs. */
		UNADOPTED,
		/** Adopted, and the due date has passed without the gift. */
		OVERDUE_HOLD,
		/** The gift is in, but has not reached the child for longer than the threshold. */
		UNDELIVERED

	}

	public record Row(String code, String firstName, int age, int regionId, LetterStatus status, LocalDate since,
			int days) {
	}

	private final JdbcClient jdbc;

	private final int unadoptedDays;

	private final int undeliveredDays;

	ForgottenLetters(JdbcClient jdbc, AsanProperties asan) {
		this.jdbc = jdbc;
		this.unadoptedDays = asan.forgotten().unadoptedDays();
		this.undeliveredDays = asan.forgotten().undeliveredDays();
	}

	public int unadoptedDays() {
		return unadoptedDays;
	}

	public int undeliveredDays() {
		return undeliveredDays;
	}

	/**
	 * "More than 7 days" in the days the pages show (Baku calendar days since the gift came in): a gift
	 * of exactly 7 days ago is not yet forgotten. Said as "came in before midnight in Baku 7 days ago",
	 * so an index on the time can serve it.
	 */
	private static final String UNDELIVERED_LONGER = " l.gift_received_at < CAST(CAST(now() AT TIME ZONE 'Asia/Baku' AS date)"
			+ " - CAST(:undelivered AS integer) AS timestamp) AT TIME ZONE 'Asia/Baku'";

	/** Which letters of a kind are forgotten (letter {@code l}, its campaign {@code c}). */
	private static String condition(Kind kind) {
		return switch (kind) {
			case UNADOPTED -> LetterSql.is("l", LetterStatus.PUBLISHED)
					+ " AND " + CampaignSql.notClosed("c") + " AND l.published_at < now() - make_interval(days => :unadopted)";
			case OVERDUE_HOLD -> LetterSql.is("l", LetterStatus.ADOPTED)
					+ " AND l.due_date < CAST(now() AT TIME ZONE 'Asia/Baku' AS date)";
			case UNDELIVERED -> LetterSql.is("l", LetterStatus.GIFT_RECEIVED) + " AND " + UNDELIVERED_LONGER;
		};
	}

	@Transactional(readOnly = true)
	public Map<Kind, Long> counts(RegionScope scope) {
		Map<Kind, Long> counts = new EnumMap<>(Kind.class);
		jdbc.sql("SELECT count(*) FILTER (WHERE " + condition(Kind.UNADOPTED) + ") AS unadopted,"
				+ " count(*) FILTER (WHERE " + condition(Kind.OVERDUE_HOLD) + ") AS overdue,"
				+ " count(*) FILTER (WHERE " + condition(Kind.UNDELIVERED) + ") AS undelivered"
				+ " FROM letter l JOIN campaign c ON c.id = l.campaign_id"
				+ " WHERE " + LetterSql.in("l", LetterStatus.PUBLISHED, LetterStatus.ADOPTED, LetterStatus.GIFT_RECEIVED)
				+ " AND " + LetterSql.inScope("l"))
			.param("unadopted", unadoptedDays)
			.param("undelivered", undeliveredDays)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query((rs, n) -> {
				counts.put(Kind.UNADOPTED, rs.getLong("unadopted"));
				counts.put(Kind.OVERDUE_HOLD, rs.getLong("overdue"));
				counts.put(Kind.UNDELIVERED, rs.getLong("undelivered"));
				return 0;
			})
			.single();
		return counts;
	}

	/** The oldest first: they have waited longest. */
	@Transactional(readOnly = true)
	public List<Row> list(Kind kind, RegionScope scope, int limit) {
		String condition = condition(kind);
		String since = switch (kind) {
			case UNADOPTED -> "CAST(l.published_at AT TIME ZONE 'Asia/Baku' AS date)";
			case OVERDUE_HOLD -> "l.due_date";
			case UNDELIVERED -> "CAST(l.gift_received_at AT TIME ZONE 'Asia/Baku' AS date)";
		};
		return jdbc.sql("SELECT " + LetterRow.columns("l") + ", " + since + " AS since, "
				+ "CAST(now() AT TIME ZONE 'Asia/Baku' AS date) - " + since + " AS days "
				+ "FROM letter l JOIN campaign c ON c.id = l.campaign_id WHERE " + condition
				+ " AND " + LetterSql.inScope("l")
				+ " ORDER BY since, l.id LIMIT :limit")
			.param("unadopted", unadoptedDays)
			.param("undelivered", undeliveredDays)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.param("limit", limit)
			.query(LetterRow.mapper((row, rs) -> new Row(row.code(), row.firstName(), row.age(), row.regionId(),
					row.status(), rs.getObject("since", LocalDate.class), rs.getInt("days"))))
			.list();
	}

}
