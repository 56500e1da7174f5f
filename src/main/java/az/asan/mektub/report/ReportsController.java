package az.asan.mektub.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import az.asan.mektub.letter.query.LetterStatistics;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.PageShells;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The staff's summary and regional report, each with its filters in the URL and its exports. */
@Controller
class ReportsController {

	private final LetterStatistics statistics;

	private final ProgramReport program;

	private final RegionalReport regional;

	private final ReportFilterOptions filterOptions;

	private final Messages messages;

	private final PageShells shells;

	private final Formats formats;

	/**
	 * The summary's and the regional report's content, rendered: the same for every staff member who asks
	 * the same question (the query string) in the same language, since reports are national (no region
	 * scope) and carry nothing personal (their forms are GET forms, without a CSRF token). The layout
	 * around it, with the person's name and menu, is rendered for each request. Exports are not kept.
	 */
	private final Cache bodies;

	ReportsController(LetterStatistics statistics, ProgramReport program, RegionalReport regional,
			ReportFilterOptions filterOptions, Messages messages, PageShells shells, Formats formats,
			CacheManager caches) {
		this.formats = formats;
		this.shells = shells;
		this.bodies = caches.getCache(CacheConfiguration.REPORT_BODIES);
		this.statistics = statistics;
		this.program = program;
		this.regional = regional;
		this.filterOptions = filterOptions;
		this.messages = messages;
	}

	@GetMapping("/reports")
	String summary(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("reportBody", shells.keptPart(bodies, "summary", "reports/summary-body", () -> {
			Map<String, Object> body = new java.util.HashMap<>();
			List<ProgramReport.Year> years = program.years();
			body.put("totals", statistics.fresh());
			body.put("years", years);
			body.put("campaigns", program.campaigns(locale));
			body.put("yearsChart", BarChart.of(messages.get("reports.chart.fulfilledByYear"),
					years.stream().map(y -> String.valueOf(y.year())).toList(),
					years.stream().map(ProgramReport.Year::fulfilled).toList(), formats, locale));
			body.put("exportQuery", "");
			return body;
		}, locale, request, response));
		return "reports/summary";
	}

	@GetMapping("/reports/years.{format:csv|xlsx}")
	ResponseEntity<byte[]> yearsExport(@PathVariable String format, Locale locale) {
		List<List<Object>> rows = new ArrayList<>();
		for (ProgramReport.Year y : program.years()) {
			rows.add(List.of(y.year(), y.registered(), y.fulfilled(), y.regionsReached(), y.target()));
		}
		return new TableExport("asan-mektub-years", List.of(messages.get("reports.year"),
				messages.get("reports.registered"), messages.get("reports.yearFulfilled"),
				messages.get("reports.yearRegions"), messages.get("reports.target")), rows, locale)
			.as(format);
	}

	@GetMapping("/reports/regions")
	String regions(@ModelAttribute("filter") ReportFilter filter, BindingResult ignoredMistypedValues, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("reportBody", shells.keptPart(bodies, String.valueOf(request.getQueryString()),
				"reports/regions-body", () -> {
			Map<String, Object> body = new java.util.HashMap<>();
			RegionalReport.Result result = regional.run(filter, locale);
			body.put("filter", filter);
			body.put("rangeSwapped", filter.swappedIn(request));
			body.put("result", result);
			filterOptions.addTo(body, locale);
			body.put("sortLinks", sortLinks());
			List<RegionalReport.Row> top = result.rows()
				.stream()
				.filter(r -> r.fulfilled() > 0)
				.sorted((a, b) -> Long.compare(b.fulfilled(), a.fulfilled()))
				.limit(15)
				.toList();
			body.put("chart", BarChart.of(messages.get("reports.topRegions"), top.stream().map(RegionalReport.Row::name).toList(),
					top.stream().map(RegionalReport.Row::fulfilled).toList(), formats, locale));
			body.put("exportQuery", ReportFilterOptions.exportQuery());
			return body;
		}, locale, request, response));
		return "reports/regions";
	}

	@GetMapping("/reports/regions.{format:csv|xlsx}")
	ResponseEntity<byte[]> regionsExport(@PathVariable String format, @ModelAttribute ReportFilter filter,
			BindingResult ignoredMistypedValues, Locale locale) {
		RegionalReport.Result result = regional.run(filter, locale);
		List<List<Object>> rows = new ArrayList<>();
		// By economic region, the row's name is its economic region: one column says it.
		boolean byEconomic = filter.byEconomicRegion();
		for (RegionalReport.Row r : result.rows()) {
			rows.add(regionCells(r, r.name(), byEconomic ? null : r.economicRegion()));
		}
		rows.add(regionCells(result.total(), messages.get("reports.total"), byEconomic ? null : ""));
		List<String> headers = new ArrayList<>();
		headers.add(messages.get(byEconomic ? "tree.economicRegion" : "letterForm.region"));
		if (!byEconomic) {
			headers.add(messages.get("tree.economicRegion"));
		}
		return new TableExport("asan-mektub-regions", Stream.concat(headers.stream(), Stream.of(messages.get("reports.col.registered"),
				messages.get("reports.col.waitingReview"), messages.get("reports.col.published"),
				messages.get("reports.col.adopted"), messages.get("reports.col.giftReceived"),
				messages.get("reports.col.fulfilled"), messages.get("reports.col.withdrawn"),
				messages.get("reports.col.rate"), messages.get("reports.col.median"),
				messages.get("reports.col.overdue"))).toList(), rows, locale)
			.as(format);
	}

	private static List<Object> regionCells(RegionalReport.Row r, String name, String economic) {
		List<Object> cells = new ArrayList<>();
		cells.add(name);
		if (economic != null) {
			cells.add(economic);
		}
		cells.add(r.registered());
		cells.add(r.waitingReview());
		cells.add(r.published());
		cells.add(r.adopted());
		cells.add(r.giftReceived());
		cells.add(r.fulfilled());
		cells.add(r.withdrawn());
		cells.add(Math.round(r.fulfilmentRate() * 1000) / 10.0);
		cells.add(r.medianDays());
		cells.add(r.overdue());
		return cells;
	}

	/** Links that sort the table by a column, flipping the direction when it is already sorted by it. */
	private Map<String, String> sortLinks() {
		Map<String, String> links = new java.util.HashMap<>();
		var request = ((org.springframework.web.context.request.ServletRequestAttributes)
				org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
		String sort = request.getParameter("sort");
		String dir = request.getParameter("dir");
		for (String column : List.of("name", "economic", "registered", "waitingReview", "published", "adopted", "giftReceived",
				"fulfilled", "withdrawn", "rate", "median", "overdue")) {
			String next = column.equals(sort == null ? "name" : sort) && !"desc".equals(dir) ? "desc" : "asc";
			Map<String, String> set = new java.util.LinkedHashMap<>();
			set.put("sort", column);
			set.put("dir", next);
			links.put(column, az.asan.mektub.platform.web.Links.current(set));
		}
		return links;
	}

}
