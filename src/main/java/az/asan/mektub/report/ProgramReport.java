package az.asan.mektub.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import az.asan.mektub.letter.LetterCounts;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.region.Regions;

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

	private final LetterCounts counts;

	private final Regions regions;

	ProgramReport(JdbcClient jdbc, LetterCounts counts, Regions regions) {
		this.jdbc = jdbc;
		this.counts = counts;
		this.regions = regions;
	}

	/** Figures by the year the campaigns started, from the letter counts. */
	@Transactional(readOnly = true)
	public List<Year> years() {
		record CampaignYear(long id, int year, long target) {
		}
		Map<Long, CampaignYear> campaigns = new HashMap<>();
		jdbc.sql("SELECT id, extract(year FROM starts_on)::int AS year, coalesce(target_wishes, 0) AS target FROM campaign")
			.query((rs, n) -> new CampaignYear(rs.getLong("id"), rs.getInt("year"), rs.getLong("target")))
			.list()
			.forEach(c -> campaigns.put(c.id(), c));
		Map<Integer, long[]> byYear = new TreeMap<>();
		Map<Integer, Set<Integer>> reached = new HashMap<>();
		for (CampaignYear c : campaigns.values()) {
			byYear.computeIfAbsent(c.year(), y -> new long[3])[2] += c.target();
		}
		for (LetterCounts.Count count : counts.of(null)) {
			CampaignYear campaign = campaigns.get(count.campaignId());
			if (campaign == null) {
				continue;
			}
			long[] figures = byYear.computeIfAbsent(campaign.year(), y -> new long[3]);
			figures[0] += count.letters();
			if (count.status() == LetterStatus.FULFILLED) {
				figures[1] += count.letters();
				reached.computeIfAbsent(campaign.year(), y -> new HashSet<>())
					.add(regions.byId(count.regionId()).map(r -> r.reportingRegionId()).orElse(count.regionId()));
			}
		}
		return byYear.entrySet()
			.stream()
			.map(e -> new Year(e.getKey(), e.getValue()[0], e.getValue()[1],
					reached.getOrDefault(e.getKey(), Set.of()).size(), e.getValue()[2]))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<CampaignProgress> campaigns(Locale locale) {
		Map<Long, long[]> figures = new HashMap<>();
		for (LetterCounts.Count count : counts.of(null)) {
			long[] f = figures.computeIfAbsent(count.campaignId(), id -> new long[2]);
			f[0] += count.letters();
			if (count.status() == LetterStatus.FULFILLED) {
				f[1] += count.letters();
			}
		}
		return jdbc.sql("""
				SELECT id, CASE :lang WHEN 'en' THEN name_en WHEN 'ru' THEN name_ru ELSE name_az END AS name,
				       status, starts_on, ends_on, coalesce(target_wishes, 0) AS target
				FROM campaign ORDER BY starts_on DESC, id DESC""")
			.param("lang", locale.getLanguage())
			.query((rs, n) -> {
				long[] f = figures.getOrDefault(rs.getLong("id"), new long[2]);
				return new CampaignProgress(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
						rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), f[0], f[1],
						rs.getLong("target"));
			})
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
