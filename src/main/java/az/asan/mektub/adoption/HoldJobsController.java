package az.asan.mektub.adoption;

import java.util.Optional;
import java.util.function.Supplier;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.system.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff run the hold jobs now instead of waiting for their hour (to see a reminder in the demo, or to
 * release holds after a holiday). A run takes the job's cluster-wide lock like the scheduled one; when
 * another node holds it, nothing runs and staff are told. Every run is audited.
 */
@Controller
class HoldJobsController {

	private final HoldExpiry jobs;

	private final Messages messages;

	private final AuditLog auditLog;

	HoldJobsController(HoldExpiry jobs, Messages messages, AuditLog auditLog) {
		this.jobs = jobs;
		this.messages = messages;
		this.auditLog = auditLog;
	}

	@PostMapping("/admin/jobs/hold-reminder")
	String remind(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		return run(user, redirect, "HOLD_REMINDER_RUN", "jobs.holdReminder.done", jobs::remindNow);
	}

	@PostMapping("/admin/jobs/hold-expiry")
	String release(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		return run(user, redirect, "HOLD_EXPIRY_RUN", "jobs.holdExpiry.done", jobs::releaseExpiredNow);
	}

	private String run(SignedInUser user, RedirectAttributes redirect, String action, String doneKey,
			Supplier<Optional<Integer>> job) {
		Optional<Integer> done = job.get();
		if (done.isEmpty()) {
			redirect.addFlashAttribute("failure", messages.get("jobs.busy"));
		}
		else {
			auditLog.record(user.id(), AuditLog.Kind.JOB, action, null, String.valueOf(done.get()), done.get());
			redirect.addFlashAttribute("success", messages.get(doneKey, done.get()));
		}
		return "redirect:/admin#jobs";
	}

}
