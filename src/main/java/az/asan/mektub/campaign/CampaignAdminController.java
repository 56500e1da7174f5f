package az.asan.mektub.campaign;

import java.util.List;

import jakarta.validation.Valid;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff manage campaigns: the list, a new campaign, changes. Opening and closing are {@link CampaignLifeController}'s. */
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
	String list(Model model, @RequestParam(name = "already", required = false) String already) {
		List<Campaign> all = campaigns.findAllByOrderByStartsOnDesc();
		model.addAttribute("campaigns", all);
		model.addAttribute("opensAfterAsking", management.openingAsksFirst(all));
		// a second press of a step already done (a double click, a stale tab) says so here, at once
		if ("open".equals(already) || "closed".equals(already)) {
			model.addAttribute("already", messages.get("campaign.already." + already));
		}
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
		org.springframework.validation.Errors checks = Forms.checksOf(form, result);
		management.check(form, null, checks);
		Forms.join(checks, result);
		if (result.hasErrors()) {
			Forms.redisplay(model, "campaignForm", form, result);
			return form(model, null);
		}
		Campaign created = management.create(form);
		audit(user, "CAMPAIGN_CREATED", created);
		messages.flash(redirect, "success", "campaign.saved");
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
			@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult result,
			@RequestParam(name = "confirmedFor", required = false) String confirmedFor, Model model,
			RedirectAttributes redirect) {
		Campaign campaign = campaigns.findById(id).orElseThrow(NotFound::new);
		Forms.validateRest(validator, form, result);
		org.springframework.validation.Errors checks = Forms.checksOf(form, result);
		management.check(form, id, checks);
		Forms.join(checks, result);
		if (result.hasErrors()) {
			Forms.redisplay(model, "campaignForm", form, result);
			return form(model, campaign);
		}
		// Holds cut short by the end are confirmed for exactly the end and hold days the page said.
		String asked = form.endsOn() + "|" + form.holdDays();
		CampaignManagement.HoldsCutShort cut = management.holdsCutShort(id, form);
		if (cut != null && !asked.equals(confirmedFor)) {
			model.addAttribute("holdsCutShort", cut);
			model.addAttribute("confirmFor", asked);
			return form(model, campaign);
		}
		String changes = CampaignChanges.between(campaign, form, messages);
		try {
			management.update(id, form);
			Campaign saved = campaigns.findById(id).orElseThrow();
			auditLog.record(user.id(), AuditLog.Kind.CAMPAIGN, "CAMPAIGN_CHANGED", null, saved.getCode(),
					saved.getName(), changes);
			messages.flash(redirect, "success", "campaign.saved");
		}
		catch (IllegalStateException ex) {
			messages.flash(redirect, "failure", ex.getMessage());
		}
		return "redirect:/admin/campaigns";
	}

	private void audit(SignedInUser user, String action, Campaign campaign) {
		auditLog.record(user.id(), AuditLog.Kind.CAMPAIGN, action, null, campaign.getCode(), campaign.getName());
	}

	private String form(Model model, Campaign existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("kindOptions", messages.options("campaign.kind.", Campaign.Kind.values()));
		return "admin/campaign-form";
	}

}
