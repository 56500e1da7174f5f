package az.asan.mektub.report;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The WHERE clause of a report from its filters, holding only the filters chosen, so PostgreSQL plans
 * the query for what it really asks.
 */
final class ReportSql {

	private static final ZoneId BAKU = ZoneId.of("Asia/Baku");

	private ReportSql() {
	}

	static String campaignJoin(ReportFilter filter) {
		return filter.year() != null ? " JOIN campaign c ON c.id = l.campaign_id" : "";
	}

	static String where(ReportFilter filter, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		if (filter.campaign() != null) {
			conditions.add("l.campaign_id = :campaign");
			params.addValue("campaign", filter.campaign());
		}
		if (filter.year() != null) {
			conditions.add("c.starts_on >= make_date(:year, 1, 1) AND c.starts_on < make_date(:year + 1, 1, 1)");
			params.addValue("year", filter.year());
		}
		if (filter.from() != null) {
			conditions.add("l.created_at >= :from");
			params.addValue("from", Timestamp.from(filter.from().atStartOfDay(BAKU).toInstant()));
		}
		if (filter.to() != null) {
			conditions.add("l.created_at < :to");
			params.addValue("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(BAKU).toInstant()));
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

}
