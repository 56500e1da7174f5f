package az.asan.mektub.letter.thanks;

import java.io.IOException;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.ImageSanitizer;
import az.asan.mektub.letter.LetterRefusals;
import az.asan.mektub.letter.LetterTransitionException;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The volunteers' side of the child's thank-you: attaching it on the letter's page, the second
 * volunteer's approval or rejection (of the version the page showed), the withdrawal of an approved
 * one, its picture (for the volunteers of the letter's region, never kept by a browser or proxy), and
 * the list of those waiting for review or rejected. A refusal is said on the letter's page
 * ({@link LetterRefusals}) with what was typed kept; a chosen picture cannot be, and the page says so.
 */
@Controller
class ThanksController {

	private final ChildThanks thanks;

	private final AccountManagement accounts;

	private final ImageSanitizer images;

	private final Messages messages;

	ThanksController(ChildThanks thanks, AccountManagement accounts, ImageSanitizer images, Messages messages) {
		this.thanks = thanks;
		this.accounts = accounts;
		this.images = images;
		this.messages = messages;
	}

	@PostMapping("/volunteer/letters/{code}/thanks")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String attach(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String note, @RequestParam(required = false) MultipartFile image,
			@RequestParam(defaultValue = "false") boolean checked, RedirectAttributes redirect) {
		LetterRefusals.keep("thanksNote", note);
		LetterRefusals.keep("thanksChecked", checked);
		// a browser sends an empty part with no name when no file was chosen; a named file of no bytes was chosen
		boolean chosen = image != null && image.getOriginalFilename() != null && !image.getOriginalFilename().isBlank();
		if (chosen) {
			LetterRefusals.keep("thanksImageLost", true);
		}
		if (chosen && image.isEmpty()) {
			throw new LetterTransitionException("thanks.error.emptyFile");
		}
		byte[] jpeg;
		try {
			jpeg = image == null || image.isEmpty() ? null : images.reencode(image.getBytes());
		}
		catch (ImageSanitizer.RejectedImage ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.messageKey()));
			redirect.addFlashAttribute("thanksNote", note);
			redirect.addFlashAttribute("thanksChecked", checked);
			redirect.addFlashAttribute("thanksImageLost", true);
			return "redirect:/volunteer/letters/{code}";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		try {
			thanks.attach(code, accounts.regionScope(user), user.id(), note, jpeg, checked);
		}
		catch (ThanksPrivacyRefused refused) {
			LetterRefusals.keep("thanksFindings", refused.findings().stream().map(messages::get).toList());
			throw refused;
		}
		redirect.addFlashAttribute("success", messages.get("thanks.attached"));
		return "redirect:/volunteer/letters/{code}";
	}

	@PostMapping("/volunteer/letters/{code}/thanks/approve")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String approve(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		thanks.approve(code, accounts.regionScope(user), user.id(), version);
		redirect.addFlashAttribute("success", messages.get("thanks.approved"));
		return "redirect:/volunteer/letters/{code}";
	}

	@PostMapping("/volunteer/letters/{code}/thanks/reject")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String reject(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		LetterRefusals.keep("thanksRejectReason", reason);
		thanks.reject(code, accounts.regionScope(user), user.id(), reason, version);
		redirect.addFlashAttribute("success", messages.get("thanks.rejected"));
		return "redirect:/volunteer/letters/{code}";
	}

	@PostMapping("/volunteer/letters/{code}/thanks/withdraw")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String withdraw(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		LetterRefusals.keep("thanksWithdrawReason", reason);
		thanks.withdraw(code, accounts.regionScope(user), user.id(), reason);
		redirect.addFlashAttribute("success", messages.get("thanks.withdrawn"));
		return "redirect:/volunteer/letters/{code}";
	}

	@GetMapping("/volunteer/letters/{code}/thanks.jpg")
	ResponseEntity<byte[]> image(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(thanks.imageForVolunteer(code, accounts.regionScope(user)).orElseThrow(NotFound::new));
	}

	@GetMapping("/volunteer/thanks")
	String waiting(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("waiting", thanks.waiting(accounts.regionScope(user)));
		model.addAttribute("rejected", thanks.rejected(accounts.regionScope(user)));
		model.addAttribute("me", user.id());
		return "volunteer/thanks";
	}

}
