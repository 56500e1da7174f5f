package az.asan.mektub.adoption;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.web.PageShell;
import az.asan.mektub.platform.web.Pager;
import az.asan.mektub.platform.web.PageShells;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My letters": a donor's letters, those under way first, a page at a time. A page of cards is rendered
 * once for what it shows ({@link PageShells#keptPart}, keyed by all of it, so never stale); the
 * page around them is kept for every donor (issue 17).
 */
@Controller
class MyLettersController {

	private final MyAdoptions mine;

	private final HandoverPoints handoverPoints;

	private final PageShells shells;

	private final HoldCountdowns countdowns;

	MyLettersController(MyAdoptions mine, HandoverPoints handoverPoints, PageShells shells,
			HoldCountdowns countdowns) {
		this.mine = mine;
		this.handoverPoints = handoverPoints;
		this.shells = shells;
		this.countdowns = countdowns;
	}

	/** What a card of "My letters" shows, to keep its rendering by (adoption/list-card). */
	private record Card(MyAdoptions.Adoption adoption, String pointName, LocalDate today, TimeLeft left) {
	}

	/** What a page of "My letters" shows: its cards and its pager (adoption/list-cards). */
	private record Cards(List<Card> cards, Pager pager) {
	}

	/** Letters on one page of "My letters". */
	static final int PAGE_SIZE = 24;

	@GetMapping("/me/adoptions")
	String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String page, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		// a page number that is not one shows the first page, as on the tree
		int asked = page != null && page.strip().matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(page.strip())) : 1;
		MyAdoptions.ListPage found = mine.page(user.id(), asked, PAGE_SIZE);
		int last = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (found.adoptions().isEmpty() && asked > last) {
			// a page past the end (an old link, a typed number) shows the last one
			asked = last;
			found = mine.page(user.id(), asked, PAGE_SIZE);
		}
		Map<Long, String> pointNames = new java.util.HashMap<>();
		handoverPoints.shown().forEach(p -> pointNames.put(p.id(), p.name(locale)));
		LocalDate today = LocalDate.now(Formats.BAKU);
		java.time.Instant now = java.time.Instant.now();
		List<Card> shown = new java.util.ArrayList<>();
		for (MyAdoptions.Adoption a : found.adoptions()) {
			String pointName = a.handoverPointId() == null ? null : pointNames.get(a.handoverPointId());
			TimeLeft left = a.holding() && a.dueDate() != null ? TimeLeft.until(a.dueDate(), now) : null;
			shown.add(new Card(a, pointName, today, left));
		}
		Pager pager = Pager.of(asked, found.total(), PAGE_SIZE);
		// The donor's own cards, kept by all they show (so never out of date) and rendered for many: with
		// placeholders for the reader's token, which the kept page's hole fills for this reader. The page
		// around them is kept for every donor (issue 17).
		model.addAttribute("cards", shells.keptPart(new Cards(shown, pager), "adoption/list-cards", () -> {
			List<String> rendered = new java.util.ArrayList<>();
			for (Card card : shown) {
				Map<String, Object> one = new java.util.HashMap<>();
				one.put("a", card.adoption());
				one.put("pointName", card.pointName());
				one.put("left", card.left());
				one.put("words", countdowns.words(locale));
				rendered.add(shells.renderPart("adoption/list-card", one, locale, request, response));
			}
			Map<String, Object> cards = new java.util.HashMap<>();
			cards.put("cards", rendered);
			cards.put("pager", pager);
			return cards;
		}, locale, request, response));
		model.addAttribute(PageShell.ATTRIBUTE, PageShell.of("", "cards"));
		return "adoption/list";
	}

}
