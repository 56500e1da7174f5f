package az.asan.mektub.tree;

import java.time.Duration;
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

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.LetterImages;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.PaperTree;
import az.asan.mektub.letter.query.LetterCounts;
import az.asan.mektub.letter.query.PaperTreeLocations;
import az.asan.mektub.letter.query.TreeLetter;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.web.Links;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.TemplateFragments;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.i18n.Option;
import az.asan.mektub.platform.web.PageShell;
import az.asan.mektub.platform.web.Pager;
import az.asan.mektub.tree.QrCodes;
import az.asan.mektub.platform.database.QueryRecords;
import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.context.request.WebRequest;
import org.springframework.util.DigestUtils;

/** The public tree, a letter's public page, its shareable picture and its QR code. */
@Controller
class TreeController {

	/** The program's ages (product.md): the tree's age filter offers these. */
	static final int PROGRAM_MIN_AGE = 3;

	static final int PROGRAM_MAX_AGE = 14;

	private final TreeQueries queries;

	private final Campaigns campaigns;

	private final Regions regions;

	private final RegionOptions regionOptions;

	private final LetterImages images;

	private final QrCodes qrCodes;

	private final Links links;

	private final Messages messages;

	private final TemplateFragments fragments;

	private final Cache bodies;

	private final Cache letterPages;

	/** A filter in use, shown as a chip that removes it (on a phone the form itself hides behind a button). */
	record Chip(String label, String removeUrl) {
	}

	private final AccountManagement accounts;

	private final PaperTree paperTree;

	private final HandoverPoints handoverPoints;

	private final PaperTreeLocations paperTreeLocations;

	private final QueryRecords queryRecords;

	private final org.springframework.beans.factory.ObjectProvider<LetterPageReader> readers;

	private final LetterCounts letterCounts;

	TreeController(LetterCounts letterCounts, QueryRecords queryRecords, AccountManagement accounts, PaperTree paperTree, PaperTreeLocations paperTreeLocations,
			HandoverPoints handoverPoints, TreeQueries queries, Campaigns campaigns, Regions regions, RegionOptions regionOptions,
			LetterImages images, QrCodes qrCodes, Links links, Messages messages, TemplateFragments fragments,
			CacheManager caches, org.springframework.beans.factory.ObjectProvider<LetterPageReader> readers) {
		this.readers = readers;
		this.letterCounts = letterCounts;
		this.queryRecords = queryRecords;
		this.accounts = accounts;
		this.paperTree = paperTree;
		this.paperTreeLocations = paperTreeLocations;
		this.handoverPoints = handoverPoints;
		this.queries = queries;
		this.campaigns = campaigns;
		this.regions = regions;
		this.regionOptions = regionOptions;
		this.images = images;
		this.qrCodes = qrCodes;
		this.links = links;
		this.messages = messages;
		this.fragments = fragments;
		this.bodies = caches.getCache(CacheConfiguration.TREE_BODIES);
		this.letterPages = caches.getCache(CacheConfiguration.LETTER_PAGES);
	}

	/**
	 * The tree. Its content is the same for everyone who asks the same question in the same language,
	 * so it is rendered once every few seconds and placed into the page, whose layout (the visitor's
	 * name, their menu) is rendered for each.
	 */
	@GetMapping("/tree")
	String tree(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		String key = locale.getLanguage() + "|" + request.getContextPath() + "|" + request.getQueryString();
		// the filter is read from the query only when the content is made afresh (a mistyped value is not applied)
		model.addAttribute("treeBody", CacheConfiguration.get(bodies, key,
				() -> renderBody(queryRecords.bind(TreeFilter.class, request), locale, request, response)));
		// The page around it is the same for everyone with the same menu: kept, their name put in (issue 17).
		model.addAttribute(PageShell.ATTRIBUTE, PageShell.of("", "treeBody"));
		return "tree/tree";
	}

	private String renderBody(TreeFilter filter, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
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
		return fragments.render("tree/body", model, locale, request, response);
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

	/**
	 * A letter's public address lives as long as the letter: on the tree it offers adoption, taken it
	 * says so and shows similar letters still waiting, fulfilled it says the wish came true. A volunteer
	 * or staff member who scans a tag's QR code ({@code ?qr}) while signed in lands on the letter's
	 * working page, where the next step is, if the letter is in their regions.
	 */
	@GetMapping("/letters/{code}")
	String letter(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		// A child's wish is short-lived: search engines may follow the tree but should not keep the letter.
		model.addAttribute("noindex", true);
		if (!model.containsAttribute("success") && !model.containsAttribute("failure")) {
			// A volunteer or staff member who scans a tag lands on the letter's working page, in their regions.
			if (user != null && user.role() != Role.DONOR && request.getParameterMap().containsKey("qr")) {
				TreeQueries.PublicLetter found = queries.publicLetter(code).orElseThrow(NotFound::new);
				if (accounts.regionScope(user).includes(found.letter().regionId())) {
					return "redirect:/volunteer/letters/{code}";
				}
			}
			// The same for every visitor who has not signed in (nothing personal, no CSRF token), in a language;
			// and the same for everyone signed in, whose copy's adoption form gets the reader's own CSRF token
			// (issue 17: rendering it per request made the signed-in page a third of the anonymous one).
			// Keyed by all that shapes it: the language and the path prefix its links carry (a trusted proxy's).
			boolean signedIn = user != null;
			String key = (signedIn ? "signed-in|" : "") + locale.getLanguage() + "|" + request.getContextPath() + "|"
					+ code;
			LetterPage page = CacheConfiguration.get(letterPages, key, () -> {
				Map<String, Object> body = new HashMap<>();
				TreeLetter letter = letterModel(code, body);
				if (signedIn) {
					// what the reader may do here is theirs alone: a hole in the kept page, filled per request
					body.put(READER_PART, TemplateFragments.partPlaceholder(READER_PART));
				}
				return new LetterPage(messages.get("public.title", letter.firstName()),
						signedIn ? fragments.renderShared("tree/letter-body", body, locale, request, response)
								: fragments.render("tree/letter-body", body, locale, request, response),
						onPage(letter, body));
			});
			model.addAttribute("letterTitle", page.title());
			model.addAttribute("letterBody", signedIn ? TemplateFragments.withCsrf(TemplateFragments.withPart(page.body(),
					READER_PART, readerPart(page.letter(), user, locale, request, response)), request) : page.body());
			return "tree/letter";
		}
		// Right after an adoption was refused (its message is shown), the letter is read afresh.
		TreeQueries.PublicLetter found = queries.publicLetter(code).orElseThrow(NotFound::new);
		Map<String, Object> body = new HashMap<>();
		TreeLetter letter = letterModel(found, body);
		model.addAllAttributes(body);
		if (user != null) {
			model.addAttribute(READER_PART, TemplateFragments.withCsrf(
					readerPart(onPage(letter, body), user, locale, request, response), request));
		}
		model.addAttribute("letterTitle", messages.get("public.title", letter.firstName()));
		return "tree/letter";
	}

	/** The model attribute of the signed-in reader's own part of a letter's page ({@link LetterPageReader}). */
	static final String READER_PART = "readerPart";

	/** A letter's public page as rendered for visitors (signed in or not), kept for a few seconds. */
	private record LetterPage(String title, String body, LetterPageReader.LetterOnPage letter) {
	}

	private static LetterPageReader.LetterOnPage onPage(TreeLetter letter, Map<String, Object> body) {
		Campaign campaign = (Campaign) body.get("campaign");
		return new LetterPageReader.LetterOnPage(letter.code(), letter.firstName(), (LetterStatus) body.get("status"),
				campaign.getId(), campaign.getDonorLimit());
	}

	/** The signed-in reader's part: made for them by the module that owns adoption, or nothing. */
	private String readerPart(LetterPageReader.LetterOnPage letter, SignedInUser user, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		LetterPageReader reader = readers.getIfAvailable();
		return reader == null || user == null ? "" : reader.part(letter, user, locale, request, response);
	}

	private TreeLetter letterModel(String code, Map<String, Object> model) {
		return letterModel(queries.publicLetter(code).orElseThrow(NotFound::new), model);
	}

	private TreeLetter letterModel(TreeQueries.PublicLetter found, Map<String, Object> model) {
		TreeLetter letter = found.letter();
		Campaign campaign = campaigns.findById(letter.campaignId()).orElseThrow(NotFound::new);
		model.put("letter", letter);
		model.put("status", found.status());
		model.put("campaign", campaign);
		if (found.status() == LetterStatus.PUBLISHED) {
			model.put("dueIfAdoptedToday", campaign.holdDueDate(LocalDate.now(Formats.BAKU)));
			// printed for a service centre's paper tree, the letter hangs there too until someone takes it
			paperTree.hangingAt(found.letter().code()).flatMap(handoverPoints::byId)
				.ifPresent(centre -> model.put("paperTreeCentre", centre));
		}
		else if (found.status() != LetterStatus.FULFILLED) {
			model.put("similar", queries.similar(found.letter().code(), 6));
		}
		return letter;
	}

	/** A donor sent to sign in on the way to adopting lands back on the letter. */
	@GetMapping("/letters/{code}/adopt")
	String adoptAfterSignIn(@PathVariable String code) {
		return "redirect:/letters/{code}";
	}

	@GetMapping("/letters/{code}/picture.jpg")
	ResponseEntity<byte[]> picture(@PathVariable String code, WebRequest request) {
		byte[] picture = images.publicPicture(code).orElseThrow(NotFound::new);
		String etag = "\"" + DigestUtils.md5DigestAsHex(picture) + "\"";
		// Checked again on every view (a 304 while unchanged): a letter adopted or withdrawn must not
		// keep showing its picture from a shared cache.
		CacheControl revalidate = CacheControl.noCache().cachePrivate();
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(revalidate).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.eTag(etag)
			.cacheControl(revalidate)
			.body(picture);
	}

	/** The QR code of a letter's public page, for printed gift tags and tags on a physical tree. */
	@GetMapping(value = "/letters/{code}/qr.svg")
	ResponseEntity<String> qr(@PathVariable String code) {
		if (!code.matches("[0-9A-Z]{12}")) {
			throw new NotFound();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			// The address inside comes from asan.base-url, never from the request; kept a day by the
			// browser only, so a changed public address reaches printed tags soon.
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
			.body(qrCodes.svg(links.absolute("/letters/" + code + "?qr")));
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
