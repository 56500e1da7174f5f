package az.asan.mektub.handover;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.i18n.Localized;

import jakarta.validation.Valid;

import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff keep the list of ASAN service centres where gifts are handed in. */
@Controller
class HandoverAdminController {

	private final HandoverPoints points;

	private final RegionOptions regionOptions;

	private final Messages messages;

	private final AuditLog auditLog;

	HandoverAdminController(HandoverPoints points, RegionOptions regionOptions, Messages messages, AuditLog auditLog) {
		this.auditLog = auditLog;
		this.points = points;
		this.regionOptions = regionOptions;
		this.messages = messages;
	}

	@GetMapping("/admin/handover-points")
	String list(Model model) {
		model.addAttribute("points", points.all());
		return "admin/handover-points";
	}

	@GetMapping("/admin/handover-points/new")
	String initCreationForm(Model model) {
		model.addAttribute("handoverPointForm", HandoverPointForm.empty());
		return form(model, null);
	}

	@PostMapping("/admin/handover-points/new")
	String processCreationForm(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("handoverPointForm") HandoverPointForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			Forms.redisplay(model, "handoverPointForm", form, result);
			return form(model, null);
		}
		long id = points.create(form);
		audit(user, "POINT_CREATED", id, form);
		redirect.addFlashAttribute("success", messages.get("points.saved"));
		return "redirect:/admin/handover-points";
	}

	@GetMapping("/admin/handover-points/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		HandoverPoint point = points.byId(id).orElseThrow(NotFound::new);
		model.addAttribute("handoverPointForm", HandoverPointForm.of(point));
		return form(model, point);
	}

	@PostMapping("/admin/handover-points/{id}/edit")
	String processUpdateForm(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@Valid @ModelAttribute("handoverPointForm") HandoverPointForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		HandoverPoint point = points.byId(id).orElseThrow(NotFound::new);
		if (result.hasErrors()) {
			Forms.redisplay(model, "handoverPointForm", form, result);
			return form(model, point);
		}
		points.update(id, form);
		audit(user, "POINT_EDITED", id, form);
		redirect.addFlashAttribute("success", messages.get("points.saved"));
		return "redirect:/admin/handover-points";
	}

	private void audit(SignedInUser user, String action, long id, HandoverPointForm form) {
		auditLog.record(user.id(), AuditLog.Kind.HANDOVER_POINT, action, null, "handover point " + id,
				new Localized(form.nameAz(), form.nameEn(), form.nameRu()));
	}

	private String form(Model model, HandoverPoint existing) {
		model.addAttribute("existing", existing);
		model.addAttribute("regionOptions", regionOptions.where(r -> r.acceptsLetters() && r.parentId() == null));
		return "admin/handover-point-form";
	}

}
