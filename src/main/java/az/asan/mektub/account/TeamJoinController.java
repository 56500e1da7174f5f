package az.asan.mektub.account;

import az.asan.mektub.platform.i18n.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link an organisation's invitation mails (issue 27.2). Opened signed out, it leads to sign-in
 * (where one may register as a donor) and back here; opened signed in, it names the organisation and
 * joins its team on a press (a link followed by a mail program's preview joins no one).
 */
@Controller
class TeamJoinController {

	private final Teams teams;

	private final Messages messages;

	TeamJoinController(Teams teams, Messages messages) {
		this.teams = teams;
		this.messages = messages;
	}

	@GetMapping("/team/join")
	String invitation(@RequestParam(required = false) String token, Model model) {
		java.util.Optional<Teams.Invitation> invitation = teams.invitation(token);
		model.addAttribute("invitation", invitation.orElse(null));
		model.addAttribute("token", invitation.isPresent() ? token : "");
		return "account/team-join";
	}

	@PostMapping("/team/join")
	String join(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String token,
			RedirectAttributes redirect) {
		Teams.Joined joined = teams.join(token, user.id());
		if (joined == Teams.Joined.JOINED) {
			messages.flash(redirect, "success", "team.join.JOINED");
			return "redirect:/team";
		}
		messages.flash(redirect, "failure", "team.join." + joined.name());
		return "redirect:/me";
	}

}
