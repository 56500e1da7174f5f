package az.asan.mektub.letter.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.letter.LetterForm;
import az.asan.mektub.letter.LetterManagement;
import az.asan.mektub.letter.LetterRefusals;
import az.asan.mektub.letter.query.LetterDetails;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A volunteer's work on single letters: registration, the private page with its history, and
 * corrections. The steps of the letter's life are {@link LetterStepsController}'s, the list
 * {@link LetterSearchController}'s.
 */
@Controller
class VolunteerLetterController {

	private final LetterManagement letters;

	private final AccountManagement accounts;

	private final Campaigns campaigns;

	private final RegionOptions regionOptions;

	private final Messages messages;

	private final LetterFormPages forms;

	private final LetterPageParts parts;

	VolunteerLetterController(LetterManagement letters, AccountManagement accounts, Campaigns campaigns,
			RegionOptions regionOptions, Messages messages, LetterFormPages forms, LetterPageParts parts) {
		this.letters = letters;
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.regionOptions = regionOptions;
		this.messages = messages;
		this.forms = forms;
		this.parts = parts;
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
		return forms.registrationPage(model, user, scope, locale, null);
	}

	@PostMapping("/volunteer/letters/new")
	String processRegistrationForm(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("letterForm") LetterForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile scan, Model model, Locale locale,
			RedirectAttributes redirect) {
		RegionScope scope = accounts.regionScope(user);
		form = forms.checked(form, scan, user, scope, null, result, model);
		if (result.hasErrors()) {
			return forms.registrationPage(model, user, scope, locale, null);
		}
		String code = letters.register(form, user.id(), forms.keptScan(form, user));
		forms.discardScan(form);
		redirect.addFlashAttribute("success", messages.get("letter.registered", code));
		redirect.addAttribute("code", code);
		return "redirect:/volunteer/letters/{code}";
	}

	@GetMapping("/volunteer/letters/{code}")
	String show(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model, Locale locale) {
		LetterDetails letter = letters.details(code, accounts.regionScope(user), locale).orElseThrow(NotFound::new);
		model.addAttribute("letter", letter);
		parts.addTo(letter, accounts.regionScope(user), model, locale);
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
		return forms.registrationPage(model, user, scope, locale, letter);
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
		forms.validateAll(form, result);
		form = forms.checked(form, scan, user, scope, code, result, model);
		if (result.hasErrors()) {
			return forms.registrationPage(model, user, scope, locale, letter);
		}
		letters.amend(code, scope, form, user.id(), forms.keptScan(form, user));
		forms.discardScan(form);
		redirect.addFlashAttribute("success", messages.get("letter.amended"));
		return "redirect:/volunteer/letters/{code}";
	}

}
