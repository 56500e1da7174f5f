package az.asan.mektub.report;

import java.util.List;

import az.asan.mektub.letter.LetterStatistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ReportsController {

	record YearRow(int year, long fulfilled, long regions) {
	}

	private final LetterStatistics statistics;

	private final JdbcClient jdbc;

	ReportsController(LetterStatistics statistics, JdbcClient jdbc) {
		this.statistics = statistics;
		this.jdbc = jdbc;
	}

	@GetMapping("/reports")
	@Transactional(readOnly = true)
	String summary(Model model) {
		model.addAttribute("totals", statistics.fresh());
		List<YearRow> years = jdbc.sql("""
				SELECT extract(year FROM c.starts_on)::int AS year,
				       count(*) AS fulfilled,
				       count(DISTINCT coalesce(r.parent_id, r.id)) AS regions
				FROM letter l
				JOIN campaign c ON c.id = l.campaign_id
				JOIN region r ON r.id = l.region_id
				WHERE l.status = 'FULFILLED'
				GROUP BY 1 ORDER BY 1""")
			.query((rs, n) -> new YearRow(rs.getInt("year"), rs.getLong("fulfilled"), rs.getLong("regions")))
			.list();
		model.addAttribute("years", years);
		return "reports/summary";
	}

}
