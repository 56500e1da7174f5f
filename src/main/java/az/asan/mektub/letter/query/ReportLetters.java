package az.asan.mektub.letter.query;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static az.asan.mektub.letter.LetterStatus.ADOPTED;
import static az.asan.mektub.letter.LetterStatus.FULFILLED;
import static az.asan.mektub.letter.LetterStatus.GIFT_RECEIVED;
import static az.asan.mektub.letter.LetterStatus.WITHDRAWN;

/**
 * The report figures that read the letters themselves (most come from {@link LetterCounts}): donors by
 * the wishes they fulfilled, possible duplicates, counts of letters registered in a range of dates, and
 * holds past their due date. The WHERE clause holds only the filters chosen, so PostgreSQL plans each
 * query for what it really asks. Read-only SQL written for PostgreSQL.
 */
@Component
public class ReportLetters {

	private static final ZoneId BAKU = ZoneId.of("Asia/Baku");

	/** Which letters: of a campaign, of the campaigns started in a year, registered between two dates. */
	public record Range(Long campaign, Integer year, LocalDate from, LocalDate to) {

		public static Range registered(LocalDate from, LocalDate to) {
			return new Range(null, null, from, to);
		}

	}

	public record Donor(long id, String name, String email, String phone, boolean organisation, long fulfilled,
			long inProgress, boolean anonymised) {
	}

	public record Duplicate(String campaign, String firstName, String surname, LocalDate birthDate, int regionId,
			List<String> codes, List<String> statuses) {
	}

	private final JdbcClient jdbc;

	ReportLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Donors by the wishes they fulfilled, with their contact details (the caller decides who sees them). */
	@Transactional(readOnly = true)
	public List<Donor> donors(Range range, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		String where = where(range, params);
		return jdbc.sql("""
				SELECT u.id, u.full_name, u.email, u.phone, u.organisation, u.anonymised_at IS NOT NULL AS anonymised,
				       count(*) FILTER (WHERE %s) AS fulfilled,
				       count(*) FILTER (WHERE %s) AS in_progress
				FROM letter l JOIN app_user u ON u.id = l.donor_id""".formatted(LetterSql.is("l", FULFILLED),
				LetterSql.in("l", ADOPTED, GIFT_RECEIVED)) + campaignJoin(range) + where
				+ " GROUP BY u.id ORDER BY fulfilled DESC, in_progress DESC, u.full_name LIMIT :limit")
			.paramSource(params)
			.query((rs, n) -> new Donor(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"),
					rs.getString("phone"), rs.getBoolean("organisation"), rs.getLong("fulfilled"),
					rs.getLong("in_progress"), rs.getBoolean("anonymised")))
			.list();
	}

	/** The same child (name, birth date, region) more than once in one campaign, withdrawn letters aside. */
	@Transactional(readOnly = true)
	public List<Duplicate> duplicates(Range range, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		String where = where(range, params);
		where = (where.isEmpty() ? " WHERE " : where + " AND ") + LetterSql.isNot("l", WITHDRAWN)
				+ " AND ch.birth_date IS NOT NULL";
		return jdbc.sql("""
				SELECT min(cc.code) AS campaign, min(ch.first_name) AS first_name, min(ch.surname) AS surname,
				       ch.birth_date, ch.region_id, array_agg(l.code ORDER BY l.id) AS codes,
				       array_agg(l.status ORDER BY l.id) AS statuses
				FROM letter l JOIN child ch ON ch.id = l.child_id JOIN campaign cc ON cc.id = l.campaign_id"""
				+ campaignJoin(range) + where + """
				 GROUP BY l.campaign_id, ch.region_id, ch.birth_date, az_fold(ch.first_name), az_fold(coalesce(ch.surname, ''))
				HAVING count(*) > 1 ORDER BY min(l.id) DESC LIMIT :limit""")
			.paramSource(params)
			.query((rs, n) -> new Duplicate(rs.getString("campaign"), rs.getString("first_name"),
					rs.getString("surname"), rs.getObject("birth_date", LocalDate.class), rs.getInt("region_id"),
					List.of((String[]) rs.getArray("codes").getArray()),
					List.of((String[]) rs.getArray("statuses").getArray())))
			.list();
	}

	/** The counts of {@link LetterCounts}, for letters registered in a range of dates: these read the letters. */
	@Transactional(readOnly = true)
	public List<LetterCounts.Count> countsRegisteredBetween(LocalDate from, LocalDate to, List<Long> campaigns) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(Range.registered(from, to), params);
		if (campaigns != null) {
			where += " AND l.campaign_id = ANY(CAST(:ids AS bigint[]))";
			params.addValue("ids", campaigns.toArray(Long[]::new));
		}
		return jdbc.sql("SELECT l.campaign_id, l.region_id, l.status, coalesce(l.fulfil_days, -1) AS fulfil_days, "
				+ "count(*) AS letters FROM letter l" + where + " GROUP BY 1, 2, 3, 4")
			.paramSource(params)
			.query((rs, n) -> new LetterCounts.Count(rs.getLong("campaign_id"), rs.getInt("region_id"),
					LetterStatus.valueOf(rs.getString("status")), rs.getInt("fulfil_days"), rs.getLong("letters")))
			.list();
	}

	/** Holds past their due date, by region: few, and found through the index of adopted letters. */
	@Transactional(readOnly = true)
	public Map<Integer, Long> overdueByRegion(LocalDate today, LocalDate from, LocalDate to, List<Long> campaigns) {
		MapSqlParameterSource params = new MapSqlParameterSource("today", today);
		String where = where(Range.registered(from, to), params);
		where = (where.isEmpty() ? " WHERE " : where + " AND ") + LetterSql.is("l", ADOPTED) + " AND l.due_date < :today";
		if (campaigns != null) {
			where += " AND l.campaign_id = ANY(CAST(:ids AS bigint[]))";
			params.addValue("ids", campaigns.toArray(Long[]::new));
		}
		Map<Integer, Long> overdue = new HashMap<>();
		jdbc.sql("SELECT l.region_id, count(*) AS n FROM letter l" + where + " GROUP BY 1")
			.paramSource(params)
			.query((java.sql.ResultSet rs) -> {
				overdue.put(rs.getInt("region_id"), rs.getLong("n"));
			});
		return overdue;
	}

	private static String campaignJoin(Range range) {
		return range.year() != null ? " JOIN campaign c ON c.id = l.campaign_id" : "";
	}

	private static String where(Range range, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		if (range.campaign() != null) {
			conditions.add("l.campaign_id = :campaign");
			params.addValue("campaign", range.campaign());
		}
		if (range.year() != null) {
			conditions.add("c.starts_on >= make_date(:year, 1, 1) AND c.starts_on < make_date(:year + 1, 1, 1)");
			params.addValue("year", range.year());
		}
		if (range.from() != null) {
			conditions.add("l.created_at >= :from");
			params.addValue("from", Timestamp.from(range.from().atStartOfDay(BAKU).toInstant()));
		}
		if (range.to() != null) {
			conditions.add("l.created_at < :to");
			params.addValue("to", Timestamp.from(range.to().plusDays(1).atStartOfDay(BAKU).toInstant()));
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

}
