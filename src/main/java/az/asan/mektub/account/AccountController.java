package az.asan.mektub.account;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing in, a donor's registration and address confirmation, and the account page with profile,
 * password and deletion. The forgotten-password links are {@link PasswordResetController}'s.
 */
@Controller
class AccountController {

	private final AccountManagement management;

	private final Regions regions;

	private final Messages messages;

	private final boolean mailbox;

	/** Whether the national digital identity's sign-in is offered (asan.oidc.issuer-uri set). */
	private final boolean oidc;

	private final az.asan.mektub.platform.i18n.Collation collation;

	/** The e-mail address of a failed sign-in, set by SecurityConfiguration's failure handler. */
	static final String TYPED_EMAIL_COOKIE = "ASANLOGINEMAIL";

	private final Teams teams;

	/** The problems with the identity provider the sign-in page can name (login.oidc.*). */
	static final java.util.Set<String> OIDC_PROBLEMS = java.util.Set.of("expired", "cancelled", "unavailable", "refused",
			"noEmail", "unverified", "locked");

	AccountController(AccountManagement management, Regions regions, Messages messages,
			az.asan.mektub.platform.settings.AsanProperties asan, az.asan.mektub.platform.i18n.Collation collation,
			Teams teams) {
		this.teams = teams;
		this.collation = collation;
		this.management = management;
		this.regions = regions;
		this.messages = messages;
		this.mailbox = asan.mailboxOpen();
		this.oidc = asan.oidc().enabled();
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) Long wait, @RequestParam(required = false) Long locked,
			@RequestParam(name = "oidc", required = false) String oidcProblem,
			@org.springframework.web.bind.annotation.CookieValue(name = TYPED_EMAIL_COOKIE, required = false) String typedEmail,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model) {
		if (typedEmail != null) {
			// what a failed sign-in typed (set by SecurityConfiguration's failure handler), shown once
			try {
				model.addAttribute("typedEmail", java.net.URLDecoder.decode(typedEmail, java.nio.charset.StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ignored) {
				// not ours: nothing to show
			}
			response.addHeader(org.springframework.http.HttpHeaders.SET_COOKIE, org.springframework.http.ResponseCookie
				.from(TYPED_EMAIL_COOKIE, "")
				.path(request.getContextPath() + "/login")
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Lax")
				.maxAge(0)
				.build()
				.toString());
		}
		model.addAttribute("mailbox", mailbox);
		model.addAttribute("oidcEnabled", oidc);
		if (oidc && oidcProblem != null) {
			// what went wrong with the identity provider (SecurityConfiguration's failure handler, OidcSignIn)
			model.addAttribute("oidcProblem", OIDC_PROBLEMS.contains(oidcProblem) ? oidcProblem : "refused");
		}
		model.addAttribute("waitSeconds", wait == null ? null : Math.max(1, Math.min(wait, 3600)));
		model.addAttribute("lockedMinutes", locked == null ? null : Math.max(1, Math.min((locked + 59) / 60, 60)));
		return "account/login";
	}

	@GetMapping("/register")
	String initRegistrationForm(Model model) {
		model.addAttribute("registrationForm", RegistrationForm.empty());
		return "account/register";
	}

	@PostMapping("/register")
	String processRegistrationForm(@Valid @ModelAttribute("registrationForm") RegistrationForm form,
			BindingResult result, Locale locale) {
		if (!result.hasFieldErrors("password")) {
			Passwords.problem(form.password(), form.email(), form.fullName())
				.ifPresent(problem -> Forms.reject(result, "password", problem));
		}
		// Whether the address already has an account is not said here: its owner is mailed instead.
		if (result.hasErrors()) {
			return "account/register";
		}
		try {
			management.registerDonor(form, locale);
		}
		catch (AccountManagement.EmailTakenException ex) {
			// Two registrations with one address at the same moment: the unique index decided, and
			// the answer stays the same.
		}
		return "redirect:/login?registered";
	}

	@GetMapping("/account/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, Model model) {
		AccountManagement.Confirmation confirmation = management.confirm(token);
		model.addAttribute("confirmed", confirmation != AccountManagement.Confirmation.BAD_LINK);
		// an organisation staff have not confirmed yet cannot adopt: the page must not say it can
		model.addAttribute("awaitingReview", confirmation == AccountManagement.Confirmation.AWAITING_REVIEW);
		return "account/confirmed";
	}

	@GetMapping("/me")
	String me(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
		AccountManagement.Profile account = management.profile(user.id()).orElseThrow();
		if (!model.containsAttribute("profileForm")) {
			model.addAttribute("profileForm", new ProfileForm(account.fullName(), account.phone(), account.language()));
		}
		return mePage(account, model, locale);
	}

	@PostMapping("/me")
	String updateProfile(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("profileForm") ProfileForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		if (result.hasErrors()) {
			return mePage(management.profile(user.id()).orElseThrow(), model, locale);
		}
		boolean backToReview = management.updateProfile(user.id(), form);
		showNewName(user, form, request, response);
		redirect.addFlashAttribute("success", messages.get(backToReview ? "me.organisationRenamed" : "me.saved"));
		return "redirect:/me";
	}

	/**
	 * The name at the top of every page comes from the session: after a person renames themselves,
	 * their session holds the new name (the pages kept for many put it in per request).
	 */
	private static void showNewName(SignedInUser user, ProfileForm form, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		org.springframework.security.core.Authentication current = org.springframework.security.core.context.SecurityContextHolder
			.getContext()
			.getAuthentication();
		String newName = form.fullName() == null ? null : form.fullName().strip();
		if (current == null || newName == null || newName.isEmpty() || newName.equals(user.fullName())) {
			return;
		}
		org.springframework.security.authentication.UsernamePasswordAuthenticationToken renamed = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
			.authenticated(user.renamed(newName), null, current.getAuthorities());
		renamed.setDetails(current.getDetails());
		org.springframework.security.core.context.SecurityContext context = org.springframework.security.core.context.SecurityContextHolder
			.createEmptyContext();
		context.setAuthentication(renamed);
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		new org.springframework.security.web.context.HttpSessionSecurityContextRepository().saveContext(context, request,
				response);
	}

	@PostMapping("/me/confirmation")
	String resendConfirmation(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		management.resendConfirmation(user.id());
		redirect.addFlashAttribute("success", messages.get("me.confirmationSent"));
		return "redirect:/me";
	}

	@GetMapping("/me/password")
	String initPasswordForm(Model model) {
		model.addAttribute("passwordChangeForm", PasswordChangeForm.empty());
		return "account/password";
	}

	@PostMapping("/me/password")
	String processPasswordForm(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("passwordChangeForm") PasswordChangeForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("password")) {
			management.passwordProblem(user.id(), form.password())
				.ifPresent(problem -> Forms.reject(result, "password", problem));
		}
		if (result.hasErrors()) {
			return "account/password";
		}
		var session = request.getSession(false);
		if (!management.changePassword(user.id(), form.currentPassword(), form.password(),
				session == null ? null : session.getId())) {
			Forms.reject(result, "currentPassword", "password.currentWrong");
			return "account/password";
		}
		redirect.addFlashAttribute("success", messages.get("password.changed"));
		return "redirect:/me";
	}

	@PostMapping("/me/delete")
	String delete(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String email, HttpServletRequest request, RedirectAttributes redirect)
			throws ServletException {
		if (!management.deleteDonor(user.id(), password, email)) {
			// an account without a password (opened through the national identity) confirms with its address
			boolean withPassword = management.profile(user.id()).map(AccountManagement.Profile::hasPassword).orElse(true);
			redirect.addFlashAttribute("failure", messages.get(withPassword ? "me.delete.refused" : "me.delete.refusedEmail"));
			return "redirect:/me";
		}
		request.logout();
		return "redirect:/?deleted";
	}

	private String mePage(AccountManagement.Profile account, Model model, Locale locale) {
		model.addAttribute("account", account);
		model.addAttribute("mailbox", mailbox);
		model.addAttribute("identityLinked", management.identityLinked(account.id()));
		// an organisation's own account manages its team; a person of a team adopts from its pool
		model.addAttribute("teamPage", account.organisation() ? (teams.mayLeadATeam(account.id()) ? "lead" : null)
				: teams.organisationOf(account.id()).map(o -> "member").orElse(null));
		model.addAttribute("regionNames", collation.sort(regions.byIds(account.regionIds())
			.stream()
			.map(r -> r.name(locale))
			.toList(), name -> name));
		model.addAttribute("languageOptions",
				List.of(new Option("az", messages.get("layout.lang.az")), new Option("en", messages.get("layout.lang.en")),
						new Option("ru", messages.get("layout.lang.ru"))));
		return "account/me";
	}

}
