package az.asan.mektub.tree;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.LetterImages;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.region.Regions;
import az.asan.mektub.system.Formats;
import az.asan.mektub.system.Links;
import az.asan.mektub.system.Messages;
import az.asan.mektub.system.NotFound;
import az.asan.mektub.system.Option;
import az.asan.mektub.system.Pager;
import az.asan.mektub.system.QrCodes;
import az.asan.mektub.system.ShortLivedCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.util.DigestUtils;

/** The public tree, a letter's public page, its shareable picture and its QR code. */
@Controller
class TreeController {

	private final TreeQueries queries;

	private final Campaigns campaigns;

	private final Regions regions;

	private final RegionOptions regionOptions;

	private final LetterImages images;

	private final QrCodes qrCodes;

	private final Links links;

	private final Messages messages;

	private final SpringTemplateEngine templates;

	private final ApplicationContext applicationContext;

	private final ShortLivedCache<String> bodies;

	TreeController(TreeQueries queries, Campaigns campaigns, Regions regions, RegionOptions regionOptions,
			LetterImages images, QrCodes qrCodes, Links links, Messages messages, SpringTemplateEngine templates,
			ApplicationContext applicationContext, @Value("${asan.tree.cache-seconds:5}") int cacheSeconds) {
		this.queries = queries;
		this.campaigns = campaigns;
		this.regions = regions;
		this.regionOptions = regionOptions;
		this.images = images;
		this.qrCodes = qrCodes;
		this.links = links;
		this.messages = messages;
		this.templates = templates;
		this.applicationContext = applicationContext;
		this.bodies = new ShortLivedCache<>(Duration.ofSeconds(cacheSeconds), 5_000);
	}

	/**
	 * The tree. Its content is the same for everyone who asks the same question in the same language,
	 * so it is rendered once every few seconds and placed into the page, whose layout (the visitor's
	 * name, their menu) is rendered for each.
	 */
	@GetMapping("/tree")
	String tree(@ModelAttribute("filter") TreeFilter filter, BindingResult ignoredMistypedValues, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		String key = locale.getLanguage() + "|" + request.getContextPath() + "|" + request.getQueryString();
		model.addAttribute("treeBody", bodies.get(key, () -> renderBody(filter, locale, request, response)));
		return "tree/tree";
	}

	private String renderBody(TreeFilter filter, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Map<String, Object> model = new HashMap<>();
		List<Campaign> open = campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.OPEN);
		Campaign campaign = open.stream()
			.filter(c -> c.getId().equals(filter.campaign()))
			.findFirst()
			.orElse(open.isEmpty() ? null : open.get(0));
		model.put("campaignOptions", open.stream().map(c -> new Option(String.valueOf(c.getId()), c.name(locale))).toList());
		model.put("economicRegionOptions", regionOptions.economicRegions());
		model.put("regionGroups", regionGroups(locale));
		model.put("categoryOptions", messages.options("category.", Category.values()));
		model.put("genderOptions", messages.options("gender.", Gender.values()));
		model.put("ageOptions", IntStream.rangeClosed(0, 18).mapToObj(a -> new Option(String.valueOf(a), String.valueOf(a))).toList());
		model.put("shakeUrl", links.withParam("shake", ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)));
		model.put("treeViewUrl", links.withParam("view", "tree"));
		model.put("listViewUrl", links.withParam("view", "list"));
		model.put("filter", filter);
		model.put("campaign", campaign);
		if (campaign != null) {
			TreeFilter applied = filter.withCampaign(campaign.getId());
			TreeQueries.Page page = queries.page(applied, campaign.getId());
			model.put("filter", applied);
			model.put("page", page);
			model.put("drawing", TreeLayout.place(page.letters()));
			model.put("regionNames", regionOptions.names());
			model.put("pager", filter.shaken() ? null : Pager.of(applied.page(), page.total(), TreeFilter.PAGE_SIZE));
		}
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), locale, model);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(applicationContext, null));
		return templates.process("tree/body", context);
	}

	@GetMapping("/letters/{code}")
	String letter(@PathVariable String code, Model model) {
		TreeLetter letter = queries.published(code).orElseThrow(NotFound::new);
		Campaign campaign = campaigns.findById(letter.campaignId()).orElseThrow(NotFound::new);
		model.addAttribute("letter", letter);
		model.addAttribute("campaign", campaign);
		model.addAttribute("dueIfAdoptedToday", campaign.holdDueDate(LocalDate.now(Formats.BAKU)));
		return "tree/letter";
	}

	/** A donor sent to sign in on the way to adopting lands back on the letter. */
	@GetMapping("/letters/{code}/adopt")
	String adoptAfterSignIn(@PathVariable String code) {
		return "redirect:/letters/" + code;
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
			.body(qrCodes.svg(links.absolute("/letters/" + code)));
	}

	/** Regions grouped by economic region, for the region filter's option groups. */
	private Map<String, List<Option>> regionGroups(Locale locale) {
		Map<String, List<Option>> groups = new LinkedHashMap<>();
		regions.economicRegions().forEach(e -> groups.put(e.name(locale), regionOptions.where(
				r -> r.economicRegion().id() == e.id() && r.acceptsLetters() && r.parentId() == null)));
		groups.values().removeIf(List::isEmpty);
		return groups;
	}

}
