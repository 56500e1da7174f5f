package az.asan.mektub.letter.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;

import az.asan.mektub.platform.web.Forms;
import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.handover.HandoverPoint;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.PaperTree;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Printing the paper tree of a service centre: the volunteer chooses letters of their regions and a
 * centre, and gets an A4 sheet of tags to cut and hang. The letters are then marked as hanging there.
 */
@Controller
class PaperTreeController {

	static final int TAGS_PER_PAGE = 8;

	private final PaperTree paperTree;

	private final AccountManagement accounts;

	private final HandoverPoints handoverPoints;

	private final RegionOptions regionOptions;

	private final az.asan.mektub.region.Regions regions;

	PaperTreeController(PaperTree paperTree, AccountManagement accounts, HandoverPoints handoverPoints,
			RegionOptions regionOptions, az.asan.mektub.region.Regions regions) {
		this.paperTree = paperTree;
		this.accounts = accounts;
		this.handoverPoints = handoverPoints;
		this.regionOptions = regionOptions;
		this.regions = regions;
	}

	@GetMapping("/volunteer/paper-tree")
	String initPrintForm(@AuthenticationPrincipal SignedInUser user, Model model, Locale locale) {
		model.addAttribute("paperTreeForm", PaperTreeForm.empty());
		return form(accounts.regionScope(user), model, locale);
	}

	@PostMapping("/volunteer/paper-tree")
	String processPrintForm(@AuthenticationPrincipal SignedInUser user, @Valid PaperTreeForm paperTreeForm,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		RegionScope scope = accounts.regionScope(user);
		Optional<HandoverPoint> centre = paperTreeForm.handoverPointId() == null ? Optional.empty()
				: point(paperTreeForm.handoverPointId(), scope);
		if (paperTreeForm.handoverPointId() != null && centre.isEmpty()) {
			Forms.reject(result, "handoverPointId", "paperTree.point.notYours");
		}
		// A centre's desk handles its own region's letters only: Quba's tags on a Baku tree would be stuck.
		if (paperTreeForm.regionId() != null && centre.isPresent()
				&& reporting(paperTreeForm.regionId()) != reporting(centre.get().regionId())) {
			Forms.reject(result, "regionId", "paperTree.region.notCentres");
		}
		if (paperTreeForm.regionId() != null && !scope.includes(paperTreeForm.regionId())) {
			Forms.reject(result, "regionId", "letter.region.notYours");
		}
		if (paperTreeForm.minAge() != null && paperTreeForm.maxAge() != null
				&& paperTreeForm.minAge() > paperTreeForm.maxAge()) {
			Forms.reject(result, "maxAge", "paperTree.ages.reversed");
		}
		if (result.hasErrors()) {
			return form(scope, model, locale);
		}
		Optional<Instant> printed = paperTree.print(paperTreeForm.choice(), paperTreeForm.handoverPointId(),
				centresRegions(scope, centre.orElseThrow().regionId()));
		if (printed.isEmpty()) {
			result.reject("paperTree.none");
			return form(scope, model, locale);
		}
		// as template variables, so that the view name (and its cached view) is the same for every sheet
		redirect.addAttribute("point", paperTreeForm.handoverPointId());
		redirect.addAttribute("at", printed.get().toString());
		return "redirect:/volunteer/paper-tree/sheet?point={point}&at={at}";
	}

	@GetMapping("/volunteer/paper-tree/sheet")
	String sheet(@AuthenticationPrincipal SignedInUser user, @RequestParam long point, @RequestParam String at,
			Model model) {
		RegionScope scope = accounts.regionScope(user);
		HandoverPoint centre = point(point, scope).orElseThrow(NotFound::new);
		Instant printedAt;
		try {
			printedAt = Instant.parse(at);
		}
		catch (DateTimeParseException ex) {
			throw new NotFound();
		}
		int year = printedAt.atZone(java.time.ZoneOffset.UTC).getYear();
		if (year < 1900 || year > 2199) {
			// bounded before the query, as every date from a request (PostgreSQL refuses year 999999999)
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
		}
		List<PaperTree.Tag> tags = paperTree.sheet(point, printedAt, scope);
		List<List<PaperTree.Tag>> pages = new ArrayList<>();
		for (int i = 0; i < tags.size(); i += TAGS_PER_PAGE) {
			pages.add(tags.subList(i, Math.min(tags.size(), i + TAGS_PER_PAGE)));
		}
		model.addAttribute("centre", centre);
		model.addAttribute("tags", tags);
		model.addAttribute("pages", pages);
		model.addAttribute("printedAt", printedAt);
		return "volunteer/paper-sheet";
	}

	private String form(RegionScope scope, Model model, Locale locale) {
		model.addAttribute("pointOptions", handoverPoints.accepting().stream()
			.filter(p -> scope.includes(p.regionId()))
			.map(p -> new Option(String.valueOf(p.id()), p.name(locale)))
			.toList());
		model.addAttribute("regionOptions", regionOptions.where(r -> r.acceptsLetters() && scope.includes(r.id())));
		return "volunteer/paper-tree";
	}

	/** The region a region reports to: itself, or Baku for one of its city districts. */
	private int reporting(int regionId) {
		return regions.byId(regionId).map(az.asan.mektub.region.Region::reportingRegionId).orElse(regionId);
	}

	/** The person's regions that belong to the centre's region: whose letters its desk handles. */
	private RegionScope centresRegions(RegionScope scope, int centreRegionId) {
		int centre = reporting(centreRegionId);
		return RegionScope.of(regions.all()
			.stream()
			.filter(r -> r.reportingRegionId() == centre && scope.includes(r.id()))
			.map(az.asan.mektub.region.Region::id)
			.collect(java.util.stream.Collectors.toSet()));
	}

	private Optional<HandoverPoint> point(long id, RegionScope scope) {
		return handoverPoints.byId(id).filter(p -> p.accepting() && scope.includes(p.regionId()));
	}

}
