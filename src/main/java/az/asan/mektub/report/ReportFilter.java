package az.asan.mektub.report;

import java.time.LocalDate;

import az.asan.mektub.platform.web.Ranges;

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
		// "from December to January" means January to December, as on the tree (Ranges)
		if (Ranges.reversed(from, to)) {
			LocalDate earlier = to;
			to = from;
			from = earlier;
		}
	}

	public static ReportFilter none() {
		return new ReportFilter(null, null, null, null, null, null, null);
	}

	/** Whether the request typed the dates the wrong way round, which this filter swapped: the page says so. */
	public boolean swappedIn(jakarta.servlet.http.HttpServletRequest request) {
		return Ranges.swapped(request, "from", "to", from, to);
	}

	public boolean descending() {
		return "desc".equals(dir);
	}

	public boolean byEconomicRegion() {
		return "economic".equals(group);
	}

}
