package az.asan.mektub.letter.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.letter.CareSetting;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.LetterForm;
import az.asan.mektub.letter.LetterManagement;
import az.asan.mektub.letter.query.LetterDetails;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.letter.ImageSanitizer;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.letter.PendingUploads;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.stereotype.Component;

/**
 * The registration and correction form of a letter: everything it is checked for beyond its own
 * annotations, the scan kept between submits, and what the form page offers.
 */
@Component
class LetterFormPages {

	private final LetterManagement letters;

	private final CampaignOptions campaignOptions;

	private final RegionOptions regionOptions;

	private final ImageSanitizer images;

	private final PendingUploads uploads;

	private final Messages messages;

	private final Validator validator;

	LetterFormPages(LetterManagement letters, CampaignOptions campaignOptions, RegionOptions regionOptions,
			ImageSanitizer images, PendingUploads uploads, Messages messages, Validator validator) {
		this.letters = letters;
		this.campaignOptions = campaignOptions;
		this.regionOptions = regionOptions;
		this.images = images;
		this.uploads = uploads;
		this.messages = messages;
		this.validator = validator;
	}

	/** A correction is validated whole only now: the form sends no campaign, so the record as bound lacks it. */
	void validateAll(LetterForm form, BindingResult result) {
		Forms.validateAll(validator, form, result);
	}

	/** The scan kept for this form is done with (the letter has it now). */
	void discardScan(LetterForm form) {
		uploads.discard(form.scanToken());
	}

	/**
	 * Everything a registration or correction is checked for beyond the form's own annotations: the
	 * rest of the validation when a value failed to convert, the scan, the campaign, region and age,
	 * and possible duplicates (which need an explicit confirmation). With errors, the page gets back
	 * what was typed, the kept scan and the duplicates found.
	 */
	LetterForm checked(LetterForm form, MultipartFile scan, SignedInUser user, RegionScope scope,
			String exceptCode, BindingResult result, Model model) {
		Forms.validateRest(validator, form, result);
		LetterForm kept = keepScan(form, scan, user, result);
		org.springframework.validation.Errors checks = Forms.checksOf(kept, result);
		List<LetterManagement.Duplicate> duplicates = letters.check(kept, scope, checks, exceptCode);
		Forms.join(checks, result);
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

	byte[] keptScan(LetterForm form, SignedInUser user) {
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

	String registrationPage(Model model, SignedInUser user, RegionScope scope, Locale locale,
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
