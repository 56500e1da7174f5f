package az.asan.mektub.admin;

import java.util.List;

import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.database.JobRuns;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.database.OnlineBackup;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's start page: the admin sections and whether the scheduled jobs are alive. */
@Controller
class AdminOverviewController {

	private final JobRuns jobRuns;

	private final Messages messages;

	private final int retentionMonths;

	private final int holdReminderDays;

	private final ObjectProvider<OnlineBackup> backups;

	AdminOverviewController(JobRuns jobRuns, Messages messages,
			AsanProperties asan, ObjectProvider<OnlineBackup> backups) {
		this.jobRuns = jobRuns;
		this.messages = messages;
		this.retentionMonths = asan.retention().months();
		this.holdReminderDays = asan.holds().reminderDays();
		this.backups = backups;
	}

	@GetMapping("/admin")
	String overview(Model model) {
		model.addAttribute("sections", List.of(new Option("/admin/campaigns", messages.get("admin.campaigns")),
				new Option("/admin/handover-points", messages.get("admin.points")),
				new Option("/admin/users", messages.get("admin.users")), new Option("/reports", messages.get("reports.title")),
				new Option("/admin/audit", messages.get("admin.audit")), new Option("/impact", messages.get("impact.heading"))));
		model.addAttribute("jobs", jobRuns.all());
		model.addAttribute("retentionMonths", retentionMonths);
		model.addAttribute("holdReminderDays", holdReminderDays);
		// Online backups exist for the embedded database only; a deployment's own PostgreSQL has its tools.
		OnlineBackup backup = backups.getIfAvailable();
		if (backup != null) {
			model.addAttribute("backupFolder", backup.folder().toString());
			model.addAttribute("backupKeepDays", backup.keepDays());
			model.addAttribute("backups", backup.archives().stream().limit(10).toList());
		}
		return "admin/overview";
	}

}
