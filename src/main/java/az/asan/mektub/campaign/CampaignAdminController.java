package az.asan.mektub.campaign;

import jakarta.validation.Valid;

import az.asan.mektub.system.Forms;
import az.asan.mektub.system.Messages;
import az.asan.mektub.system.NotFound;

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

	CampaignAdminController(Campaigns campaigns, CampaignManagement management, Messages messages,
			Validator validator) {
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
	String processCreationForm(@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Forms.validateRest(validator, form, result);
		management.check(form, null, result);
		if (result.hasErrors()) {
			Forms.redisplay(model, "campaignForm", form, result);
			return form(model, null);
		}
		management.create(form);
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
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("campaignForm") CampaignForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Campaign campaign = campaigns.findById(id).orElseThrow(NotFound::new);
		Forms.validateRest(validator, form, result);
		management.check(form, id, result);
		if (result.hasErrors()) {
			Forms.redisplay(model, "campaignForm", form, result);
			return form(model, campaign);
		}
		try {
			management.update(id, form);
			redirect.addFlashAttribute("success", messages.get("campaign.saved"));
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.getMessage()));
		}
		return "redirect:/admin/campaigns";
	}

	@PostMapping("/admin/campaigns/{id}/open")
	String open(@PathVariable long id, RedirectAttributes redirect) {
		return step(redirect, "campaign.opened", () -> management.open(id));
	}

	@PostMapping("/admin/campaigns/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		return step(redirect, "campaign.closedNow", () -> management.close(id));
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
