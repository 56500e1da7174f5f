package az.asan.mektub.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.platform.security.OidcProvider;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with the national digital identity: where its button leads (the provider asked first
 * whether it answers, so a provider that is down is told on the sign-in page), and the page on which
 * someone whose identity names the address of an existing account proves that account is theirs.
 */
@Controller
class OidcLinkController {

	private final OidcProvider provider;

	private final OidcSignIn signIn;

	private final AccountManagement management;

	private final az.asan.mektub.platform.i18n.Messages messages;

	OidcLinkController(OidcProvider provider, OidcSignIn signIn, AccountManagement management,
			az.asan.mektub.platform.i18n.Messages messages) {
		this.provider = provider;
		this.signIn = signIn;
		this.management = management;
		this.messages = messages;
	}

	/** The signed-in person takes their account's link to the national identity away (shown on /me). */
	@PostMapping("/me/identity/unlink")
	String unlinkIdentity(@org.springframework.security.core.annotation.AuthenticationPrincipal SignedInUser user,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		management.unlinkIdentity(user.id());
		redirect.addFlashAttribute("success", messages.get("me.identity.unlinked"));
		return "redirect:/me";
	}

	@GetMapping("/login/oidc")
	String start() {
		if (!provider.enabled()) {
			throw new NotFound();
		}
		return provider.available() ? "redirect:" + OidcProvider.AUTHORIZATION_PATH : "redirect:/login?oidc=unavailable";
	}

	@GetMapping(OidcSignIn.LINK_PAGE)
	String linkPage(HttpServletRequest request, Model model) {
		return page(request, model).orElse("redirect:/login?oidc=expired");
	}

	@PostMapping(OidcSignIn.LINK_PAGE)
	String proveWithPassword(@RequestParam(defaultValue = "") String password, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<OidcSignIn.Pending> pending = signIn.pending(request);
		if (pending.isEmpty()) {
			return "redirect:/login?oidc=expired";
		}
		OidcSignIn.Proof proof = signIn.proveWithPassword(pending.get(), password, request.getRemoteAddr());
		if (proof == OidcSignIn.Proof.LINKED) {
			return "redirect:" + signIn.signInLinked(pending.get(), request, response);
		}
		model.addAttribute(switch (proof) {
			case WAIT -> "wait";
			case UNCONFIRMED -> "unconfirmed";
			default -> "wrongPassword";
		}, true);
		return page(request, model).orElseThrow();
	}

	@PostMapping(OidcSignIn.LINK_PAGE + "/mail")
	String mailProof(HttpServletRequest request, Model model) {
		Optional<OidcSignIn.Pending> pending = signIn.pending(request);
		if (pending.isEmpty()) {
			return "redirect:/login?oidc=expired";
		}
		model.addAttribute(signIn.mailProof(pending.get(), request) ? "mailSent" : "mailLimit", true);
		return page(request, model).orElseThrow();
	}

	@GetMapping(OidcSignIn.LINK_PAGE + "/confirm")
	String proveWithLink(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<OidcSignIn.Pending> pending = signIn.pending(request);
		if (pending.isPresent() && signIn.proveWithLink(pending.get(), token, request)) {
			return "redirect:" + signIn.signInLinked(pending.get(), request, response);
		}
		// another browser, a session that ended, a used or expired link: nothing is linked
		model.addAttribute("badLink", true);
		return page(request, model).orElse("account/oidc-link");
	}

	private Optional<String> page(HttpServletRequest request, Model model) {
		return signIn.pending(request).map(pending -> {
			model.addAttribute("pendingEmail", signIn.emailOf(pending));
			model.addAttribute("providerName", pending.providerName());
			return "account/oidc-link";
		});
	}

}
