package az.asan.mektub.adoption;

import java.util.Locale;
import java.util.Map;

import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.account.Teams;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.LetterRefusals;
import az.asan.mektub.letter.query.OrganisationLetters;
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
 * A person of an organisation's team (and no one else; removed from it, at once no more): the letters
 * reserved for the team, which they take for the organisation, and the letters they took, with what to
 * buy, by when and where, the centre to choose and the tags to print (issue 27.2).
 */
@Controller
class TeamMemberController {

	private final Teams teams;

	private final TeamAdoption teamAdoption;

	private final OrganisationLetters letters;

	private final HandoverPoints handoverPoints;

	private final Messages messages;

	TeamMemberController(Teams teams, TeamAdoption teamAdoption, OrganisationLetters letters,
			HandoverPoints handoverPoints, Messages messages) {
		this.teams = teams;
		this.teamAdoption = teamAdoption;
		this.letters = letters;
		this.handoverPoints = handoverPoints;
		this.messages = messages;
	}

	/** A person of a team: the letters reserved for it, and the ones they took for it. */
	@GetMapping("/team")
	String pool(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
		long organisation = member(user);
		model.addAttribute("organisationName", teams.organisationName(organisation));
		model.addAttribute("pool", letters.pool(organisation));
		model.addAttribute("mine", teamAdoption.takenBy(user.id()));
		model.addAttribute("pointNames", pointNames(locale));
		model.addAttribute("points", handoverPoints.accepting());
		return "adoption/team-pool";
	}

	/** A person of a team: the tags of the gifts they took for the organisation, one sheet to print. */
	@GetMapping("/team/tags")
	String myTags(@AuthenticationPrincipal SignedInUser user, Model model) {
		member(user);
		model.addAttribute("tags", TeamController.tags(teamAdoption.takenBy(user.id()), handoverPoints));
		model.addAttribute("back", "/team");
		return "adoption/team-tags";
	}

	/** A person of a team chooses the centre for a letter they took for the organisation. */
	@PostMapping("/team/letters/{code}/centre")
	@LetterRefusals.Otherwise("/team")
	String chooseCentre(@AuthenticationPrincipal SignedInUser user, @PathVariable String code,
			@RequestParam(required = false) Long handoverPointId, RedirectAttributes redirect) {
		member(user);
		teamAdoption.chooseCentre(code, user.id(), handoverPointId);
		messages.flash(redirect, "success", "adoption.pointChosen");
		return "redirect:/team";
	}

	@PostMapping("/team/letters/{code}/adopt")
	String adopt(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, RedirectAttributes redirect) {
		member(user);
		try {
			AdoptionManagement.Adopted adopted = teamAdoption.adoptForOrganisation(code, user.id());
			messages.flash(redirect, "success", "team.adopted", adopted.tagCode());
		}
		catch (AdoptionRefused refused) {
			messages.flash(redirect, "failure", "team.refused." + refused.reason().name(), refused.args());
		}
		return "redirect:/team";
	}

	private long member(SignedInUser user) {
		if (user == null) {
			throw new AccessDeniedException("Only a team's people see its pool");
		}
		return teams.organisationOf(user.id())
			.orElseThrow(() -> new AccessDeniedException("Only a team's people see its pool"));
	}

	private Map<Long, String> pointNames(Locale locale) {
		Map<Long, String> names = new java.util.HashMap<>();
		handoverPoints.all().forEach(p -> names.put(p.id(), p.name(locale)));
		return names;
	}

}
