package az.asan.mektub.adoption;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A volunteer of the letter's region approves or rejects a donor's message, from the letter's page;
 * the answer goes back to that page.
 */
@Controller
class DonorMessageReviewController {

	private final DonorMessages donorMessages;

	private final AccountManagement accounts;

	private final Messages messages;

	DonorMessageReviewController(DonorMessages donorMessages, AccountManagement accounts, Messages messages) {
		this.donorMessages = donorMessages;
		this.accounts = accounts;
		this.messages = messages;
	}

	@PostMapping("/volunteer/letters/{code}/messages/{id}")
	String reviewMessage(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean approve, RedirectAttributes redirect) {
		donorMessages.review(id, accounts.regionScope(user), user.id(), approve);
		redirect.addFlashAttribute("success", messages.get(approve ? "message.approved" : "message.rejected"));
		return "redirect:/volunteer/letters/{code}";
	}

}
