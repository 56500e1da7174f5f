package az.asan.mektub.campaign;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.validation.Valid;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.web.CacheConfiguration;
import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.cache.CacheManager;
import org.springframework.security.access.AccessDeniedException;
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

/** Staff manage campaigns: create, change, open, close (each confirmed where it must be); administrators reopen. */
@Controller
class CampaignAdminController {

	private final Campaigns campaigns;

	private final CampaignManagement management;

	private final Messages messages;

	private final Validator validator;

	private final AuditLog auditLog;

	private final CacheManager caches;

	CampaignAdminController(Campaigns campaigns, CampaignManagement management, Messages messages,
			Validator validator, AuditLog auditLog, CacheManager caches) {
		this.caches = caches;
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
		management.check(form, null, result);
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
		management.check(form, id, result);
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

	/**
	 * A step refused because it is done already (the second press of a double click, a confirmation
	 * from a stale tab): "open" or "closed" for the list to say so, not an error; null otherwise. The
	 * answer is the list's address, not a flash, so it shows at once and never on a later page.
	 */
	private String already(long id, String refusal) {
		CampaignStatus status = campaigns.findById(id).map(Campaign::getStatus).orElse(null);
		if (status == CampaignStatus.OPEN
				&& ("campaign.error.notPlanned".equals(refusal) || "campaign.error.notClosed".equals(refusal))) {
			return "open";
		}
		if (status == CampaignStatus.CLOSED && "campaign.error.closed".equals(refusal)) {
			return "closed";
		}
		return null;
	}

	/** Opens at once when nothing warns; else (or when asked directly) the page that confirms it. */
	@PostMapping("/admin/campaigns/{id}/open")
	String open(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(name = "confirmed", required = false) Set<OpeningWarning> confirmed,
			RedirectAttributes redirect) {
		return step(id, redirect, "campaign.opened", "/admin/campaigns/{id}/open", () -> {
			CampaignManagement.Step step = management.open(id, confirmed == null ? Set.of() : confirmed);
			if (step.done()) {
				audit(user, "CAMPAIGN_OPENED", campaigns.findById(id).orElseThrow());
			}
			return step.done();
		});
	}

	@GetMapping("/admin/campaigns/{id}/open")
	String confirmOpening(@PathVariable long id, Model model, RedirectAttributes redirect) {
		CampaignManagement.OpeningCheck check = management.openingCheck(id);
		if (check.campaign().getStatus() == CampaignStatus.OPEN) {
			return "redirect:/admin/campaigns?already=open";
		}
		if (check.campaign().getStatus() != CampaignStatus.PLANNED) {
			messages.flash(redirect, "failure", "campaign.error.notPlanned");
			return "redirect:/admin/campaigns";
		}
		return confirmation(model, "open", check, null);
	}

	/** Closing always asks first: the list's button leads to the page that says what it does. */
	@PostMapping("/admin/campaigns/{id}/close")
	String close(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(name = "confirmed", defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
		return step(id, redirect, "campaign.closedNow", "/admin/campaigns/{id}/close", () -> {
			boolean done = management.close(id, confirmed);
			if (done) {
				audit(user, "CAMPAIGN_CLOSED", campaigns.findById(id).orElseThrow());
			}
			return done;
		});
	}

	@GetMapping("/admin/campaigns/{id}/close")
	String confirmClosing(@PathVariable long id, Model model, RedirectAttributes redirect) {
		CampaignManagement.ClosingCheck check = management.closingCheck(id);
		if (check.campaign().getStatus() == CampaignStatus.CLOSED) {
			return "redirect:/admin/campaigns?already=closed";
		}
		return confirmation(model, "close", null, check);
	}

	/** An administrator takes back a closing within 30 days; what opening warns of is confirmed first. */
	@PostMapping("/admin/campaigns/{id}/reopen")
	String reopen(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(name = "confirmed", required = false) Set<OpeningWarning> confirmed,
			RedirectAttributes redirect) {
		return step(id, redirect, "campaign.reopened", "/admin/campaigns/{id}/reopen", () -> {
			CampaignManagement.Step step = management.reopen(id, confirmed == null ? Set.of() : confirmed, user);
			if (step.done()) {
				audit(user, "CAMPAIGN_REOPENED", campaigns.findById(id).orElseThrow());
			}
			return step.done();
		});
	}

	@GetMapping("/admin/campaigns/{id}/reopen")
	String confirmReopening(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		if (user.role() != Role.ADMIN) {
			throw new AccessDeniedException("Only administrators reopen campaigns");
		}
		CampaignManagement.OpeningCheck check = management.openingCheck(id);
		if (!check.campaign().isReopenable()) {
			messages.flash(redirect, "failure", check.campaign().getStatus() == CampaignStatus.CLOSED
					? "campaign.error.reopenTooLate" : "campaign.error.notClosed");
			return "redirect:/admin/campaigns";
		}
		return confirmation(model, "reopen", check, null);
	}

	private String confirmation(Model model, String step, CampaignManagement.OpeningCheck opening,
			CampaignManagement.ClosingCheck closing) {
		model.addAttribute("step", step);
		model.addAttribute("opening", opening);
		model.addAttribute("closing", closing);
		model.addAttribute("campaign", opening != null ? opening.campaign() : closing.campaign());
		return "admin/campaign-confirm";
	}

	private void audit(SignedInUser user, String action, Campaign campaign) {
		auditLog.record(user.id(), AuditLog.Kind.CAMPAIGN, action, null, campaign.getCode(), campaign.getName());
	}

	/**
	 * Runs a step; when it is done the list says so, when it waits for its confirmation the page that
	 * asks for it answers (nothing changed), and a step the campaign's state refuses is explained.
	 */
	private String step(long id, RedirectAttributes redirect, String successKey, String confirmationPage,
			Supplier<Boolean> action) {
		try {
			if (!action.get()) {
				return "redirect:" + confirmationPage;
			}
			forgetPublicFigures();
			messages.flash(redirect, "success", successKey);
		}
		catch (IllegalStateException ex) {
			String already = already(id, ex.getMessage());
			if (already != null) {
				return "redirect:/admin/campaigns?already=" + already;
			}
			messages.flash(redirect, "failure", ex.getMessage());
		}
		return "redirect:/admin/campaigns";
	}

	/**
	 * A campaign opened or closed changes which letters hang on the tree and wait on the home page: the
	 * pages kept for a few seconds are made afresh at once rather than disagree with each other.
	 */
	private void forgetPublicFigures() {
		for (String name : new String[] { CacheConfiguration.HOME_TOTALS, CacheConfiguration.TREE_BODIES }) {
			var cache = caches.getCache(name);
			if (cache != null) {
				cache.clear();
			}
		}
	}

	private String form(Model model, Campaign existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("kindOptions", messages.options("campaign.kind.", Campaign.Kind.values()));
		return "admin/campaign-form";
	}

}
