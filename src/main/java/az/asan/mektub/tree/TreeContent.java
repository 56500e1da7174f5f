package az.asan.mektub.tree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.LetterCounts;
import az.asan.mektub.letter.query.PaperTreeLocations;
import az.asan.mektub.letter.query.TreeLetter;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.web.Links;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.AnonymousPages;
import az.asan.mektub.platform.web.PageShells;
import az.asan.mektub.platform.i18n.Option;
import az.asan.mektub.platform.web.Pager;
import az.asan.mektub.platform.database.QueryRecords;
import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The tree's content: the same for everyone who asks the same question in the same language, so it is
 * rendered once every few seconds ({@link CacheConfiguration#TREE_BODIES}) and placed into each
 * visitor's page, whose layout (their name, their menu) is theirs.
 */
@Component
class TreeContent {

	/**
	 * The program takes letters from children aged 3 to 14 (a campaign's own range defaults to it): the
	 * tree's age filter offers these ages.
	 */
	static final int PROGRAM_MIN_AGE = 3;

	static final int PROGRAM_MAX_AGE = 14;

	/** A filter in use, shown as a chip that removes it (on a phone the form itself hides behind a button). */
	record Chip(String label, String removeUrl) {
	}

	private final TreeQueries queries;

	private final Campaigns campaigns;

	private final RegionOptions regionOptions;

	private final Links links;

	private final Messages messages;

	private final PageShells shells;

	private final Cache bodies;

	/** The whole tree kept for visitors without a session ({@link #keptForVisitors()}). */
	private final AnonymousPages anonymousPages;

	private final HandoverPoints handoverPoints;

	private final PaperTreeLocations paperTreeLocations;

	private final QueryRecords queryRecords;

	private final LetterCounts letterCounts;

	TreeContent(TreeQueries queries, Campaigns campaigns, RegionOptions regionOptions, Links links, Messages messages,
			PageShells shells, CacheManager caches, HandoverPoints handoverPoints,
			PaperTreeLocations paperTreeLocations, QueryRecords queryRecords, LetterCounts letterCounts,
			AnonymousPages anonymousPages) {
		this.anonymousPages = anonymousPages;
		this.queries = queries;
		this.campaigns = campaigns;
		this.regionOptions = regionOptions;
		this.links = links;
		this.messages = messages;
		this.shells = shells;
		this.bodies = caches.getCache(CacheConfiguration.TREE_BODIES);
		this.handoverPoints = handoverPoints;
		this.paperTreeLocations = paperTreeLocations;
		this.queryRecords = queryRecords;
		this.letterCounts = letterCounts;
	}

	/** The tree is kept whole for visitors without a session, and made afresh with its content (below). */
	@org.springframework.context.annotation.Bean
	static AnonymousPages.Path keptForVisitors() {
		return new AnonymousPages.Path("/tree");
	}

	/** A campaign opened or closed changes which letters hang on the tree: made afresh at once. */
	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	public void on(az.asan.mektub.campaign.CampaignStatusChanged change) {
		bodies.clear();
		anonymousPages.forget();
	}

	/**
	 * Many letters changed at once (a paper tree printed, retention, an import): the lists are made afresh.
	 * One letter's change leaves them their few seconds (an adoption rush would otherwise render the tree
	 * for every press); its own page says at once what became of it.
	 */
	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	public void on(az.asan.mektub.letter.LetterChanged change) {
		if (change.isMany()) {
			bodies.clear();
			anonymousPages.forget();
		}
	}

	/** The content for this request's question and language, kept for a few seconds. */
	String body(Locale locale, HttpServletRequest request, HttpServletResponse response) {
		// kept by its question; the filter is read from the query only when the content is made afresh
		// (a mistyped value is not applied)
		return shells.keptPart(bodies, String.valueOf(request.getQueryString()), "tree/body",
				() -> bodyModel(queryRecords.bind(TreeFilter.class, request), locale, request), locale, request, response);
	}

	private Map<String, ?> bodyModel(TreeFilter filter, Locale locale, HttpServletRequest request) {
		Map<String, Object> model = new HashMap<>();
		List<Campaign> open = campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.OPEN);
		Campaign campaign = open.stream()
			.filter(c -> c.getId().equals(filter.campaign()))
			.findFirst()
			.orElseGet(() -> running(open));
		List<Option> campaignOptions = CampaignOptions.of(open, locale);
		List<Option> economicRegionOptions = regionOptions.economicRegions();
		model.put("campaignOptions", campaignOptions);
		model.put("economicRegionOptions", economicRegionOptions);
		model.put("regionGroups", regionGroups(locale));
		model.put("categoryOptions", messages.options("category.", Category.values()));
		model.put("genderOptions", messages.options("gender.", Gender.values()));
		model.put("ageOptions", IntStream.rangeClosed(PROGRAM_MIN_AGE, PROGRAM_MAX_AGE).mapToObj(a -> new Option(String.valueOf(a), String.valueOf(a))).toList());
		model.put("shakeUrl", links.withParam("shake", ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)));
		model.put("unshakenUrl", without("shake"));
		model.put("treeViewUrl", links.withParam("view", "tree"));
		model.put("listViewUrl", links.withParam("view", "list"));
		model.put("filter", filter);
		model.put("rangeSwapped", filter.swappedIn(request));
		model.put("campaign", campaign);
		if (campaign != null) {
			TreeFilter applied = filter.withCampaign(campaign.getId());
			TreeQueries.Page page = queries.page(applied, campaign.getId());
			if (page.letters().isEmpty() && page.total() > 0 && applied.page() > 1) {
				// A page past the end (an old link, a typed number) shows the last page instead of nothing.
				applied = applied.withPage((int) ((page.total() + TreeFilter.PAGE_SIZE - 1) / TreeFilter.PAGE_SIZE));
				page = queries.page(applied, campaign.getId());
			}
			model.put("filter", applied);
			model.put("page", page);
			model.put("drawing", TreeLayout.place(page.letters()));
			model.put("onPaper", onPaper(page.letters(), locale));
			model.put("regionNames", regionOptions.names());
			model.put("pager", filter.shaken() ? null : Pager.of(applied.page(), page.total(), TreeFilter.PAGE_SIZE));
		}
		model.put("chips", chips(filter, campaignOptions, economicRegionOptions));
		return model;
	}

	/**
	 * The tree's campaign when the visitor chose none: the open campaign running now that has letters on
	 * the tree (one opened early, its letters still to come, hides nothing), else the one running now.
	 */
	private Campaign running(List<Campaign> open) {
		LocalDate today = LocalDate.now(Formats.BAKU);
		java.util.Set<Long> withLetters = new java.util.HashSet<>();
		letterCounts.of(open.stream().map(Campaign::getId).toList())
			.stream()
			.filter(c -> c.status() == LetterStatus.PUBLISHED && c.letters() > 0)
			.forEach(c -> withLetters.add(c.campaignId()));
		return Campaign.running(open.stream().filter(c -> withLetters.contains(c.getId())).toList(), today)
			.or(() -> Campaign.running(open, today))
			.orElse(null);
	}

	/**
	 * A letter that also hangs on a service centre's paper tree: the centre, said in full on the phone's
	 * cards and the list, and cut to the width of a card on the drawn tree.
	 */
	record OnPaper(String said, String cardLine, String cardLineEnd) {
	}

	/** Letters are drawn on cards of 170 units: about this many characters of the small type fit a line. */
	private static final int CARD_LINE = 24;

	/**
	 * Which letters of the page also hang on a centre's paper tree, by code: one query for the page, and
	 * the centres (a short list) only when some letter hangs at one.
	 */
	private Map<String, OnPaper> onPaper(List<TreeLetter> letters, Locale locale) {
		Map<String, Long> points = paperTreeLocations.of(letters.stream().map(TreeLetter::code).toList());
		Map<String, OnPaper> marks = new HashMap<>();
		if (!points.isEmpty()) {
			Map<Long, String> centres = new HashMap<>();
			handoverPoints.all().forEach(p -> centres.put(p.id(), p.name(locale)));
			points.forEach((code, point) -> {
				String centre = centres.get(point);
				if (centre != null) {
					String short_ = messages.get("tree.card.alsoAtShort", centre);
					marks.put(code, new OnPaper(messages.get("tree.card.alsoAt", centre), cardLine(short_),
							cardLineEnd(short_)));
				}
			});
		}
		return marks;
	}

	/** The line cut at a word to fit a card, as the wish is ({@link TreeLetter#wishLine}). */
	private static String cardLine(String line) {
		if (line.length() <= CARD_LINE) {
			return line;
		}
		int cut = line.lastIndexOf(' ', CARD_LINE - 1);
		return line.substring(0, cut > CARD_LINE / 2 ? cut : CARD_LINE - 1) + "…";
	}

	/**
	 * The second line of a centre's name on a drawn card, so that Baku's four centres can be told apart:
	 * what the first line cut off, or its end after "…" when that is too long for one line as well;
	 * empty when the first line said it all.
	 */
	static String cardLineEnd(String line) {
		String first = cardLine(line);
		if (first.equals(line)) {
			return "";
		}
		String rest = line.substring(first.length() - 1).strip();
		if (rest.length() <= CARD_LINE) {
			return rest;
		}
		int from = line.indexOf(' ', line.length() - CARD_LINE + 1);
		return "…" + line.substring(from > 0 && from < line.length() - CARD_LINE / 2 ? from + 1 : line.length() - CARD_LINE + 1);
	}

	/** The filters in use, each with the address of the same tree without it. */
	private List<Chip> chips(TreeFilter filter, List<Option> campaignOptions, List<Option> economicRegionOptions) {
		List<Chip> chips = new ArrayList<>();
		if (campaignOptions.size() > 1 && filter.campaign() != null) {
			chip(chips, "campaign", "letterForm.campaign", label(campaignOptions, filter.campaign()));
		}
		if (!filter.q().isEmpty()) {
			chip(chips, "q", "tree.q", filter.q());
		}
		if (filter.economicRegion() != null) {
			chip(chips, "economicRegion", "tree.economicRegion", label(economicRegionOptions, filter.economicRegion()));
		}
		if (filter.region() != null) {
			chip(chips, "region", "letterForm.region", regionOptions.names().get(filter.region()));
		}
		chip(chips, "ageMin", "tree.ageMin", filter.ageMin());
		chip(chips, "ageMax", "tree.ageMax", filter.ageMax());
		if (filter.gender() != null) {
			chip(chips, "gender", "letterForm.gender", messages.get("gender." + filter.gender().name()));
		}
		if (filter.category() != null) {
			chip(chips, "category", "letterForm.category", messages.get("category." + filter.category().name()));
		}
		chip(chips, "costMin", "tree.costMin", filter.costMin() == null ? null : filter.costMin().toPlainString());
		chip(chips, "costMax", "tree.costMax", filter.costMax() == null ? null : filter.costMax().toPlainString());
		return chips;
	}

	private void chip(List<Chip> chips, String param, String labelKey, Object value) {
		if (value != null) {
			String url = without(param);
			chips.add(new Chip(messages.get(labelKey) + ": " + value, url));
		}
	}

	private static String without(String param) {
		return Links.current(java.util.Map.of(), "page", param);
	}

	private static String label(List<Option> options, Object value) {
		return options.stream().filter(o -> o.value().equals(String.valueOf(value))).map(Option::label).findFirst()
			.orElse(String.valueOf(value));
	}

	/** Regions grouped by economic region, for the region filter's option groups. */
	private Map<String, List<Option>> regionGroups(Locale locale) {
		Map<String, List<Option>> groups = new LinkedHashMap<>();
		// the economic regions in the reader's alphabetical order, as the regions within them
		regionOptions.economicRegions().forEach(e -> groups.put(e.label(), regionOptions.where(
				r -> String.valueOf(r.economicRegion().id()).equals(e.value()) && r.acceptsLetters() && r.parentId() == null)));
		groups.values().removeIf(List::isEmpty);
		return groups;
	}

}
