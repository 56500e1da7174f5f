package az.asan.mektub.letter.web;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.letter.query.ForgottenLetters;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One of the desk's forgotten lists whole, for the volunteer's regions: the desk shows the first ten,
 * and a volunteer told "21 letters" could not see the other eleven (seen in review).
 */
@Controller
class ForgottenListController {

	/** The most one page lists: a region with more has a deeper problem than a list can show. */
	static final int MOST = 500;

	private final AccountManagement accounts;

	private final ForgottenLetters forgotten;

	ForgottenListController(AccountManagement accounts, ForgottenLetters forgotten) {
		this.accounts = accounts;
		this.forgotten = forgotten;
	}

	@GetMapping("/volunteer/forgotten/{kind}")
	String list(@AuthenticationPrincipal SignedInUser user, @PathVariable String kind, Model model) {
		ForgottenLetters.Kind which = java.util.Arrays.stream(ForgottenLetters.Kind.values())
			.filter(k -> k.name().equals(kind))
			.findFirst()
			.orElseThrow(NotFound::new);
		RegionScope scope = accounts.regionScope(user);
		model.addAttribute("kind", which);
		model.addAttribute("count", forgotten.counts(scope).getOrDefault(which, 0L));
		model.addAttribute("rows", forgotten.list(which, scope, MOST));
		model.addAttribute("unadoptedDays", forgotten.unadoptedDays());
		model.addAttribute("undeliveredDays", forgotten.undeliveredDays());
		return "volunteer/forgotten";
	}

}
