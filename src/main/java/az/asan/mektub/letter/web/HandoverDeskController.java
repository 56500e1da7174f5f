package az.asan.mektub.letter.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.handover.DeskScope;
import az.asan.mektub.handover.HandoverPoint;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.LetterManagement;
import az.asan.mektub.letter.LetterRefusals;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.HandoverDesk;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.security.GuessThrottle;
import az.asan.mektub.platform.security.LoginThrottle;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handover desk of the ASAN service centres a volunteer works at (issue 22): a gift's tag code
 * (typed, or scanned with the phone's camera) leads to the gift's "received" step with the code already
 * filled in — the letter's own page for a child of the volunteer's regions, the desk's page (no private
 * data of the child) for a gift a donor brought to their centre from any other region; each centre has a
 * printable list of the day's expected and received gifts. Wrong codes are paced per person (issue 25).
 */
@Controller
class HandoverDeskController {

	/** How many days ahead the daily list looks for holds falling due. */
	static final int DUE_SOON_DAYS = 7;

	/** What {@link GuessThrottle} counts here. */
	static final String TAG_GUESS = "gift-tag";

	private final HandoverDesk desk;

	private final AccountManagement accounts;

	private final HandoverPoints handoverPoints;

	private final LetterManagement letters;

	private final GuessThrottle throttle;

	private final Messages messages;

	private final TagGuesses tagGuesses;

	HandoverDeskController(HandoverDesk desk, AccountManagement accounts, HandoverPoints handoverPoints,
			LetterManagement letters, GuessThrottle throttle, Messages messages, TagGuesses tagGuesses) {
		this.tagGuesses = tagGuesses;
		this.desk = desk;
		this.accounts = accounts;
		this.handoverPoints = handoverPoints;
		this.letters = letters;
		this.throttle = throttle;
		this.messages = messages;
	}

	@GetMapping("/volunteer/handover")
	String desk(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String tagCode,
			Model model, RedirectAttributes redirect, HttpServletResponse response, jakarta.servlet.http.HttpSession session) {
		// the one page that may open the camera (everywhere else Permissions-Policy says camera=())
		response.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
		DeskScope scope = deskScope(user);
		if (tagCode != null && !tagCode.isBlank()) {
			LoginThrottle.Verdict verdict = throttle.check(TAG_GUESS, user.id());
			if (!verdict.allowed()) {
				// nothing is looked up while the person must wait: a guess now tells nothing
				model.addAttribute("failure", verdict.locked()
						? messages.get("handoverDesk.locked", Math.max(1, (verdict.waitSeconds() + 59) / 60))
						: messages.get("handoverDesk.wait", verdict.waitSeconds()));
				return deskPage(model, tagCode, scope);
			}
			Optional<HandoverDesk.Found> found = desk.find(tagCode, scope);
			if (found.isPresent()) {
				if (found.get().unplaced()) {
					ShownTags.remember(session, found.get().code());
				}
				return found(found.get(), tagCode, redirect);
			}
			throttle.failed(TAG_GUESS, user.id());
			model.addAttribute("failure", messages.get("handoverDesk.unknown", tagCode.strip()));
		}
		return deskPage(model, tagCode, scope);
	}

	private String found(HandoverDesk.Found found, String tagCode, RedirectAttributes redirect) {
		redirect.addAttribute("code", found.code());
		String page = found.inRegions() ? "redirect:/volunteer/letters/{code}"
				: "redirect:/volunteer/handover/gifts/{code}";
		if (found.status() == LetterStatus.ADOPTED) {
			redirect.addFlashAttribute("typedTagCode", tagCode.contains("/") ? null : tagCode.strip());
			redirect.addFlashAttribute("success", messages.get("handoverDesk.found"));
			return page;
		}
		if (found.status() == LetterStatus.PUBLISHED) {
			// a tag from the paper tree: a citizen is taking the letter here
			return "redirect:/volunteer/walk-in?code={code}";
		}
		redirect.addFlashAttribute("failure", messages.get("handoverDesk.already." + found.status().name()));
		return page;
	}

	private String deskPage(Model model, String tagCode, DeskScope scope) {
		model.addAttribute("tagCode", tagCode == null ? "" : tagCode);
		model.addAttribute("points", handoverPoints.atDesk(scope));
		// a centre covered only because it is in one of the person's regions says so: its daily list then
		// holds the gifts of their regions' children only
		model.addAttribute("deskScope", scope);
		return "volunteer/handover";
	}

	/**
	 * A gift at one of the person's centres: what handing it in needs (code, first name, wish, donor),
	 * its "received" step, and moving it to another centre when the donor brings it elsewhere.
	 */
	@GetMapping("/volunteer/handover/gifts/{code}")
	String gift(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model, Locale locale,
			jakarta.servlet.http.HttpSession session) {
		DeskScope scope = deskScope(user);
		HandoverDesk.Gift gift = desk.gift(code, scope, ShownTags.of(session).contains(code)).orElseThrow(NotFound::new);
		model.addAttribute("gift", gift);
		model.addAttribute("point", handoverPoints.byId(gift.handoverPointId()).orElse(null));
		model.addAttribute("deskOptions", handoverPoints.atDesk(scope)
			.stream()
			.map(p -> new Option(String.valueOf(p.id()), p.name(locale)))
			.toList());
		model.addAttribute("moveOptions", handoverPoints.accepting()
			.stream()
			.filter(p -> gift.handoverPointId() == null || p.id() != gift.handoverPointId())
			.map(p -> new Option(String.valueOf(p.id()), p.name(locale)))
			.toList());
		if (!model.containsAttribute("typedTagCode")) {
			model.addAttribute("typedTagCode", "");
		}
		if (!model.containsAttribute("moveNote")) {
			model.addAttribute("moveNote", "");
		}
		return "volunteer/handover-gift";
	}

	@PostMapping("/volunteer/handover/gifts/{code}/received")
	@LetterRefusals.Otherwise("/volunteer/handover/gifts/{code}")
	String receive(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String tagCode, @RequestParam(required = false) Long handoverPointId,
			RedirectAttributes redirect) {
		LetterRefusals.keep("typedTagCode", tagCode);
		// the centre chosen comes back with the code typed, whatever refused the step
		if (handoverPointId != null) {
			LetterRefusals.keep("typedHandoverPointId", handoverPointId);
			redirect.addFlashAttribute("typedHandoverPointId", handoverPointId);
		}
		Optional<String> wait = tagGuesses.mustWait(user.id());
		if (wait.isPresent()) {
			// nothing is checked while the person must wait, as at the desk's search
			redirect.addFlashAttribute("failure", wait.get());
			redirect.addFlashAttribute("typedTagCode", tagCode);
			return "redirect:/volunteer/handover/gifts/{code}";
		}
		try {
			tagGuesses.check(user.id(),
					() -> letters.receiveGiftAtDesk(code, deskScope(user), user.id(), tagCode, handoverPointId));
			redirect.addFlashAttribute("success", messages.get("letter.giftReceived"));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", messages.get("letter.error.concurrent"));
			redirect.addFlashAttribute("typedTagCode", tagCode);
		}
		return "redirect:/volunteer/handover/gifts/{code}";
	}

	@PostMapping("/volunteer/handover/gifts/{code}/move")
	@LetterRefusals.Otherwise("/volunteer/handover/gifts/{code}")
	String move(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(required = false) Long handoverPointId, @RequestParam(defaultValue = "") String note,
			Locale locale, RedirectAttributes redirect) {
		LetterRefusals.keep("moveNote", note);
		DeskScope scope = deskScope(user);
		try {
			letters.moveToHandoverPoint(code, scope, user.id(), handoverPointId, note);
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", messages.get("letter.error.concurrent"));
			redirect.addFlashAttribute("moveNote", note);
			return "redirect:/volunteer/handover/gifts/{code}";
		}
		redirect.addFlashAttribute("success", messages.get("handoverDesk.moved",
				handoverPoints.byId(handoverPointId).map(p -> p.name(locale)).orElse("")));
		// moved away from the person's centres and regions, the gift is no longer at their desk
		return desk.gift(code, scope).isPresent() ? "redirect:/volunteer/handover/gifts/{code}"
				: "redirect:/volunteer/handover";
	}

	@GetMapping("/volunteer/handover/{pointId}/daily")
	String daily(@AuthenticationPrincipal SignedInUser user, @PathVariable long pointId, Model model) {
		DeskScope scope = deskScope(user);
		HandoverPoint point = handoverPoints.byId(pointId)
			.filter(p -> scope.worksAt(p.id()) || scope.regions().includes(p.regionId()))
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

	private DeskScope deskScope(SignedInUser user) {
		return handoverPoints.deskScope(user.id(), accounts.regionScope(user));
	}

}
