package az.asan.mektub.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.web.Pager;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** People: the staff's list of accounts, new volunteers, regions, locks, organisations and roles. */
@Controller
class UserAdminController {

	private static final int PAGE_SIZE = 30;

	private final AccountAdministration administration;

	private final AccountManagement management;

	private final RegionOptions regionOptions;

	private final Messages messages;

	private final AuditLog auditLog;

	private final org.springframework.beans.factory.ObjectProvider<VolunteerPageSection> sections;

	UserAdminController(AccountAdministration administration, AccountManagement management,
			RegionOptions regionOptions, Messages messages, AuditLog auditLog,
			org.springframework.beans.factory.ObjectProvider<VolunteerPageSection> sections) {
		this.sections = sections;
		this.auditLog = auditLog;
		this.administration = administration;
		this.management = management;
		this.regionOptions = regionOptions;
		this.messages = messages;
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(required = false) Role role, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		page = Math.min(Math.max(page, 1), 10_000);
		AccountAdministration.Page result = administration.search(role, q, page, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("role", role);
		model.addAttribute("q", q);
		model.addAttribute("roleOptions", messages.options("role.", Role.values()));
		model.addAttribute("pager", Pager.of(Math.max(page, 1), result.total(), PAGE_SIZE));
		return "admin/users";
	}

	@GetMapping("/admin/users/new")
	String initVolunteerForm(Model model) {
		model.addAttribute("volunteerForm", VolunteerForm.empty());
		model.addAttribute("selectedRegions", List.of());
		return volunteerPage(List.of(), model);
	}

	@PostMapping("/admin/users/new")
	String processVolunteerForm(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("volunteerForm") VolunteerForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("email") && form.email() != null && management.emailTaken(form.email())) {
			Forms.reject(result, "email", "register.emailTaken");
		}
		if (form.regionIds() == null || form.regionIds().isEmpty()) {
			Forms.reject(result, "regionIds", "people.regions.required");
		}
		if (result.hasErrors()) {
			Forms.redisplay(model, "volunteerForm", form, result);
			model.addAttribute("selectedRegions",
					form.regionIds() == null ? List.of() : form.regionIds().stream().map(String::valueOf).toList());
			return volunteerPage(form.handoverPointIds() == null ? List.of()
					: form.handoverPointIds().stream().filter(java.util.Objects::nonNull).toList(), model);
		}
		long id = administration.createVolunteer(form, user.id(), locale);
		redirect.addFlashAttribute("success", messages.get("people.invited", form.email()));
		redirect.addAttribute("id", id);
		return "redirect:/admin/users/{id}";
	}

	@GetMapping("/admin/users/{id}")
	String show(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model, Locale locale) {
		AccountAdministration.Person person = administration.person(id).orElseThrow(NotFound::new);
		model.addAttribute("person", person);
		model.addAttribute("selectedRegions", person.regionIds().stream().map(String::valueOf).toList());
		model.addAttribute("regionOptions", regionOptions.where(r -> r.acceptsLetters()));
		model.addAttribute("regionGroups", regionOptions.grouped(r -> r.acceptsLetters()));
		model.addAttribute("centreGroups", null);
		// what other modules add to a volunteer's page (handover: the centres they work at)
		if (person.role() == Role.VOLUNTEER) {
			sections.orderedStream().forEach(section -> section.addTo(person.id(), model));
		}
		model.addAttribute("roleOptions", messages.options("role.", Role.values()));
		model.addAttribute("audit", auditLog.find(AuditLog.Filter.none(), id, 50, locale));
		model.addAttribute("me", user.id() == id);
		model.addAttribute("admin", user.role() == Role.ADMIN);
		return "admin/user";
	}

	@PostMapping("/admin/users/{id}/regions")
	String regions(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(required = false) List<Integer> regionIds, RedirectAttributes redirect) {
		return step(id, redirect, () -> administration.assignRegions(id, regionIds, user));
	}

	@PostMapping("/admin/users/{id}/lock")
	String lock(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean locked, RedirectAttributes redirect) {
		return step(id, redirect, () -> administration.lock(id, locked, user));
	}

	@PostMapping("/admin/users/{id}/organisation")
	String organisation(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean organisation, @RequestParam(required = false) Integer limit,
			RedirectAttributes redirect) {
		return step(id, redirect, () -> administration.flagOrganisation(id, organisation, limit, user));
	}

	@PostMapping("/admin/users/{id}/role")
	String role(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam Role role,
			RedirectAttributes redirect) {
		return step(id, redirect, () -> administration.changeRole(id, role, user));
	}

	/** Every change staff and administrators made, filtered by person, kind and date. */
	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) Long actor, @RequestParam(required = false) AuditLog.Kind kind,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model,
			Locale locale) {
		// a range typed the wrong way round is read the right way round, and the page says so (Ranges)
		boolean swapped = az.asan.mektub.platform.web.Ranges.reversed(from, to);
		AuditLog.Filter filter = swapped ? new AuditLog.Filter(actor, kind, to, from) : new AuditLog.Filter(actor, kind, from, to);
		model.addAttribute("rangeSwapped", swapped);
		model.addAttribute("filter", filter);
		model.addAttribute("audit", auditLog.find(filter, null, 200, locale));
		model.addAttribute("actorOptions", auditLog.actors());
		model.addAttribute("kindOptions", messages.options("audit.kind.", AuditLog.Kind.values()));
		return "admin/audit";
	}

	private String step(long id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", messages.get("people.saved"));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("failure", messages.get(ex.getMessage()));
		}
		redirect.addAttribute("id", id);
		return "redirect:/admin/users/{id}";
	}

	private String volunteerPage(List<Long> chosenCentres, Model model) {
		model.addAttribute("regionOptions", regionOptions.where(r -> r.acceptsLetters()));
		model.addAttribute("regionGroups", regionOptions.grouped(r -> r.acceptsLetters()));
		// what other modules offer on the form (handover: the centres the volunteer will work at)
		model.addAttribute("centreGroups", null);
		sections.orderedStream().forEach(section -> section.addToNewVolunteer(chosenCentres, model));
		return "admin/volunteer-form";
	}

}
