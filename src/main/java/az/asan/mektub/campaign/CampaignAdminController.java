package az.asan.mektub.campaign;

import jakarta.validation.Valid;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.system.Forms;
import az.asan.mektub.system.Messages;
import az.asan.mektub.system.NotFound;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff manage campaigns: create, change, open, close. */
@Controller
class CampaignAdminController {

	private final Campaigns campaigns;

	private final CampaignManagement management;

	private final Messages messages;

	private final Validator validator;

	private final AuditLog auditLog;

	CampaignAdminController(Campaigns campaigns, CampaignManagement management, Messages messages,
			Validator validator, AuditLog auditLog) {
		this.auditLog = auditLog;
		this.campaigns = campaigns;
		this.management = management;
		this.messages = messages;
		this.validator = validator;
	}

	@GetMapping("/admin/campaigns")
	String list(Model model) {
		model.addAttribute("campaigns", campaigns.findAllByOrderByStartsOnDesc());
		return "admin/campaigns";
	}

	@GetMapping("/admin/campaigns/new")
	String initCreationForm(Model model) {
		model.addAttribute("campaignForm", CampaignForm.empty());
		return form(model, null);
	}

	@PostMapping("/admin/campaigns/new")
	String processCreationForm(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Forms.validateRest(validator, form, result);
		management.check(form, null, result);
		if (result.hasErrors()) {
			Forms.redisplay(model, "campaignForm", form, result);
			return form(model, null);
		}
		Campaign created = management.create(form);
		audit(user, "CAMPAIGN_CREATED", created);
		redirect.addFlashAttribute("success", messages.get("campaign.saved"));
		return "redirect:/admin/campaigns";
	}

	@GetMapping("/admin/campaigns/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		Campaign campaign = campaigns.findById(id).orElseThrow(NotFound::new);
		model.addAttribute("campaignForm", CampaignForm.of(campaign));
		return form(model, campaign);
	}

	@PostMapping("/admin/campaigns/{id}/edit")
	String processUpdateForm(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Campaign campaign = campaigns.findById(id).orElseThrow(NotFound::new);
		Forms.validateRest(validator, form, result);
		management.check(form, id, result);
		if (result.hasErrors()) {
			Forms.redisplay(model, "campaignForm", form, result);
			return form(model, campaign);
		}
		try {
			management.update(id, form);
			audit(user, "CAMPAIGN_EDITED", campaigns.findById(id).orElseThrow());
			redirect.addFlashAttribute("success", messages.get("campaign.saved"));
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.getMessage()));
		}
		return "redirect:/admin/campaigns";
	}

	@PostMapping("/admin/campaigns/{id}/open")
	String open(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		return step(redirect, "campaign.opened", () -> {
			management.open(id);
			audit(user, "CAMPAIGN_OPENED", campaigns.findById(id).orElseThrow());
		});
	}

	@PostMapping("/admin/campaigns/{id}/close")
	String close(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		return step(redirect, "campaign.closedNow", () -> {
			management.close(id);
			audit(user, "CAMPAIGN_CLOSED", campaigns.findById(id).orElseThrow());
		});
	}

	private void audit(SignedInUser user, String action, Campaign campaign) {
		auditLog.record(user.id(), AuditLog.Kind.CAMPAIGN, action, null, campaign.getCode(), campaign.getName());
	}

	private String step(RedirectAttributes redirect, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", messages.get(successKey));
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.getMessage()));
		}
		return "redirect:/admin/campaigns";
	}

	private String form(Model model, Campaign existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("kindOptions", messages.options("campaign.kind.", Campaign.Kind.values()));
		return "admin/campaign-form";
	}

}
