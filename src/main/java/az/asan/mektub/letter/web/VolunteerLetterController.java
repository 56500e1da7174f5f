package az.asan.mektub.letter.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.CareSetting;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.IncompleteReason;
import az.asan.mektub.letter.LetterForm;
import az.asan.mektub.letter.LetterImages;
import az.asan.mektub.letter.LetterManagement;
import az.asan.mektub.letter.LetterPageSection;
import az.asan.mektub.letter.LetterRefusals;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.WithdrawReason;
import az.asan.mektub.letter.privacy.PrivacyWarning;
import az.asan.mektub.letter.query.LetterDetails;
import az.asan.mektub.letter.query.VolunteerLetterSearch;
import az.asan.mektub.letter.query.WalkInDonors;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.letter.ImageSanitizer;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.i18n.Option;
import az.asan.mektub.platform.web.Pager;
import az.asan.mektub.letter.PendingUploads;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A volunteer's work on single letters: the list and search, registration, the private page with
 * its history, and each step of the letter's life. Every step is a plain form post that answers
 * with a redirect and a message; a refused step changes nothing and says why.
 */
@Controller
class VolunteerLetterController {

	private final LetterManagement letters;

	private final VolunteerLetterSearch search;

	private final AccountManagement accounts;

	private final Campaigns campaigns;

	private final CampaignOptions campaignOptions;

	private final HandoverPoints handoverPoints;

	private final RegionOptions regionOptions;

	private final ImageSanitizer images;

	private final PendingUploads uploads;

	private final Messages messages;

	private final Validator validator;

	private final ObjectProvider<LetterPageSection> pageSections;

	private final AuditLog auditLog;

	private final WalkInDonors walkInDonors;

	private final TagGuesses tagGuesses;

	VolunteerLetterController(AuditLog auditLog, LetterManagement letters, VolunteerLetterSearch search, AccountManagement accounts,
			Campaigns campaigns, CampaignOptions campaignOptions, HandoverPoints handoverPoints, RegionOptions regionOptions, ImageSanitizer images,
			PendingUploads uploads, Messages messages, Validator validator, ObjectProvider<LetterPageSection> pageSections,
			WalkInDonors walkInDonors, TagGuesses tagGuesses) {
		this.tagGuesses = tagGuesses;
		this.auditLog = auditLog;
		this.walkInDonors = walkInDonors;
		this.letters = letters;
		this.search = search;
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.campaignOptions = campaignOptions;
		this.handoverPoints = handoverPoints;
		this.regionOptions = regionOptions;
		this.images = images;
		this.uploads = uploads;
		this.messages = messages;
		this.validator = validator;
		this.pageSections = pageSections;
	}

	@GetMapping("/volunteer/letters")
	String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) LetterStatus status,
			@RequestParam(required = false) Integer region, @RequestParam(required = false) Long campaign,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model,
			Locale locale) {
		RegionScope scope = accounts.regionScope(user);
		VolunteerLetterSearch.Criteria criteria = new VolunteerLetterSearch.Criteria(status, region, campaign, q, page);
		VolunteerLetterSearch.Page result = search.search(criteria, scope, locale);
		model.addAttribute("criteria", criteria);
		model.addAttribute("result", result);
		model.addAttribute("pager", Pager.of(result.page(), result.total(), VolunteerLetterSearch.PAGE_SIZE));
		model.addAttribute("statusOptions", messages.options("status.", LetterStatus.values()));
		model.addAttribute("regionOptions", regionOptions.where(r -> r.acceptsLetters() && scope.includes(r.id())));
		model.addAttribute("campaignOptions", campaignOptions.all(locale));
		return "volunteer/letters";
	}

	@GetMapping("/volunteer/letters/new")
	String initRegistrationForm(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
		RegionScope scope = accounts.regionScope(user);
		// The campaign running now is the usual choice (never one opened early while one runs); a
		// volunteer with one region has no choice to make.
		Long running = Campaign.running(campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.OPEN),
				LocalDate.now(Formats.BAKU))
			.map(c -> c.getId())
			.orElse(null);
		List<Option> regions = regionOptions.where(r -> r.acceptsLetters() && scope.includes(r.id()));
		model.addAttribute("letterForm",
				LetterForm.empty(running, regions.size() == 1 ? Integer.valueOf(regions.get(0).value()) : null));
		return registrationPage(model, user, scope, locale, null);
	}

	@PostMapping("/volunteer/letters/new")
	String processRegistrationForm(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("letterForm") LetterForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile scan, Model model, Locale locale,
			RedirectAttributes redirect) {
		RegionScope scope = accounts.regionScope(user);
		form = checked(form, scan, user, scope, null, result, model);
		if (result.hasErrors()) {
			return registrationPage(model, user, scope, locale, null);
		}
		String code = letters.register(form, user.id(), keptScan(form, user));
		uploads.discard(form.scanToken());
		redirect.addFlashAttribute("success", messages.get("letter.registered", code));
		redirect.addAttribute("code", code);
		return "redirect:/volunteer/letters/{code}";
	}

	@GetMapping("/volunteer/letters/{code}")
	String show(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model, Locale locale) {
		LetterDetails letter = letters.details(code, accounts.regionScope(user), locale).orElseThrow(NotFound::new);
		model.addAttribute("letter", letter);
		model.addAttribute("regionName", regionOptions.name(letter.regionId()));
		model.addAttribute("handoverPoint", handoverPoints.byId(letter.handoverPointId()).orElse(null));
		// the centres of the volunteer's regions, as the walk-in form offers, and the one the donor chose
		RegionScope deskScope = accounts.regionScope(user);
		model.addAttribute("handoverOptions", handoverPoints.all()
			.stream()
			.filter(p -> (p.accepting() && deskScope.includes(p.regionId()))
					|| p.id() == (letter.handoverPointId() == null ? -1 : letter.handoverPointId()))
			.map(p -> new Option(String.valueOf(p.id()), p.name(locale)))
			.toList());
		model.addAttribute("incompleteOptions", messages.options("incompleteReason.", IncompleteReason.values()));
		model.addAttribute("withdrawOptions", messages.options("withdrawReason.", WithdrawReason.values()));
		model.addAttribute("today", LocalDate.now(Formats.BAKU));
		// what other modules show on the page (adoption: the donor's messages to the child)
		pageSections.orderedStream().forEach(section -> section.addTo(letter.id(), model));
		// taken off a centre's paper tree: the walk-in donor, seen here by volunteers and staff only
		WalkInDonors.WalkIn walkIn = walkInDonors.of(letter.id()).orElse(null);
		model.addAttribute("walkIn", walkIn);
		model.addAttribute("walkInPoint", walkIn == null ? null : handoverPoints.byId(walkIn.pointId()).orElse(null));
		if (!model.containsAttribute("publishText")) {
			model.addAttribute("publishText", letter.publicWish());
		}
		return "volunteer/letter";
	}

	@GetMapping("/volunteer/letters/{code}/edit")
	String initAmendForm(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model,
			Locale locale) {
		RegionScope scope = accounts.regionScope(user);
		LetterDetails letter = letters.details(code, scope, locale).orElseThrow(NotFound::new);
		model.addAttribute("letterForm", LetterForm.of(letter));
		return registrationPage(model, user, scope, locale, letter);
	}

	@PostMapping("/volunteer/letters/{code}/edit")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String processAmendForm(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@ModelAttribute("letterForm") LetterForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile scan, Model model, Locale locale,
			RedirectAttributes redirect) {
		RegionScope scope = accounts.regionScope(user);
		LetterDetails letter = letters.details(code, scope, locale).orElseThrow(NotFound::new);
		// The campaign of a registered letter does not change; only what was typed about it.
		form = new LetterForm(letter.campaignId(), form.firstName(), form.surname(), form.birthDate(), form.gender(),
				form.regionId(), form.careSetting(), form.contact(), form.originalWish(), form.publicWish(),
				form.category(), form.sizes(), form.estimatedCost(), form.scanShareable(), form.scanToken(),
				form.confirmDuplicate());
		// Validated only now: the correction form sends no campaign, so the record as bound lacks it.
		Forms.validateAll(validator, form, result);
		form = checked(form, scan, user, scope, code, result, model);
		if (result.hasErrors()) {
			return registrationPage(model, user, scope, locale, letter);
		}
		letters.amend(code, scope, form, user.id(), keptScan(form, user));
		uploads.discard(form.scanToken());
		redirect.addFlashAttribute("success", messages.get("letter.amended"));
		return "redirect:/volunteer/letters/{code}";
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
		return step(code, redirect, "letter.markedIncomplete",
				() -> letters.markIncomplete(code, accounts.regionScope(user), user.id(), reason, note),
				Map.of("incompleteNote", note));
	}

	@PostMapping("/volunteer/letters/{code}/gift-received")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String receiveGift(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String tagCode, @RequestParam(required = false) Long handoverPointId,
			RedirectAttributes redirect) {
		Optional<String> wait = tagGuesses.mustWait(user.id());
		if (wait.isPresent()) {
			// wrong tag codes are paced as at the desk: nothing is checked while the person must wait
			redirect.addFlashAttribute("failure", wait.get());
			redirect.addFlashAttribute("typedTagCode", tagCode);
			return "redirect:/volunteer/letters/{code}";
		}
		return step(code, redirect, "letter.giftReceived", () -> tagGuesses.check(user.id(),
				() -> letters.receiveGift(code, accounts.regionScope(user), user.id(), tagCode, handoverPointId)),
				Map.of("typedTagCode", tagCode));
	}

	@PostMapping("/volunteer/letters/{code}/fulfilled")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String fulfil(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(required = false) LocalDate handedOn, @RequestParam(defaultValue = "") String note,
			@RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) {
		byte[] photoBytes;
		try {
			photoBytes = photo == null || photo.isEmpty() ? null : images.reencode(photo.getBytes());
		}
		catch (ImageSanitizer.RejectedImage ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.messageKey()));
			redirect.addFlashAttribute("fulfilNote", note);
			return "redirect:/volunteer/letters/{code}";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return step(code, redirect, "letter.fulfilled",
				() -> letters.fulfil(code, accounts.regionScope(user), user.id(), handedOn, note, photoBytes),
				Map.of("fulfilNote", note));
	}

	@PostMapping("/volunteer/letters/{code}/withdraw")
	@LetterRefusals.Otherwise("/volunteer/letters/{code}")
	String withdraw(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(required = false) WithdrawReason reason, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		return step(code, redirect, "letter.withdrawn", () -> {
			letters.withdraw(code, accounts.regionScope(user), user.id(), reason, note);
			// a volunteer's step is in the letter's history; staff withdrawing a letter is a staff change too
			if (user.role() == Role.STAFF || user.role() == Role.ADMIN) {
				auditLog.record(user.id(), AuditLog.Kind.LETTER, "LETTER_WITHDRAWN", null, code + " " + reason, code,
						new AuditLog.Key("withdrawReason." + reason));
			}
		}, Map.of("withdrawNote", note));
	}

	/** A tag for a letter on the tree, to hang on the physical tree of a service centre. */
	@GetMapping("/volunteer/letters/{code}/tag")
	String treeTag(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model, Locale locale) {
		LetterDetails letter = letters.details(code, accounts.regionScope(user), locale)
			.filter(l -> l.status() == LetterStatus.PUBLISHED)
			.orElseThrow(NotFound::new);
		model.addAttribute("tag", new TreeTag(letter.code(), letter.firstName(), letter.age(), letter.publicWish()));
		return "volunteer/tag";
	}

	/** What a tag on the physical tree says: no tag code, no due date, only the way to the letter. */
	record TreeTag(String code, String firstName, int age, String wish) {
	}

	@GetMapping("/volunteer/letters/{code}/scan.jpg")
	ResponseEntity<byte[]> scan(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
		return image(letters.image(code, accounts.regionScope(user), LetterImages.Kind.SCAN).orElseThrow(NotFound::new));
	}

	@GetMapping("/volunteer/letters/{code}/photo.jpg")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
		return image(letters.image(code, accounts.regionScope(user), LetterImages.Kind.GIFT_PHOTO)
			.orElseThrow(NotFound::new));
	}

	private static ResponseEntity<byte[]> image(byte[] jpeg) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(jpeg);
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

	/**
	 * Everything a registration or correction is checked for beyond the form's own annotations: the
	 * rest of the validation when a value failed to convert, the scan, the campaign, region and age,
	 * and possible duplicates (which need an explicit confirmation). With errors, the page gets back
	 * what was typed, the kept scan and the duplicates found.
	 */
	private LetterForm checked(LetterForm form, MultipartFile scan, SignedInUser user, RegionScope scope,
			String exceptCode, BindingResult result, Model model) {
		Forms.validateRest(validator, form, result);
		LetterForm kept = keepScan(form, scan, user, result);
		List<LetterManagement.Duplicate> duplicates = letters.check(kept, scope, result, exceptCode);
		if (!duplicates.isEmpty() && !kept.duplicateConfirmed()) {
			result.reject("letter.duplicate.found");
		}
		if (result.hasErrors()) {
			Forms.redisplay(model, "letterForm", kept, result);
			model.addAttribute("scanToken", kept.scanToken());
			model.addAttribute("duplicates", duplicates);
		}
		return kept;
	}

	private byte[] keptScan(LetterForm form, SignedInUser user) {
		return uploads.find(form.scanToken(), user.id()).map(PendingUploads.Upload::bytes).orElse(null);
	}

	/** Re-encodes a newly chosen scan and keeps it for the next submit; a bad file is an error beside its field. */
	private LetterForm keepScan(LetterForm form, MultipartFile scan, SignedInUser user, BindingResult result) {
		if (scan == null || scan.isEmpty()) {
			return form;
		}
		try {
			byte[] clean = images.reencode(scan.getBytes());
			uploads.discard(form.scanToken());
			return form.withScanToken(uploads.keep(user.id(), scan.getOriginalFilename(), clean));
		}
		catch (ImageSanitizer.RejectedImage ex) {
			result.rejectValue("scanToken", ex.messageKey());
			return form;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String registrationPage(Model model, SignedInUser user, RegionScope scope, Locale locale,
			LetterDetails existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("campaignOptions", campaignOptions.takingLetters(locale));
		model.addAttribute("regionOptions", regionOptions.where(r -> r.acceptsLetters() && scope.includes(r.id())));
		model.addAttribute("genderOptions", messages.options("gender.", Gender.values()));
		model.addAttribute("careOptions", messages.options("careSetting.", CareSetting.values()));
		model.addAttribute("categoryOptions", messages.options("category.", Category.values()));
		if (!model.containsAttribute("scanToken")) {
			model.addAttribute("scanToken", null);
		}
		String token = (String) model.getAttribute("scanToken");
		model.addAttribute("keptScan", uploads.fileName(token, user.id()).orElse(null));
		if (!model.containsAttribute("duplicates")) {
			model.addAttribute("duplicates", List.of());
		}
		return "volunteer/letter-form";
	}

}
