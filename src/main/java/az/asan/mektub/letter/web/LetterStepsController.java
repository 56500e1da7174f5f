package az.asan.mektub.letter.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.IncompleteReason;
import az.asan.mektub.letter.LetterManagement;
import az.asan.mektub.letter.LetterRefusals;
import az.asan.mektub.letter.WithdrawReason;
import az.asan.mektub.letter.privacy.PrivacyWarning;
import az.asan.mektub.letter.ImageSanitizer;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each step of a letter's life on its private page: publish, send back, gift received, fulfilled,
 * withdrawn. Every step is a plain form post that answers with a redirect and a message; a refused step
 * changes nothing and says why ({@link LetterRefusals}).
 */
@Controller
class LetterStepsController {

	private final LetterManagement letters;

	private final AccountManagement accounts;

	private final ImageSanitizer images;

	private final Messages messages;

	private final AuditLog auditLog;

	private final TagGuesses tagGuesses;

	LetterStepsController(LetterManagement letters, AccountManagement accounts, ImageSanitizer images, Messages messages,
			AuditLog auditLog, TagGuesses tagGuesses) {
		this.letters = letters;
		this.accounts = accounts;
		this.images = images;
		this.messages = messages;
		this.auditLog = auditLog;
		this.tagGuesses = tagGuesses;
	}

	@PostMapping("/volunteer/letters/{code}/publish")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String publish(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String publicWish, @RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(defaultValue = "false") boolean acknowledged, RedirectAttributes redirect) {
		return step(code, redirect, "letter.published", () -> {
			try {
				letters.publish(code, accounts.regionScope(user), user.id(), publicWish, confirmed, acknowledged);
			}
			catch (PrivacyWarning warning) {
				LetterRefusals.keep("privacyWarnings", warning.findings().stream().map(messages::get).toList());
				throw warning;
			}
		}, Map.of("publishText", publicWish));
	}

	@PostMapping("/volunteer/letters/{code}/incomplete")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String markIncomplete(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(required = false) IncompleteReason reason, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		// a refused step keeps the reason chosen as well as the note typed
		Map<String, Object> typed = new HashMap<>(Map.of("incompleteNote", note));
		if (reason != null) {
			typed.put("incompleteReasonChosen", reason.name());
		}
		return step(code, redirect, "letter.markedIncomplete",
				() -> letters.markIncomplete(code, accounts.regionScope(user), user.id(), reason, note), typed);
	}

	@PostMapping("/volunteer/letters/{code}/gift-received")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String receiveGift(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String tagCode, @RequestParam(required = false) Long handoverPointId,
			RedirectAttributes redirect) {
		// a refused step keeps the centre chosen as well as the code typed
		Map<String, Object> typed = new HashMap<>(Map.of("typedTagCode", tagCode));
		if (handoverPointId != null) {
			typed.put("typedHandoverPointId", handoverPointId);
		}
		Optional<String> wait = tagGuesses.mustWait(user.id());
		if (wait.isPresent()) {
			// wrong tag codes are paced as at the desk: nothing is checked while the person must wait
			redirect.addFlashAttribute("failure", wait.get());
			typed.forEach(redirect::addFlashAttribute);
			return "redirect:/volunteer/letters/{code}";
		}
		return step(code, redirect, "letter.giftReceived", () -> tagGuesses.check(user.id(),
				() -> letters.receiveGift(code, accounts.regionScope(user), user.id(), tagCode, handoverPointId)),
				typed);
	}

	@PostMapping("/volunteer/letters/{code}/fulfilled")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String fulfil(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(required = false) LocalDate handedOn, @RequestParam(defaultValue = "") String note,
			@RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) {
		// a refused step keeps the date given as well as the note typed (a file cannot be put back)
		Map<String, Object> typed = new HashMap<>(Map.of("fulfilNote", note));
		if (handedOn != null) {
			typed.put("typedHandedOn", handedOn.toString());
		}
		byte[] photoBytes;
		try {
			photoBytes = photo == null || photo.isEmpty() ? null : images.reencode(photo.getBytes());
		}
		catch (ImageSanitizer.RejectedImage ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.messageKey()));
			typed.forEach(redirect::addFlashAttribute);
			return "redirect:/volunteer/letters/{code}";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return step(code, redirect, "letter.fulfilled",
				() -> letters.fulfil(code, accounts.regionScope(user), user.id(), handedOn, note, photoBytes), typed);
	}

	@PostMapping("/volunteer/letters/{code}/withdraw")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String withdraw(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(required = false) WithdrawReason reason, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "false") boolean heldConfirmed, RedirectAttributes redirect) {
		// a refused step keeps the reason chosen as well as the note typed
		Map<String, Object> typed = new HashMap<>(Map.of("withdrawNote", note));
		if (reason != null) {
			typed.put("withdrawReasonChosen", reason.name());
		}
		return step(code, redirect, "letter.withdrawn", () -> {
			letters.withdraw(code, accounts.regionScope(user), user.id(), reason, note, heldConfirmed);
			// a volunteer's step is in the letter's history; staff withdrawing a letter is a staff change too
			if (user.role() == Role.STAFF || user.role() == Role.ADMIN) {
				auditLog.record(user.id(), AuditLog.Kind.LETTER, "LETTER_WITHDRAWN", null, code + " " + reason, code,
						new AuditLog.Key("withdrawReason." + reason));
			}
		}, typed);
	}

	/**
	 * Runs one step of the letter's life and says how it went. A refused step (or one that lost a
	 * race with another volunteer) changes nothing; what was typed goes back to the page. A refusal
	 * is said by {@link LetterRefusals}, as on every page.
	 */
	private String step(String code, RedirectAttributes redirect, String successKey, Runnable action,
			Map<String, ?> typed) {
		typed.forEach(LetterRefusals::keep);
		try {
			action.run();
			redirect.addFlashAttribute("success", messages.get(successKey));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", messages.get("letter.error.concurrent"));
			typed.forEach(redirect::addFlashAttribute);
		}
		return "redirect:/volunteer/letters/{code}";
	}

}
