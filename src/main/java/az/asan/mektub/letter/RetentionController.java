package az.asan.mektub.letter;

import az.asan.mektub.system.Messages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff may run the retention job now instead of waiting for the night. */
@Controller
class RetentionController {

	private final ChildDataRetention retention;

	private final Messages messages;

	RetentionController(ChildDataRetention retention, Messages messages) {
		this.retention = retention;
		this.messages = messages;
	}

	@PostMapping("/admin/retention/run")
	String run(RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", messages.get("retention.done", retention.run()));
		return "redirect:/admin";
	}

}
