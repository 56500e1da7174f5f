package az.asan.mektub.letter.web;

import java.time.LocalDate;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.LetterManagement;
import az.asan.mektub.letter.LetterRefusals;
import az.asan.mektub.letter.LetterTransitionException;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's quick actions on its forgotten letters: handed over today, hold released. They work as
 * plain forms and, with htmx, without reloading the page (the row says what happened).
 */
@Controller
class DeskQuickActionsController {

	private final AccountManagement accounts;

	private final LetterManagement letters;

	private final Messages messages;

	DeskQuickActionsController(AccountManagement accounts, LetterManagement letters, Messages messages) {
		this.accounts = accounts;
		this.letters = letters;
		this.messages = messages;
	}

	/** The gift reached the child today: the commonest last step, one click from the forgotten list. */
	@PostMapping("/volunteer/quick/{code}/handed-today")
	@LetterRefusals.Otherwise("/volunteer")
	String handedToday(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		return quick(code, htmx, model, redirect, response, "letter.fulfilled", "desk.quick.alreadyHanded", () -> letters.fulfil(code,
				accounts.regionScope(user), user.id(), LocalDate.now(Formats.BAKU), null, null));
	}

	/** A hold past its due date goes back on the tree now, without waiting for the nightly job. */
	@PostMapping("/volunteer/quick/{code}/release")
	@LetterRefusals.Otherwise("/volunteer")
	String release(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		return quick(code, htmx, model, redirect, response, "letter.released", "desk.quick.alreadyReleased",
				() -> letters.releaseOverdueHold(code, accounts.regionScope(user), user.id()));
	}

	private String quick(String code, String htmx, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response, String successKey, String alreadyKey, Runnable action) {
		String message;
		String outcome;
		try {
			action.run();
			message = messages.get(successKey);
			outcome = "success";
		}
		catch (LetterTransitionException ex) {
			if (ex.alreadyDone()) {
				// A second tap, or a colleague was quicker: the letter is where the person wanted it, so
				// say so in plain words. A plain form keeps the flash kind it always had for a refused
				// release ("failure"), a repeated hand-over reads as done.
				message = messages.get(alreadyKey);
				outcome = htmx != null || "desk.quick.alreadyHanded".equals(alreadyKey) ? "already" : "failure";
			}
			else if (htmx == null) {
				// a plain form: the refusal is a message on the page, as everywhere (LetterRefusals)
				throw ex;
			}
			else {
				// htmx: the answer replaces the row in place, with the reason
				message = messages.get(ex.messageKey(), ex.arguments());
				outcome = "failure";
			}
		}
		catch (OptimisticLockingFailureException ex) {
			message = messages.get("letter.error.concurrent");
			outcome = "failure";
		}
		// A letter changed here is told to every node's desk (LetterChanged, KeptDesksForgotten): the next
		// load reads afresh.
		if (htmx != null) {
			if (!"failure".equals(outcome)) {
				// the desk's figures are read afresh in place (desk-shared's #desk-counts listens for it)
				response.setHeader("HX-Trigger", "deskChanged");
			}
			model.addAttribute("code", code);
			model.addAttribute("message", message);
			model.addAttribute("ok", !"failure".equals(outcome));
			model.addAttribute("already", "already".equals(outcome));
			return "volunteer/desk :: quickResult";
		}
		redirect.addFlashAttribute("failure".equals(outcome) ? "failure" : "success", message);
		return "redirect:/volunteer";
	}

}
