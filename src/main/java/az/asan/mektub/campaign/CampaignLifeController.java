package az.asan.mektub.campaign;

import java.util.Set;
import java.util.function.Supplier;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's life: staff open and close it, each confirmed where it must be (closing always asks
 * first; opening asks when something warns), and administrators reopen it within 30 days. A second
 * press of a step already done says so on the list.
 */
@Controller
class CampaignLifeController {

	private final Campaigns campaigns;

	private final CampaignManagement management;

	private final Messages messages;

	private final AuditLog auditLog;

	CampaignLifeController(Campaigns campaigns, CampaignManagement management, Messages messages, AuditLog auditLog) {
		this.campaigns = campaigns;
		this.management = management;
		this.messages = messages;
		this.auditLog = auditLog;
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

}
