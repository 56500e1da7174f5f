package az.asan.mektub.campaign;

import java.util.List;

import az.asan.mektub.system.JobRuns;
import az.asan.mektub.system.Messages;
import az.asan.mektub.system.Option;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's start page: the admin sections and whether the scheduled jobs are alive. */
@Controller
class AdminOverviewController {

	private final JobRuns jobRuns;

	private final Messages messages;

	private final int retentionMonths;

	AdminOverviewController(JobRuns jobRuns, Messages messages,
			@Value("${asan.retention.months:24}") int retentionMonths) {
		this.jobRuns = jobRuns;
		this.messages = messages;
		this.retentionMonths = retentionMonths;
	}

	@GetMapping("/admin")
	String overview(Model model) {
		model.addAttribute("sections", List.of(new Option("/admin/campaigns", messages.get("admin.campaigns")),
				new Option("/admin/handover-points", messages.get("admin.points")),
				new Option("/admin/users", messages.get("admin.users")), new Option("/reports", messages.get("reports.title")),
				new Option("/admin/audit", messages.get("admin.audit")), new Option("/impact", messages.get("impact.heading"))));
		model.addAttribute("jobs", jobRuns.all());
		model.addAttribute("retentionMonths", retentionMonths);
		return "admin/overview";
	}

}
