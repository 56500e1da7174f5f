package az.asan.mektub.report;

import java.util.Locale;
import java.util.Map;

import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the reports' filter forms offer (campaigns, years), and the current filters for the export links. */
@Component
class ReportFilterOptions {

	private final CampaignOptions campaignOptions;

	private final ProgramReport program;

	ReportFilterOptions(CampaignOptions campaignOptions, ProgramReport program) {
		this.campaignOptions = campaignOptions;
		this.program = program;
	}

	void addTo(Model model, Locale locale) {
		Map<String, Object> options = new java.util.HashMap<>();
		addTo(options, locale);
		model.addAllAttributes(options);
	}

	void addTo(Map<String, Object> model, Locale locale) {
		model.put("campaignOptions", campaignOptions.all(locale));
		model.put("yearOptions", program.years()
			.stream()
			.map(y -> y.year())
			.sorted((a, b) -> b - a)
			.map(y -> new Option(String.valueOf(y), String.valueOf(y)))
			.toList());
	}

	/** The current filters as a query string, for the export links. */
	static String exportQuery() {
		String current = az.asan.mektub.platform.web.Links.current(Map.of());
		int query = current.indexOf('?');
		return query < 0 ? "" : current.substring(query);
	}

}
