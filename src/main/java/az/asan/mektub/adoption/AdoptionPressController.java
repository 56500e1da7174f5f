package az.asan.mektub.adoption;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.PageShell;
import az.asan.mektub.platform.web.PageShells;
import az.asan.mektub.tree.TreeQueries;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The press of "adopt" on a letter's page: to the donor's letter when it is theirs, else the reason it
 * is not. The rest of a donor's letters is {@link AdoptionController}'s.
 */
@Controller
class AdoptionPressController {

	private final AdoptionManagement adoptions;

	private final MyAdoptions mine;

	private final TreeQueries tree;

	private final Messages messages;

	private final PageShells shells;

	AdoptionPressController(AdoptionManagement adoptions, MyAdoptions mine, TreeQueries tree, Messages messages,
			PageShells shells) {
		this.adoptions = adoptions;
		this.mine = mine;
		this.tree = tree;
		this.messages = messages;
		this.shells = shells;
	}

	/** The similar letters offered where this one is taken, to keep their rendering by. */
	private record Taken(String code) {
	}

	@PostMapping("/letters/{code}/adopt")
	String adopt(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			adoptions.adopt(code, user.id());
			redirect.addFlashAttribute("success", messages.get("adoption.done"));
			return "redirect:/me/adoptions/{code}";
		}
		catch (AdoptionRefused refused) {
			switch (refused.reason()) {
				case UNCONFIRMED -> {
					redirect.addFlashAttribute("failure", messages.get("adoption.refused.UNCONFIRMED"));
					return "redirect:/me";
				}
				case TAKEN -> {
					if (mine.one(user.id(), code).isPresent()) {
						// pressed again (a kept page, a second tab): it is theirs, not another donor's
						redirect.addFlashAttribute("success", messages.get("adoption.alreadyYours"));
						return "redirect:/me/adoptions/{code}";
					}
					response.setStatus(HttpServletResponse.SC_CONFLICT);
					// The same for everyone who finds this letter taken (in a rush, most of the presses): the page
					// is kept, and its similar letters for the tree's few seconds (a letter among them taken
					// meanwhile says so on its own page).
					model.addAttribute("similar", shells.keptPart(new Taken(code), "adoption/taken-similar",
							() -> Map.of("similar", tree.similar(code, 6)), locale, request, response));
					model.addAttribute(PageShell.ATTRIBUTE, PageShell.of("", "similar"));
					return "adoption/taken";
				}
				default -> {
					response.setStatus(HttpServletResponse.SC_CONFLICT);
					model.addAttribute("reason", messages.get("adoption.refused." + refused.reason().name(),
							refused.args()));
					model.addAttribute("code", code);
					return "adoption/refused";
				}
			}
		}
	}

}
