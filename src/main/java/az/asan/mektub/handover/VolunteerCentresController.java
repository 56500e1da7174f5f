package az.asan.mektub.handover;

import java.util.List;
import java.util.Locale;

import az.asan.mektub.account.AccountAdministration;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.account.VolunteerPageSection;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff assign the ASAN service centres a volunteer works at (issue 22), on the volunteer's page: a
 * checkbox list of the centres grouped by economic region. The desk of each centre then receives
 * every gift brought there.
 */
@Controller
class VolunteerCentresController implements VolunteerPageSection {

	private final HandoverPoints points;

	private final AccountAdministration people;

	private final RegionOptions regionOptions;

	private final Messages messages;

	VolunteerCentresController(HandoverPoints points, AccountAdministration people, RegionOptions regionOptions,
			Messages messages) {
		this.points = points;
		this.people = people;
		this.regionOptions = regionOptions;
		this.messages = messages;
	}

	@Override
	public void addTo(long volunteerId, Model model) {
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		java.util.Set<Long> chosen = points.centresOf(volunteerId);
		// every centre that takes gifts, and one that stopped but the volunteer still has (to untick it)
		List<HandoverPoint> offered = points.all().stream().filter(p -> p.accepting() || chosen.contains(p.id())).toList();
		model.addAttribute("centreGroups", regionOptions.groupedByRegion(offered, HandoverPoint::regionId,
				p -> new Option(String.valueOf(p.id()), p.name(locale))));
		model.addAttribute("selectedCentres", chosen.stream().map(String::valueOf).toList());
	}

	/** The same grouped list on the form that opens a volunteer's account: the centres taking gifts. */
	@Override
	public void addToNewVolunteer(List<Long> chosen, Model model) {
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		model.addAttribute("centreGroups", regionOptions.groupedByRegion(points.accepting(), HandoverPoint::regionId,
				p -> new Option(String.valueOf(p.id()), p.name(locale))));
		model.addAttribute("selectedCentres", chosen.stream().map(String::valueOf).toList());
	}

	@PostMapping("/admin/users/{id}/centres")
	String assign(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(required = false) List<Long> handoverPointIds, RedirectAttributes redirect) {
		AccountAdministration.Person person = people.person(id)
			.filter(p -> p.role() == Role.VOLUNTEER)
			.orElseThrow(NotFound::new);
		points.assignCentres(person.id(), handoverPointIds, user.id());
		redirect.addFlashAttribute("success", messages.get("people.saved"));
		return "redirect:/admin/users/{id}";
	}

}
