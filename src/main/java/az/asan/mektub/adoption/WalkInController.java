package az.asan.mektub.adoption;

import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;

import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.handover.DeskScope;
import az.asan.mektub.handover.HandoverPoint;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.Letter;
import az.asan.mektub.letter.LetterCodes;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.Letters;
import az.asan.mektub.letter.PaperTree;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Walk-in adoption at a service centre's desk: the volunteer types (or scans) the code of a tag taken
 * off the paper tree, records the citizen's name and phone, and prints a receipt with the gift tag
 * code and the due date. The name and phone are shown on volunteers' pages only.
 */
@Controller
class WalkInController {

	private final AdoptionManagement adoptions;

	private final AccountManagement accounts;

	private final HandoverPoints handoverPoints;

	private final Letters letters;

	private final PaperTree paperTree;

	WalkInController(AdoptionManagement adoptions, AccountManagement accounts, HandoverPoints handoverPoints,
			Letters letters, PaperTree paperTree) {
		this.paperTree = paperTree;
		this.adoptions = adoptions;
		this.accounts = accounts;
		this.handoverPoints = handoverPoints;
		this.letters = letters;
	}

	/** The receipt: the gift tag as the donor takes it away, and who took the letter. */
	record Receipt(GiftTag tag, String donorName, String donorPhone) {
	}

	/** The letter of the tag in the volunteer's hand, shown so the volunteer sees it is the right one. */
	record TagPreview(String firstName, int age, String wish) {
	}

	@GetMapping("/volunteer/walk-in")
	@Transactional(readOnly = true)
	String initWalkInForm(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String code,
			Model model, Locale locale) {
		RegionScope scope = accounts.regionScope(user);
		DeskScope desk = handoverPoints.deskScope(user.id(), scope);
		// a tag from a paper tree: the centre whose tree it hung on is where the citizen stands
		Long hangingAt = code == null || code.isBlank() ? null
				: paperTree.hangingAt(LetterCodes.normaliseCode(code))
					.filter(id -> point(id, desk).isPresent())
					.orElse(null);
		WalkInForm form = WalkInForm.forCode(code);
		model.addAttribute("walkInForm", new WalkInForm(form.code(), "", "", hangingAt));
		model.addAttribute("hangsHere", hangingAt != null);
		return form(scope, desk, form.code(), model, locale);
	}

	@PostMapping("/volunteer/walk-in")
	String processWalkInForm(@AuthenticationPrincipal SignedInUser user, @Valid WalkInForm walkInForm,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		RegionScope scope = accounts.regionScope(user);
		DeskScope desk = handoverPoints.deskScope(user.id(), scope);
		if (walkInForm.handoverPointId() != null && point(walkInForm.handoverPointId(), desk).isEmpty()) {
			Forms.reject(result, "handoverPointId", "paperTree.point.notYours");
		}
		if (result.hasErrors()) {
			return form(scope, desk, walkInForm.code(), model, locale);
		}
		try {
			AdoptionManagement.Adopted adopted = adoptions.adoptWalkIn(walkInForm.code(), scope, user.id(),
					walkInForm.handoverPointId(), walkInForm.donorName(), walkInForm.donorPhone());
			redirect.addAttribute("code", adopted.code());
			return "redirect:/volunteer/walk-in/{code}/receipt";
		}
		catch (AdoptionRefused refused) {
			result.reject("walkIn.refused." + refused.reason().name(), refused.args(), null);
			return form(scope, desk, walkInForm.code(), model, locale);
		}
	}

	@GetMapping("/volunteer/walk-in/{code}/receipt")
	@Transactional(readOnly = true)
	String receipt(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model) {
		RegionScope scope = accounts.regionScope(user);
		Letter letter = letters.findByCode(code)
			.filter(l -> l.isWalkIn() && scope.includes(l.getRegionId()))
			.filter(l -> l.getStatus() == LetterStatus.ADOPTED || l.getStatus() == LetterStatus.GIFT_RECEIVED)
			.orElseThrow(NotFound::new);
		GiftTag tag = new GiftTag(letter.getCode(), letter.getFirstName(), letter.getAge(), letter.getPublicWish(),
				letter.getGiftTagCode(), letter.getDueDate(), handoverPoints.byId(letter.getHandoverPointId()).orElse(null));
		model.addAttribute("receipt", new Receipt(tag, letter.getWalkInName(), letter.getWalkInPhone()));
		return "adoption/walk-in-receipt";
	}

	/**
	 * The centres offered: those of the person's desk — the centres they work at and those of their
	 * regions (staff: every centre taking gifts). The letter itself stays one of their regions.
	 */
	private String form(RegionScope scope, DeskScope desk, String code, Model model, Locale locale) {
		model.addAttribute("pointOptions", handoverPoints.atDesk(desk).stream()
			.map(p -> new Option(String.valueOf(p.id()), p.name(locale)))
			.toList());
		model.addAttribute("preview", code == null || code.isBlank() ? null
				: letters.findByCode(LetterCodes.normaliseCode(code))
					.filter(l -> l.getStatus() == LetterStatus.PUBLISHED && scope.includes(l.getRegionId()))
					.map(l -> new TagPreview(l.getFirstName(), l.getAge(), l.getPublicWish()))
					.orElse(null));
		return "adoption/walk-in";
	}

	private Optional<HandoverPoint> point(long id, DeskScope desk) {
		return handoverPoints.byId(id)
			.filter(p -> p.accepting() && (desk.worksAt(p.id()) || desk.regions().includes(p.regionId())));
	}

}
