package az.asan.mektub.letter.privacy;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff may run the retention job now instead of waiting for the night. It erases children's private
 * data for good, so the button on /admin leads to a page that says what it does and how many children
 * it touches; its button runs it.
 */
@Controller
class RetentionController {

	private final ChildDataRetention retention;

	private final Messages messages;

	private final AuditLog auditLog;

	RetentionController(ChildDataRetention retention, Messages messages, AuditLog auditLog) {
		this.retention = retention;
		this.messages = messages;
		this.auditLog = auditLog;
	}

	@GetMapping("/admin/retention/run")
	String confirm(Model model) {
		model.addAttribute("due", retention.due());
		model.addAttribute("months", retention.months());
		return "admin/retention-confirm";
	}

	@PostMapping("/admin/retention/run")
	String run(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		int anonymised = retention.run();
		auditLog.record(user.id(), AuditLog.Kind.RETENTION, "RETENTION_RUN", null, String.valueOf(anonymised),
				anonymised);
		redirect.addFlashAttribute("success", messages.get("retention.done", anonymised));
		return "redirect:/admin";
	}

}
