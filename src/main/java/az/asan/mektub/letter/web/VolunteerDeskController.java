package az.asan.mektub.letter.web;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.DeskLetters;
import az.asan.mektub.letter.query.ForgottenLetters;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.web.CacheConfiguration;
import az.asan.mektub.platform.i18n.Option;
import az.asan.mektub.platform.web.PageShell;
import az.asan.mektub.platform.web.PageShells;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The volunteer's desk: the state of the letters in their regions, what waits for review, what
 * came back incomplete, and the forgotten letters. Its quick actions are {@link DeskQuickActionsController}'s.
 */
@Controller
class VolunteerDeskController {

	static final int LIST_SIZE = 10;

	private final AccountManagement accounts;

	private final RegionOptions regionOptions;

	private final ForgottenLetters forgotten;

	private final DeskLetters deskLetters;

	private final Cache shared;

	private final PageShells shells;

	private final HandoverPoints handoverPoints;

	VolunteerDeskController(AccountManagement accounts, RegionOptions regionOptions, ForgottenLetters forgotten,
			DeskLetters deskLetters, PageShells shells, CacheManager caches, HandoverPoints handoverPoints) {
		this.accounts = accounts;
		this.regionOptions = regionOptions;
		this.forgotten = forgotten;
		this.deskLetters = deskLetters;
		this.shells = shells;
		this.shared = caches.getCache(CacheConfiguration.DESK);
		this.handoverPoints = handoverPoints;
	}

	/** What the "sent back to you" list shows, to keep its rendering by. */
	private record SentBack(java.util.List<DeskLetters.Row> rows) {
	}

	/**
	 * What the desk shows that depends only on the regions, not on the person: the same for every
	 * volunteer with the same regions, so it is read once every few seconds per set of regions, and its
	 * HTML is kept by all it shows (so a desk read afresh after an action is never shown an older one).
	 */
	private record Shared(Map<LetterStatus, Long> counts, java.util.List<DeskLetters.Row> review,
			Map<ForgottenLetters.Kind, Long> forgottenCounts,
			Map<ForgottenLetters.Kind, java.util.List<ForgottenLetters.Row>> forgotten) {
	}

	/** The shared part of the desk as HTML, in its three places on the page, each with the reader's token. */
	record Html(PageShells.ReadersPiece counts, PageShells.ReadersPiece review, PageShells.ReadersPiece forgotten) {

		/** Where volunteer/desk-shared cuts its parts. */
		static final String CUT = "<!--asan:part-->";

		static Html of(java.util.List<PageShells.ReadersPiece> parts) {
			if (parts.size() != 3) {
				throw new IllegalStateException("volunteer/desk-shared must have three parts, not " + parts.size());
			}
			return new Html(parts.get(0), parts.get(1), parts.get(2));
		}

	}

	@GetMapping("/volunteer")
	String desk(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		RegionScope scope = accounts.regionScope(user);
		String key = scope.isAll() ? "all"
				: scope.regionIds().stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
		// Right after an action (its message is shown) the desk is read afresh, so the person sees its effect.
		boolean afterAction = model.containsAttribute("success") || model.containsAttribute("failure");
		Shared shared = afterAction ? shared(scope) : CacheConfiguration.get(this.shared, key, () -> shared(scope));
		if (afterAction) {
			this.shared.put(key, shared);
		}
		// Most of the desk's time went into rendering the same lists for every volunteer (issue 17): kept.
		// kept cut in its three parts, so a reader's request does not cut it again
		Html html = Html.of(shells.keptPieces(this.shared, shared, "volunteer/desk-shared", Html.CUT, () -> {
			Map<String, Object> content = new java.util.HashMap<>();
			content.put("counts", shared.counts());
			content.put("review", shared.review());
			content.put("forgottenCounts", shared.forgottenCounts());
			content.put("forgotten", shared.forgotten());
			content.put("unadoptedDays", forgotten.unadoptedDays());
			content.put("undeliveredDays", forgotten.undeliveredDays());
			return content;
		}, locale, request, response));
		model.addAttribute("deskCounts", html.counts());
		model.addAttribute("deskReview", html.review());
		model.addAttribute("deskForgotten", html.forgotten());
		model.addAttribute("allRegions", scope.isAll());
		model.addAttribute("regionNames", scope.isAll() ? java.util.List.of() : regionOptions.sortedNames(scope.regionIds()));
		model.addAttribute("noRegions", scope.isEmpty());
		// The ASAN service centres the person works at, each linked to its daily list: the reader's own,
		// so the kept page's key names them (below), as it names the regions — a colleague with the same
		// regions and other centres gets another page (staff work at every centre: none listed).
		java.util.Set<Long> centreIds = scope.isAll() ? java.util.Set.of() : handoverPoints.centresOf(user.id());
		model.addAttribute("myCentres", centreIds.isEmpty() ? java.util.List.of() : handoverPoints.shown()
			.stream()
			.filter(p -> centreIds.contains(p.id()))
			.map(p -> new Option(String.valueOf(p.id()), p.name(locale)))
			.toList());
		String centresKey = centreIds.stream().sorted().map(String::valueOf)
			.collect(java.util.stream.Collectors.joining(","));
		// The person's own letters sent back to them: the one part of the desk that is theirs alone.
		java.util.List<DeskLetters.Row> sentBack = deskLetters.sentBackTo(user.id(), scope, LIST_SIZE);
		model.addAttribute("sentBack", sentBack.isEmpty() ? ""
				: shells.keptPart(new SentBack(sentBack), "volunteer/desk-sent-back", () -> Map.of("sentBack", sentBack),
						locale, request, response));
		// The rest of the page is the same for every volunteer with these regions and centres (issue 17);
		// the lists, which change as letters do, are its holes.
		model.addAttribute(PageShell.ATTRIBUTE,
				PageShell.of("regions=" + key + "|centres=" + centresKey, "deskCounts", "deskReview", "deskForgotten", "sentBack")
					.sharing("allRegions", "regionNames", "noRegions", "myCentres"));
		return "volunteer/desk";
	}

	/**
	 * The desk's letters by status alone, read afresh: the desk asks for it in place after a quick action
	 * (htmx, on the action's deskChanged), so its figures follow the row that changed.
	 */
	@GetMapping("/volunteer/counts")
	String counts(@AuthenticationPrincipal SignedInUser user, Model model) {
		RegionScope scope = accounts.regionScope(user);
		model.addAttribute("counts", deskLetters.counts(scope));
		// and the forgotten lists' counts, which the answer puts in their places (a review saw them stale)
		model.addAttribute("freshForgottenCounts", forgotten.counts(scope));
		return "volunteer/desk-counts :: counts";
	}

	private Shared shared(RegionScope scope) {
		Map<LetterStatus, Long> counts = deskLetters.counts(scope);
		java.util.List<DeskLetters.Row> review = deskLetters.waitingForReview(scope, LIST_SIZE);
		Map<ForgottenLetters.Kind, Long> forgottenCounts = forgotten.counts(scope);
		Map<ForgottenLetters.Kind, java.util.List<ForgottenLetters.Row>> lists = new EnumMap<>(ForgottenLetters.Kind.class);
		for (ForgottenLetters.Kind kind : ForgottenLetters.Kind.values()) {
			lists.put(kind, forgotten.list(kind, scope, LIST_SIZE));
		}
		return new Shared(counts, review, forgottenCounts, lists);
	}

}
