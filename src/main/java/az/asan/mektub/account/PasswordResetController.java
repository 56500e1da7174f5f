package az.asan.mektub.account;

import java.util.Locale;

import jakarta.validation.Valid;

import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A forgotten password: the link asked for by e-mail, and the new password set through it. */
@Controller
class PasswordResetController {

	private final AccountManagement management;

	private final Messages messages;

	private final boolean mailbox;

	PasswordResetController(AccountManagement management, Messages messages,
			az.asan.mektub.platform.settings.AsanProperties asan) {
		this.management = management;
		this.messages = messages;
		this.mailbox = asan.mailboxOpen();
	}

	@GetMapping("/password/forgot")
	String initForgotForm() {
		return "account/forgot";
	}

	@PostMapping("/password/forgot")
	String processForgotForm(@RequestParam(defaultValue = "") String email, Locale locale, Model model) {
		if (email.isBlank() || !email.contains("@")) {
			model.addAttribute("failure", messages.get("Email"));
			model.addAttribute("email", email);
			return "account/forgot";
		}
		management.requestPasswordReset(email, locale);
		model.addAttribute("sent", true);
		model.addAttribute("mailbox", mailbox);
		return "account/forgot";
	}

	@GetMapping("/password/reset")
	String initResetForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("valid", management.resetTokenValid(token));
		model.addAttribute("passwordResetForm", new PasswordResetForm(token, "", ""));
		return "account/reset";
	}

	@PostMapping("/password/reset")
	String processResetForm(@Valid @ModelAttribute("passwordResetForm") PasswordResetForm form, BindingResult result,
			Model model) {
		if (!result.hasFieldErrors("password")) {
			management.passwordProblem(form.token(), form.password())
				.ifPresent(problem -> Forms.reject(result, "password", problem));
		}
		if (result.hasErrors()) {
			model.addAttribute("valid", true);
			return "account/reset";
		}
		if (!management.resetPassword(form.token(), form.password())) {
			model.addAttribute("valid", false);
			return "account/reset";
		}
		return "redirect:/login?reset";
	}

}
