package az.asan.mektub.adoption;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff run the hold jobs now instead of waiting for their hour (to see a reminder in the demo, or to
 * release holds after a holiday). A run takes the job's cluster-wide lock like the scheduled one; when
 * another node holds it, nothing runs and staff are told. Every run is audited.
 */
@Controller
class HoldJobsController {

	/**
	 * Each job button's form carries a one-time token: a second press of the same form (a double
	 * click) does not run the job again, and the page says it has just run. Tokens are kept for this
	 * long, per node (the job's lock keeps nodes apart).
	 */
	static final Duration TOKEN_KEPT = Duration.ofMinutes(10);

	private final Map<String, Instant> pressed = new ConcurrentHashMap<>();

	private final HoldExpiry jobs;

	private final Messages messages;

	private final AuditLog auditLog;

	HoldJobsController(HoldExpiry jobs, Messages messages, AuditLog auditLog) {
		this.jobs = jobs;
		this.messages = messages;
		this.auditLog = auditLog;
	}

	@PostMapping("/admin/jobs/hold-reminder")
	String remind(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "runToken", required = false) String token, RedirectAttributes redirect) {
		return run(user, token, redirect, "HOLD_REMINDER_RUN", "jobs.holdReminder.done", jobs::remindNow);
	}

	@PostMapping("/admin/jobs/hold-expiry")
	String release(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "runToken", required = false) String token, RedirectAttributes redirect) {
		return run(user, token, redirect, "HOLD_EXPIRY_RUN", "jobs.holdExpiry.done", jobs::releaseExpiredNow);
	}

	private String run(SignedInUser user, String token, RedirectAttributes redirect, String action, String doneKey,
			Supplier<Optional<Integer>> job) {
		if (token != null && !token.isBlank()) {
			Instant now = Instant.now();
			pressed.values().removeIf(at -> at.isBefore(now.minus(TOKEN_KEPT)));
			if (pressed.putIfAbsent(action + "|" + token.strip(), now) != null) {
				// said by the address, not a flash: the first press's answer and this one show together, at once
				return "redirect:/admin?justRan=" + action + "#jobs";
			}
		}
		Optional<Integer> done = job.get();
		if (done.isEmpty()) {
			// it did not run here: the same button may be pressed again once the other node is done
			if (token != null) {
				pressed.remove(action + "|" + token.strip());
			}
			redirect.addFlashAttribute("failure", messages.get("jobs.busy"));
		}
		else {
			auditLog.record(user.id(), AuditLog.Kind.JOB, action, null, String.valueOf(done.get()), done.get());
			redirect.addFlashAttribute("success", messages.get(doneKey, done.get()));
		}
		return "redirect:/admin#jobs";
	}

}
