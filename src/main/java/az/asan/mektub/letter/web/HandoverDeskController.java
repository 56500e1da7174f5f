package az.asan.mektub.letter.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.handover.HandoverPoint;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.HandoverDesk;
import az.asan.mektub.system.Formats;
import az.asan.mektub.system.Messages;
import az.asan.mektub.system.NotFound;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handover desk: a gift's tag code (typed, or scanned with the phone's camera) leads to the
 * letter's "gift received" step with the code already filled in; each point has a printable list of
 * the day's expected and received gifts.
 */
@Controller
class HandoverDeskController {

	/** How many days ahead the daily list looks for holds falling due. */
	static final int DUE_SOON_DAYS = 7;

	private final HandoverDesk desk;

	private final AccountManagement accounts;

	private final HandoverPoints handoverPoints;

	private final Messages messages;

	HandoverDeskController(HandoverDesk desk, AccountManagement accounts, HandoverPoints handoverPoints,
			Messages messages) {
		this.desk = desk;
		this.accounts = accounts;
		this.handoverPoints = handoverPoints;
		this.messages = messages;
	}

	@GetMapping("/volunteer/handover")
	String desk(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String tagCode,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// the one page that may open the camera (everywhere else Permissions-Policy says camera=())
		response.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
		RegionScope scope = accounts.regionScope(user);
		if (tagCode != null && !tagCode.isBlank()) {
			Optional<HandoverDesk.Found> found = desk.find(tagCode, scope);
			if (found.isPresent() && found.get().status() == LetterStatus.ADOPTED) {
				redirect.addFlashAttribute("typedTagCode", tagCode.contains("/") ? null : tagCode.strip());
				redirect.addFlashAttribute("success", messages.get("handoverDesk.found"));
				return "redirect:/volunteer/letters/" + found.get().code();
			}
			if (found.isPresent() && found.get().status() == LetterStatus.PUBLISHED) {
				// a tag from the paper tree: a citizen is taking the letter here
				return "redirect:/volunteer/walk-in?code=" + found.get().code();
			}
			if (found.isPresent()) {
				redirect.addFlashAttribute("failure", messages.get("handoverDesk.already." + found.get().status().name()));
				return "redirect:/volunteer/letters/" + found.get().code();
			}
			model.addAttribute("failure", messages.get("handoverDesk.unknown", tagCode.strip()));
		}
		model.addAttribute("tagCode", tagCode == null ? "" : tagCode);
		model.addAttribute("points", handoverPoints.atDesk(scope));
		return "volunteer/handover";
	}

	@GetMapping("/volunteer/handover/{pointId}/daily")
	String daily(@AuthenticationPrincipal SignedInUser user, @PathVariable long pointId, Model model) {
		RegionScope scope = accounts.regionScope(user);
		HandoverPoint point = handoverPoints.byId(pointId).filter(p -> scope.includes(p.regionId()))
			.orElseThrow(NotFound::new);
		LocalDate today = LocalDate.now(Formats.BAKU);
		model.addAttribute("point", point);
		model.addAttribute("today", today);
		LocalDate until = today.plusDays(DUE_SOON_DAYS);
		model.addAttribute("dueSoonDays", DUE_SOON_DAYS);
		model.addAttribute("until", until);
		model.addAttribute("expected", desk.expected(pointId, until, scope));
		model.addAttribute("expectedLater", desk.expectedLater(pointId, until, scope));
		model.addAttribute("received", desk.received(pointId, scope));
		return "volunteer/handover-daily";
	}

}
