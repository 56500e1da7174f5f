package az.asan.mektub.account;

import java.util.Comparator;
import java.util.Locale;

import jakarta.validation.Valid;

import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class AccountController {

	private final AccountManagement management;

	private final Regions regions;

	AccountController(AccountManagement management, Regions regions) {
		this.management = management;
		this.regions = regions;
	}

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	@GetMapping("/register")
	String initRegistrationForm(Model model) {
		model.addAttribute("registrationForm", RegistrationForm.empty());
		return "account/register";
	}

	@PostMapping("/register")
	String processRegistrationForm(@Valid @ModelAttribute("registrationForm") RegistrationForm form,
			BindingResult result) {
		if (!result.hasFieldErrors("email") && management.emailTaken(form.email())) {
			result.rejectValue("email", "register.emailTaken");
		}
		if (result.hasErrors()) {
			return "account/register";
		}
		try {
			management.registerDonor(form);
		}
		catch (AccountManagement.EmailTakenException ex) {
			// Two registrations with one address at the same moment: the unique index decided.
			result.rejectValue("email", "register.emailTaken");
			return "account/register";
		}
		return "redirect:/login?registered";
	}

	@GetMapping("/me")
	String me(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
		AccountManagement.Profile account = management.profile(user.id()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("regionNames", regions.byIds(account.regionIds())
			.stream()
			.sorted(Comparator.comparing(Region::id))
			.map(r -> r.name(locale))
			.toList());
		return "account/me";
	}

}
