package az.asan.mektub.account;

import java.util.Locale;

import jakarta.validation.Valid;

import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisations as donors: a company or association registers itself with its name and VÖEN, and
 * staff confirm or refuse it from the list of those awaiting confirmation.
 */
@Controller
class OrganisationController {

	private final AccountManagement management;

	private final AccountAdministration administration;

	private final Messages messages;

	OrganisationController(AccountManagement management, AccountAdministration administration, Messages messages) {
		this.management = management;
		this.administration = administration;
		this.messages = messages;
	}

	@GetMapping("/register/organisation")
	String initOrganisationForm(Model model) {
		model.addAttribute("organisationRegistrationForm", OrganisationRegistrationForm.empty());
		return "account/register-organisation";
	}

	@PostMapping("/register/organisation")
	String processOrganisationForm(
			@Valid @ModelAttribute("organisationRegistrationForm") OrganisationRegistrationForm form,
			BindingResult result, Locale locale) {
		if (!result.hasFieldErrors("password")) {
			Passwords.problem(form.password(), form.email(), form.contactName())
				.or(() -> Passwords.problem(form.password(), form.email(), form.organisationName()))
				.ifPresent(problem -> Forms.reject(result, "password", problem));
		}
		// as for a person: whether the address already has an account is not said here (its owner is mailed)
		if (result.hasErrors()) {
			return "account/register-organisation";
		}
		try {
			management.registerOrganisation(form, locale);
		}
		catch (AccountManagement.EmailTakenException ex) {
			// two registrations with one address at the same moment: the answer stays the same
		}
		return "redirect:/login?registered";
	}

	@GetMapping("/admin/organisations")
	String awaiting(Model model) {
		model.addAttribute("organisations", administration.organisationsAwaiting());
		return "admin/organisations";
	}

	@PostMapping("/admin/organisations/{id}/confirm")
	String confirm(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		return review(user, id, true, redirect);
	}

	@PostMapping("/admin/organisations/{id}/refuse")
	String refuse(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		return review(user, id, false, redirect);
	}

	private String review(SignedInUser user, long id, boolean confirm, RedirectAttributes redirect) {
		try {
			if (administration.reviewOrganisation(id, confirm, user)) {
				messages.flash(redirect, "success", confirm ? "organisations.confirmed" : "organisations.refused");
			}
			else {
				messages.flash(redirect, "failure", "organisations.alreadyDecided");
			}
		}
		catch (IllegalArgumentException ex) {
			messages.flash(redirect, "failure", ex.getMessage());
		}
		return "redirect:/admin/organisations";
	}

}
