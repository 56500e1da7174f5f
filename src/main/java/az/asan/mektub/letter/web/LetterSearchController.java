package az.asan.mektub.letter.web;

import java.util.Locale;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.VolunteerLetterSearch;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.Pager;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A volunteer's letters: the list of their regions' letters and its search. */
@Controller
class LetterSearchController {

	private final VolunteerLetterSearch search;

	private final AccountManagement accounts;

	private final CampaignOptions campaignOptions;

	private final RegionOptions regionOptions;

	private final Messages messages;

	LetterSearchController(VolunteerLetterSearch search, AccountManagement accounts, CampaignOptions campaignOptions,
			RegionOptions regionOptions, Messages messages) {
		this.search = search;
		this.accounts = accounts;
		this.campaignOptions = campaignOptions;
		this.regionOptions = regionOptions;
		this.messages = messages;
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

}
