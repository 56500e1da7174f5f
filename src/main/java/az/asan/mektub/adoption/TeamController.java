package az.asan.mektub.adoption;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.account.Teams;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.query.OrganisationLetters;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.Forms;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A company adopting together (issue 27.2). The organisation's own account (and no one else) sees
 * and manages its team page: who is in the team, invitations, the letters reserved for the team, its
 * letters with who took each and what is still to be handed in at which centre, and the sheet of its
 * gift tags. The pages of a person of its team are {@link TeamMemberController}'s.
 */
@Controller
class TeamController {

	private final Teams teams;

	private final TeamAdoption teamAdoption;

	private final OrganisationLetters letters;

	private final HandoverPoints handoverPoints;

	private final Messages messages;

	TeamController(Teams teams, TeamAdoption teamAdoption, OrganisationLetters letters, HandoverPoints handoverPoints,
			Messages messages) {
		this.teams = teams;
		this.teamAdoption = teamAdoption;
		this.letters = letters;
		this.handoverPoints = handoverPoints;
		this.messages = messages;
	}

	/** The organisation's own account, confirmed by staff; anyone else is refused. */
	private long organisation(SignedInUser user) {
		if (user == null || !teams.mayLeadATeam(user.id())) {
			throw new AccessDeniedException("Only a confirmed organisation's own account manages its team");
		}
		return user.id();
	}

	@GetMapping("/organisation/team")
	String page(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
		long organisation = organisation(user);
		if (!model.containsAttribute("teamInviteForm")) {
			model.addAttribute("teamInviteForm", TeamInviteForm.empty());
		}
		if (!model.containsAttribute("reserveForm")) {
			model.addAttribute("reserveForm", ReserveForm.of(teamAdoption.openCampaigns().stream()
				.findFirst().map(az.asan.mektub.campaign.Campaign::getId).orElse(null)));
		}
		return page(organisation, model, locale);
	}

	private String page(long organisation, Model model, Locale locale) {
		List<Teams.Member> members = teams.members(organisation);
		model.addAttribute("members", members);
		model.addAttribute("pending", teams.pending(organisation));
		model.addAttribute("pool", letters.pool(organisation));
		List<OrganisationLetters.Held> held = letters.held(organisation);
		model.addAttribute("held", held);
		model.addAttribute("toHandIn", held.stream().filter(OrganisationLetters.Held::toHandIn).count());
		model.addAttribute("takenBy", members.stream()
			.collect(java.util.stream.Collectors.toMap(Teams.Member::id, Teams.Member::fullName)));
		model.addAttribute("pointNames", pointNames(locale));
		List<az.asan.mektub.campaign.Campaign> open = teamAdoption.openCampaigns();
		model.addAttribute("campaignOptions", open.stream()
			.map(c -> new az.asan.mektub.platform.i18n.Option(String.valueOf(c.getId()),
					messages.get("team.reserve.campaignOption", teamAdoption.mayReserve(organisation, c.getId()), c.name(locale))))
			.toList());
		model.addAttribute("maxPerForm", Teams.MAX_PER_FORM);
		model.addAttribute("reservationHours", teamAdoption.reservationHours());
		return "adoption/team";
	}

	private Map<Long, String> pointNames(Locale locale) {
		Map<Long, String> names = new java.util.HashMap<>();
		handoverPoints.all().forEach(p -> names.put(p.id(), p.name(locale)));
		return names;
	}

	@PostMapping("/organisation/team/invite")
	String invite(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("teamInviteForm") TeamInviteForm form,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		long organisation = organisation(user);
		if (!result.hasFieldErrors("emails")) {
			form.badAddress().ifPresent(bad -> result.rejectValue("emails", "team.invite.bad", new Object[] { bad }, null));
		}
		if (!result.hasFieldErrors("emails")) {
			String own = teams.ownAddress(organisation);
			form.addresses().stream().filter(own::equalsIgnoreCase).findFirst()
				.ifPresent(email -> result.rejectValue("emails", "team.invite.own", new Object[] { email }, null));
		}
		if (!result.hasFieldErrors("emails") && form.addresses().size() > Teams.MAX_PER_FORM) {
			result.rejectValue("emails", "team.invite.tooMany", new Object[] { Teams.MAX_PER_FORM }, null);
		}
		if (result.hasErrors()) {
			model.addAttribute("reserveForm", ReserveForm.of(teamAdoption.openCampaigns().stream()
				.findFirst().map(az.asan.mektub.campaign.Campaign::getId).orElse(null)));
			return page(organisation, model, locale);
		}
		try {
			int invited = teams.invite(organisation, form.addresses());
			messages.flash(redirect, "success", "team.invite.done", invited);
		}
		catch (Teams.TooManyInvitations ex) {
			messages.flash(redirect, "failure", "team.invite.tooManyToday", ex.limit());
		}
		return "redirect:/organisation/team";
	}

	@PostMapping("/organisation/team/reserve")
	String reserve(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("reserveForm") ReserveForm form,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		long organisation = organisation(user);
		if (!result.hasFieldErrors("count") && form.campaign() != null) {
			// the real maximum: the organisation's free places in the campaign, not a fixed number
			int free = teamAdoption.mayReserve(organisation, form.campaign());
			if (form.count() < 1 || form.count() > free) {
				result.rejectValue("count", "team.reserve.countRange", new Object[] { free }, null);
			}
		}
		if (result.hasErrors()) {
			model.addAttribute("teamInviteForm", TeamInviteForm.empty());
			return page(organisation, model, locale);
		}
		try {
			TeamAdoption.Reserved reserved = teamAdoption.reserve(organisation, form.campaign(), form.count());
			if (reserved.codes().isEmpty()) {
				messages.flash(redirect, "failure", "team.reserve.noneFree");
			}
			else {
				messages.flash(redirect, "success", "team.reserve.done", reserved.codes().size(),
						teamAdoption.reservationHours());
			}
		}
		catch (AdoptionRefused refused) {
			messages.flash(redirect, "failure", "team.refused." + refused.reason().name(), refused.args());
		}
		return "redirect:/organisation/team";
	}

	/** The organisation ends a reservation early: the letter is back on the free tree at once. */
	@PostMapping("/organisation/team/reservations/{code}/cancel")
	String cancelReservation(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			RedirectAttributes redirect) {
		long organisation = organisation(user);
		if (teamAdoption.cancelReservation(organisation, code)) {
			messages.flash(redirect, "success", "team.pool.cancelled");
		}
		else {
			messages.flash(redirect, "failure", "team.pool.notReserved");
		}
		return "redirect:/organisation/team";
	}

	/** The organisation takes back an invitation not used yet: its link stops working. */
	@PostMapping("/organisation/team/invitations/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		long organisation = organisation(user);
		teams.revoke(organisation, id)
			.ifPresentOrElse(email -> messages.flash(redirect, "success", "team.pending.revoked", email),
					() -> messages.flash(redirect, "failure", "team.pending.notPending"));
		return "redirect:/organisation/team";
	}

	/** The organisation removes a person from its team; the letters they took stay the organisation's. */
	@PostMapping("/organisation/team/members/{id}/remove")
	String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		long organisation = organisation(user);
		teams.remove(organisation, id)
			.ifPresentOrElse(name -> messages.flash(redirect, "success", "team.members.removed", name),
					() -> messages.flash(redirect, "failure", "team.members.notMember"));
		return "redirect:/organisation/team";
	}

	/** The organisation's tags of the gifts still to be handed in, one sheet to print. */
	@GetMapping("/organisation/tags")
	String tags(@AuthenticationPrincipal SignedInUser user, Model model) {
		long organisation = organisation(user);
		model.addAttribute("tags", tags(letters.held(organisation), handoverPoints));
		model.addAttribute("back", "/organisation/team");
		return "adoption/team-tags";
	}

	/** The tags of the gifts still to be handed in among these letters (the organisation's, or a person's of it). */
	static List<GiftTag> tags(List<OrganisationLetters.Held> held, HandoverPoints handoverPoints) {
		return held.stream()
			.filter(OrganisationLetters.Held::toHandIn)
			.map(h -> new GiftTag(h.code(), h.firstName(), h.age(), h.publicWish(), h.giftTagCode(), h.dueDate(),
					h.handoverPointId() == null ? null : handoverPoints.byId(h.handoverPointId()).orElse(null)))
			.toList();
	}

}
