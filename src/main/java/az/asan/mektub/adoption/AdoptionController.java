package az.asan.mektub.adoption;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.LetterRefusals;
import az.asan.mektub.letter.query.DonorLetters;
import az.asan.mektub.letter.thanks.ChildThanks;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each of the donor's letters: its page, tag, centre, cancellation, message, the child's thank-you. The list is {@link MyLettersController}'s, the press of "adopt" {@link AdoptionPressController}'s. */
@Controller
class AdoptionController {

	private final AdoptionManagement adoptions;

	private final MyAdoptions mine;

	private final HandoverPoints handoverPoints;

	private final DonorMessages donorMessages;

	private final Messages messages;

	private final DonorLetters donorLetters;

	private final HoldCountdowns countdowns;

	private final ChildThanks childThanks;

	AdoptionController(AdoptionManagement adoptions, MyAdoptions mine, HandoverPoints handoverPoints,
			DonorMessages donorMessages, Messages messages, DonorLetters donorLetters, HoldCountdowns countdowns,
			ChildThanks childThanks) {
		this.childThanks = childThanks;
		this.countdowns = countdowns;
		this.donorLetters = donorLetters;
		this.adoptions = adoptions;
		this.mine = mine;
		this.handoverPoints = handoverPoints;
		this.donorMessages = donorMessages;
		this.messages = messages;
	}

	@GetMapping("/me/adoptions/{code}")
	String show(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model,
			RedirectAttributes redirect, Locale locale) {
		java.util.Optional<MyAdoptions.Adoption> adoption = mine.one(user.id(), code);
		if (adoption.isEmpty()) {
			if (!donorLetters.onceHeldBy(code, user.id())) {
				throw new NotFound();
			}
			// withdrawn by the program while theirs: the list says so and why (the donor was mailed too)
			java.util.Optional<DonorLetters.WithdrawnHold> withdrawn = donorLetters.withdrawnWhileHeldBy(code, user.id());
			if (withdrawn.isPresent()) {
				messages.flash(redirect, "failure", "adoptions.withdrawnByProgram", withdrawn.get().firstName(),
						withdrawn.get().reason());
				return "redirect:/me/adoptions";
			}
			// given back (or released): the list says so rather than "page not found"
			redirect.addFlashAttribute("failure", messages.get("adoptions.noLongerYours"));
			return "redirect:/me/adoptions";
		}
		model.addAttribute("a", adoption.get());
		if (adoption.get().holding() && adoption.get().dueDate() != null) {
			model.addAttribute("left", TimeLeft.until(adoption.get().dueDate(), java.time.Instant.now()));
			model.addAttribute("words", countdowns.words(locale));
		}
		model.addAttribute("points", handoverPoints.accepting());
		model.addAttribute("allPoints", handoverPoints.all());
		// the centres a gift was moved to, named in the reader's language in the history
		Map<Long, String> pointNames = new java.util.HashMap<>();
		handoverPoints.all().forEach(p -> pointNames.put(p.id(), p.name(locale)));
		model.addAttribute("pointNames", pointNames);
		return "adoption/show";
	}

	@GetMapping("/me/adoptions/{code}/tag")
	String tag(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model, Locale locale) {
		MyAdoptions.Adoption a = mine.one(user.id(), code).orElseThrow(NotFound::new);
		model.addAttribute("tag", new GiftTag(a.code(), a.firstName(), a.age(), a.publicWish(), a.giftTagCode(),
				a.dueDate(), handoverPoints.byId(a.handoverPointId()).orElse(null)));
		return "adoption/tag";
	}

	/**
	 * The picture of the child's approved thank-you, for the letter's donor alone: no one else gets it
	 * (not found), and no browser or proxy keeps it.
	 */
	@GetMapping("/me/adoptions/{code}/thanks.jpg")
	org.springframework.http.ResponseEntity<byte[]> thanksImage(@AuthenticationPrincipal SignedInUser user,
			@PathVariable String code) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.IMAGE_JPEG)
			.cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
			.body(childThanks.imageForDonor(code, user.id()).orElseThrow(NotFound::new));
	}

	@PostMapping("/me/adoptions/{code}/handover-point")
	@LetterRefusals.Otherwise("/me/adoptions/{code}")
	String chooseHandoverPoint(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(required = false) Long handoverPointId, RedirectAttributes redirect) {
		adoptions.chooseHandoverPoint(code, user.id(), handoverPointId);
		redirect.addFlashAttribute("success", messages.get("adoption.pointChosen"));
		return "redirect:/me/adoptions/{code}";
	}

	@PostMapping("/me/adoptions/{code}/cancel")
	@LetterRefusals.Otherwise("/me/adoptions")
	String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, RedirectAttributes redirect) {
		try {
			adoptions.cancel(code, user.id());
		}
		catch (NotFound notHeld) {
			if (!donorLetters.onceHeldBy(code, user.id())) {
				throw notHeld;
			}
			// given back already (a page from before, a second press): say so on the list
			redirect.addFlashAttribute("failure", messages.get("adoptions.noLongerYours"));
			return "redirect:/me/adoptions";
		}
		redirect.addFlashAttribute("success", messages.get("adoption.cancelled"));
		return "redirect:/me/adoptions";
	}

	@PostMapping("/me/adoptions/{code}/message")
	@LetterRefusals.Otherwise("/me/adoptions/{code}")
	String writeMessage(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
		LetterRefusals.keep("messageText", text);
		donorMessages.write(code, user.id(), text);
		redirect.addFlashAttribute("success", messages.get("message.saved"));
		return "redirect:/me/adoptions/{code}";
	}

}
