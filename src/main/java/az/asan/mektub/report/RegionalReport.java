package az.asan.mektub.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import az.asan.mektub.region.EconomicRegion;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.region.Regions;
import az.asan.mektub.system.Formats;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters by region (Baku's districts rolled up into Bakı) or by economic region: how many were
 * registered and where each stands now, the fulfilment rate, the median days from adoption to the
 * child holding the gift, and holds past their due date. One query computes the rows and the
 * national total together (GROUPING SETS), so the total is the country's own median, not a sum of
 * medians, and the count columns of the rows add up to it exactly.
 */
@Component
public class RegionalReport {

	public record Row(Integer id, String name, String economicRegion, long registered, long waitingReview,
			long published, long adopted, long giftReceived, long fulfilled, long withdrawn, Double medianDays,
			long overdue) {

		/** Fulfilled among the letters that were not withdrawn. */
		public double fulfilmentRate() {
			long counted = registered - withdrawn;
			return counted == 0 ? 0 : (double) fulfilled / counted;
		}

	}

	public record Result(List<Row> rows, Row total) {
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final RegionOptions regionOptions;

	RegionalReport(JdbcClient jdbc, Regions regions, RegionOptions regionOptions) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.regionOptions = regionOptions;
	}

	@Transactional(readOnly = true)
	public Result run(ReportFilter filter, Locale locale) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String key = filter.byEconomicRegion() ? "r.economic_region_id" : "coalesce(r.parent_id, r.id)";
		params.addValue("today", LocalDate.now(Formats.BAKU));
		String sql = """
				SELECT %s AS key, grouping(%s) AS is_total,
				       count(*) AS registered,
				       count(*) FILTER (WHERE l.status IN ('RECEIVED', 'INCOMPLETE')) AS waiting_review,
				       count(*) FILTER (WHERE l.status = 'PUBLISHED') AS published,
				       count(*) FILTER (WHERE l.status = 'ADOPTED') AS adopted,
				       count(*) FILTER (WHERE l.status = 'GIFT_RECEIVED') AS gift_received,
				       count(*) FILTER (WHERE l.status = 'FULFILLED') AS fulfilled,
				       count(*) FILTER (WHERE l.status = 'WITHDRAWN') AS withdrawn,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY l.fulfil_days) FILTER (WHERE l.status = 'FULFILLED') AS median_days,
				       count(*) FILTER (WHERE l.status = 'ADOPTED' AND l.due_date < :today) AS overdue
				FROM letter l JOIN region r ON r.id = l.region_id
				""".formatted(key, key) + ReportSql.campaignJoin(filter) + ReportSql.where(filter, params)
				+ " GROUP BY GROUPING SETS ((" + key + "), ())";
		Map<Integer, Row> found = new HashMap<>();
		Row[] total = { empty(null, "", "") };
		jdbc.sql(sql).paramSource(params).query((ResultSet rs) -> {
			boolean isTotal = rs.getInt("is_total") == 1;
			Integer id = isTotal ? null : rs.getInt("key");
			Row row = row(rs, id);
			if (isTotal) {
				total[0] = row;
			}
			else {
				found.put(id, row);
			}
		});
		List<Row> rows = new ArrayList<>();
		if (filter.byEconomicRegion()) {
			for (EconomicRegion e : regions.economicRegions()) {
				Row r = found.getOrDefault(e.id(), empty(e.id(), e.name(locale), e.name(locale)));
				rows.add(named(r, e.name(locale), e.name(locale)));
			}
		}
		else {
			Map<Integer, String> labels = regionOptions.names();
			for (Region region : regions.all()) {
				if (region.parentId() != null || !region.acceptsLetters() && !found.containsKey(region.id())) {
					continue;
				}
				String name = labels.get(region.id());
				String economic = region.economicRegion().name(locale);
				rows.add(named(found.getOrDefault(region.id(), empty(region.id(), name, economic)), name, economic));
			}
		}
		rows.sort(comparator(filter));
		return new Result(rows, named(total[0], "", ""));
	}

	private static Comparator<Row> comparator(ReportFilter filter) {
		Comparator<Row> byName = Comparator.comparing(Row::name, java.text.Collator.getInstance(Locale.forLanguageTag("az")));
		Comparator<Row> chosen = switch (filter.sort()) {
			case "registered" -> Comparator.comparingLong(Row::registered);
			case "published" -> Comparator.comparingLong(Row::published);
			case "adopted" -> Comparator.comparingLong(Row::adopted);
			case "giftReceived" -> Comparator.comparingLong(Row::giftReceived);
			case "fulfilled" -> Comparator.comparingLong(Row::fulfilled);
			case "withdrawn" -> Comparator.comparingLong(Row::withdrawn);
			case "rate" -> Comparator.comparingDouble(Row::fulfilmentRate);
			case "median" -> Comparator.comparing(Row::medianDays, Comparator.nullsFirst(Comparator.naturalOrder()));
			case "overdue" -> Comparator.comparingLong(Row::overdue);
			case "economic" -> Comparator.comparing(Row::economicRegion,
					java.text.Collator.getInstance(Locale.forLanguageTag("az")));
			default -> byName;
		};
		chosen = chosen.thenComparing(byName);
		return filter.descending() ? chosen.reversed() : chosen;
	}

	private static Row row(ResultSet rs, Integer id) throws SQLException {
		double median = rs.getDouble("median_days");
		return new Row(id, "", "", rs.getLong("registered"), rs.getLong("waiting_review"), rs.getLong("published"),
				rs.getLong("adopted"), rs.getLong("gift_received"), rs.getLong("fulfilled"), rs.getLong("withdrawn"),
				rs.wasNull() ? null : median, rs.getLong("overdue"));
	}

	private static Row empty(Integer id, String name, String economic) {
		return new Row(id, name, economic, 0, 0, 0, 0, 0, 0, 0, null, 0);
	}

	private static Row named(Row r, String name, String economic) {
		return new Row(r.id(), name, economic, r.registered(), r.waitingReview(), r.published(), r.adopted(),
				r.giftReceived(), r.fulfilled(), r.withdrawn(), r.medianDays(), r.overdue());
	}

}
