package az.asan.mektub.letter.thanks;

import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.LetterPageSection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The child's thank-you on the volunteer's page of a fulfilled letter: the form to attach it, or the
 * one attached with its review. Whether the reader attached it themselves decides whether they may
 * approve it (four eyes).
 */
@Component
class ThanksOnLetterPage implements LetterPageSection {

	private final ChildThanks thanks;

	ThanksOnLetterPage(ChildThanks thanks) {
		this.thanks = thanks;
	}

	@Override
	public void addTo(long letterId, Model model) {
		ChildThanks.Thanks found = thanks.of(letterId).orElse(null);
		model.addAttribute("thanks", found);
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		long reader = auth != null && auth.getPrincipal() instanceof SignedInUser user ? user.id() : -1;
		model.addAttribute("thanksMine", found != null && found.attachedBy() == reader);
		model.addAttribute("thanksMaxNote", ChildThanks.MAX_NOTE);
	}

}
