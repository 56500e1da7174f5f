package az.asan.mektub.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import az.asan.mektub.account.Role;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.query.ForgottenLetters;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.i18n.Messages;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The staff's lists to act on: forgotten letters, possible duplicates, donors; each with its exports. */
@Controller
class ReportListsController {

	private final ForgottenLetters forgotten;

	private final ProgramReport program;

	private final ReportFilterOptions filterOptions;

	private final RegionOptions regionOptions;

	private final Messages messages;

	ReportListsController(ForgottenLetters forgotten, ProgramReport program, ReportFilterOptions filterOptions,
			RegionOptions regionOptions, Messages messages) {
		this.forgotten = forgotten;
		this.program = program;
		this.filterOptions = filterOptions;
		this.regionOptions = regionOptions;
		this.messages = messages;
	}

	@GetMapping("/reports/forgotten")
	String forgotten(Model model) {
		model.addAttribute("counts", forgotten.counts(RegionScope.all()));
		Map<ForgottenLetters.Kind, List<ForgottenLetters.Row>> lists = new java.util.EnumMap<>(ForgottenLetters.Kind.class);
		for (ForgottenLetters.Kind kind : ForgottenLetters.Kind.values()) {
			lists.put(kind, forgotten.list(kind, RegionScope.all(), 100));
		}
		model.addAttribute("lists", lists);
		model.addAttribute("unadoptedDays", forgotten.unadoptedDays());
		model.addAttribute("undeliveredDays", forgotten.undeliveredDays());
		return "reports/forgotten";
	}

	@GetMapping("/reports/forgotten.{format:csv|xlsx}")
	ResponseEntity<byte[]> forgottenExport(@PathVariable String format, Locale locale) {
		List<List<Object>> rows = new ArrayList<>();
		for (ForgottenLetters.Kind kind : ForgottenLetters.Kind.values()) {
			for (ForgottenLetters.Row r : forgotten.list(kind, RegionScope.all(), 10_000)) {
				rows.add(List.of(messages.get("forgotten.kind." + kind.name()), r.code(), r.firstName(), r.age(),
						regionOptions.name(r.regionId()), r.since(), r.days()));
			}
		}
		return new TableExport("asan-mektub-forgotten", List.of(messages.get("reports.col.list"),
				messages.get("letterPage.code"), messages.get("letters.child"), messages.get("letterPage.age"),
				messages.get("letterForm.region"), messages.get("reports.col.since"), messages.get("reports.col.days")),
				rows, locale)
			.as(format);
	}

	@GetMapping("/reports/duplicates")
	String duplicates(@ModelAttribute("filter") ReportFilter filter, BindingResult ignoredMistypedValues, Model model,
			Locale locale, HttpServletRequest request) {
		model.addAttribute("rangeSwapped", filter.swappedIn(request));
		model.addAttribute("duplicates", program.duplicates(filter, 500));
		model.addAttribute("filter", filter);
		filterOptions.addTo(model, locale);
		model.addAttribute("exportQuery", ReportFilterOptions.exportQuery());
		return "reports/duplicates";
	}

	@GetMapping("/reports/duplicates.{format:csv|xlsx}")
	ResponseEntity<byte[]> duplicatesExport(@PathVariable String format, @ModelAttribute ReportFilter filter,
			BindingResult ignoredMistypedValues, Locale locale) {
		List<List<Object>> rows = new ArrayList<>();
		for (ProgramReport.Duplicate d : program.duplicates(filter, 10_000)) {
			rows.add(List.of(d.campaign(), d.firstName(), d.surname() == null ? "" : d.surname(), d.birthDate(),
					regionOptions.name(d.regionId()), String.join(" ", d.codes())));
		}
		return new TableExport("asan-mektub-duplicates", List.of(messages.get("letterForm.campaign"),
				messages.get("letterForm.firstName"), messages.get("letterForm.surname"),
				messages.get("letterForm.birthDate"), messages.get("letterForm.region"), messages.get("reports.col.codes")),
				rows, locale)
			.as(format);
	}

	@GetMapping("/reports/donors")
	String donors(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("filter") ReportFilter filter,
			BindingResult ignoredMistypedValues, Model model, Locale locale, HttpServletRequest request) {
		model.addAttribute("rangeSwapped", filter.swappedIn(request));
		boolean admin = user.role() == Role.ADMIN;
		model.addAttribute("donors", program.donors(filter, admin, 500));
		model.addAttribute("filter", filter);
		model.addAttribute("withContact", admin);
		filterOptions.addTo(model, locale);
		model.addAttribute("exportQuery", ReportFilterOptions.exportQuery());
		return "reports/donors";
	}

	@GetMapping("/reports/donors.{format:csv|xlsx}")
	ResponseEntity<byte[]> donorsExport(@AuthenticationPrincipal SignedInUser user, @PathVariable String format,
			@ModelAttribute ReportFilter filter, BindingResult ignoredMistypedValues, Locale locale) {
		boolean admin = user.role() == Role.ADMIN;
		List<String> headers = new ArrayList<>(List.of(messages.get("reports.col.donor"),
				messages.get("reports.col.organisation"), messages.get("reports.col.fulfilled"),
				messages.get("reports.col.inProgress")));
		if (admin) {
			headers.addAll(List.of(messages.get("me.email"), messages.get("register.phone")));
		}
		List<List<Object>> rows = new ArrayList<>();
		for (ProgramReport.Donor d : program.donors(filter, admin, 100_000)) {
			List<Object> row = new ArrayList<>(List.of(d.anonymised() ? "—" : d.name(),
					d.organisation() ? messages.get("common.yes") : messages.get("common.no"), d.fulfilled(),
					d.inProgress()));
			if (admin) {
				row.add(d.anonymised() ? "" : d.email());
				row.add(d.phone() == null ? "" : d.phone());
			}
			rows.add(row);
		}
		return new TableExport("asan-mektub-donors", headers, rows, locale).as(format);
	}

}
