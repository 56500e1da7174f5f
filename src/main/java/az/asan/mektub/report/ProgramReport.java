package az.asan.mektub.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program as a whole: figures by year since 2015, campaigns against their targets, donors by the
 * wishes they fulfilled, and possible duplicates. Read-only SQL written for PostgreSQL.
 */
@Component
public class ProgramReport {

	public record Year(int year, long registered, long fulfilled, long regionsReached, long target) {
	}

	public record CampaignProgress(long id, String name, String status, LocalDate startsOn, LocalDate endsOn,
			long registered, long fulfilled, long target) {

		public double progress() {
			return target == 0 ? 0 : Math.min(1.0, (double) fulfilled / target);
		}

		public long percent() {
			return Math.round(progress() * 100);
		}

	}

	public record Donor(long id, String name, String email, String phone, boolean organisation, long fulfilled,
			long inProgress, boolean anonymised) {
	}

	public record Duplicate(String campaign, String firstName, String surname, LocalDate birthDate, int regionId,
			List<String> codes, List<String> statuses) {
	}

	private final JdbcClient jdbc;

	ProgramReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Year> years() {
		return jdbc.sql("""
				SELECT y.year, coalesce(l.registered, 0) AS registered, coalesce(l.fulfilled, 0) AS fulfilled,
				       coalesce(l.regions, 0) AS regions, y.target
				FROM (SELECT extract(year FROM starts_on)::int AS year, coalesce(sum(target_wishes), 0) AS target
				      FROM campaign GROUP BY 1) y
				LEFT JOIN (SELECT extract(year FROM c.starts_on)::int AS year, count(*) AS registered,
				                  count(*) FILTER (WHERE l.status = 'FULFILLED') AS fulfilled,
				                  count(DISTINCT coalesce(r.parent_id, r.id)) FILTER (WHERE l.status = 'FULFILLED') AS regions
				           FROM letter l JOIN campaign c ON c.id = l.campaign_id JOIN region r ON r.id = l.region_id
				           GROUP BY 1) l ON l.year = y.year
				ORDER BY y.year""")
			.query((rs, n) -> new Year(rs.getInt("year"), rs.getLong("registered"), rs.getLong("fulfilled"),
					rs.getLong("regions"), rs.getLong("target")))
			.list();
	}

	@Transactional(readOnly = true)
	public List<CampaignProgress> campaigns(Locale locale) {
		return jdbc.sql("""
				SELECT c.id, CASE :lang WHEN 'en' THEN c.name_en WHEN 'ru' THEN c.name_ru ELSE c.name_az END AS name,
				       c.status, c.starts_on, c.ends_on, coalesce(c.target_wishes, 0) AS target,
				       count(l.id) AS registered, count(l.id) FILTER (WHERE l.status = 'FULFILLED') AS fulfilled
				FROM campaign c LEFT JOIN letter l ON l.campaign_id = c.id
				GROUP BY c.id ORDER BY c.starts_on DESC, c.id DESC""")
			.param("lang", locale.getLanguage())
			.query((rs, n) -> new CampaignProgress(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
					rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
					rs.getLong("registered"), rs.getLong("fulfilled"), rs.getLong("target")))
			.list();
	}

	/** Donors by the wishes they fulfilled; contact details only for an administrator's eyes. */
	@Transactional(readOnly = true)
	public List<Donor> donors(ReportFilter filter, boolean withContact, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		String where = ReportSql.where(filter, params);
		return jdbc.sql("""
				SELECT u.id, u.full_name, u.email, u.phone, u.organisation, u.anonymised_at IS NOT NULL AS anonymised,
				       count(*) FILTER (WHERE l.status = 'FULFILLED') AS fulfilled,
				       count(*) FILTER (WHERE l.status IN ('ADOPTED', 'GIFT_RECEIVED')) AS in_progress
				FROM letter l JOIN app_user u ON u.id = l.donor_id""" + ReportSql.campaignJoin(filter) + where
				+ " GROUP BY u.id ORDER BY fulfilled DESC, in_progress DESC, u.full_name LIMIT :limit")
			.paramSource(params)
			.query((rs, n) -> new Donor(rs.getLong("id"), rs.getString("full_name"),
					withContact ? rs.getString("email") : null, withContact ? rs.getString("phone") : null,
					rs.getBoolean("organisation"), rs.getLong("fulfilled"), rs.getLong("in_progress"),
					rs.getBoolean("anonymised")))
			.list();
	}

	/** The same child (name, birth date, region) more than once in one campaign, withdrawn letters aside. */
	@Transactional(readOnly = true)
	public List<Duplicate> duplicates(ReportFilter filter, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		String where = ReportSql.where(filter, params);
		where = (where.isEmpty() ? " WHERE " : where + " AND ") + "l.status <> 'WITHDRAWN' AND ch.birth_date IS NOT NULL";
		return jdbc.sql("""
				SELECT min(cc.code) AS campaign, min(ch.first_name) AS first_name, min(ch.surname) AS surname,
				       ch.birth_date, ch.region_id, array_agg(l.code ORDER BY l.id) AS codes,
				       array_agg(l.status ORDER BY l.id) AS statuses
				FROM letter l JOIN child ch ON ch.id = l.child_id JOIN campaign cc ON cc.id = l.campaign_id"""
				+ ReportSql.campaignJoin(filter) + where + """
				 GROUP BY l.campaign_id, ch.region_id, ch.birth_date, az_fold(ch.first_name), az_fold(coalesce(ch.surname, ''))
				HAVING count(*) > 1 ORDER BY min(l.id) DESC LIMIT :limit""")
			.paramSource(params)
			.query((rs, n) -> new Duplicate(rs.getString("campaign"), rs.getString("first_name"),
					rs.getString("surname"), rs.getObject("birth_date", LocalDate.class), rs.getInt("region_id"),
					List.of((String[]) rs.getArray("codes").getArray()),
					List.of((String[]) rs.getArray("statuses").getArray())))
			.list();
	}

}
