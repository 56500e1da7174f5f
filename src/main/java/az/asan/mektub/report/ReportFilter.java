package az.asan.mektub.report;

import java.time.LocalDate;

/**
 * The filters every report shares: a campaign, a campaign year, and a range of registration dates.
 * They live in the URL, so exports and shared links carry them.
 */
public record ReportFilter(Long campaign, Integer year, LocalDate from, LocalDate to, String sort, String dir,
		String group) {

	public ReportFilter {
		sort = sort == null || sort.isBlank() ? "name" : sort;
		dir = "desc".equals(dir) ? "desc" : "asc";
		group = "economic".equals(group) ? "economic" : "region";
		// Out of any sensible range a filter is not applied, like a mistyped one (make_date(0, …) fails).
		year = year == null || year < 2000 || year > 2199 ? null : year;
		from = from == null || from.getYear() < 2000 || from.getYear() > 2199 ? null : from;
		to = to == null || to.getYear() < 2000 || to.getYear() > 2199 ? null : to;
	}

	public static ReportFilter none() {
		return new ReportFilter(null, null, null, null, null, null, null);
	}

	public boolean descending() {
		return "desc".equals(dir);
	}

	public boolean byEconomicRegion() {
		return "economic".equals(group);
	}

}
