package az.asan.mektub.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.handover.HandoverPoint;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.query.AdoptionChannels;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.i18n.Collation;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.i18n.Option;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Adoptions online and at service centres, per region (Baku's districts in Baku) and per centre, on the
 * page and as CSV or XLSX. Counts only: a walk-in donor's name and phone are on the letter's own page.
 * By default the open campaigns only: letters were taken at centres only since paper trees came, so a
 * split over the whole history (also a choice, "all") compares a decade online with one campaign.
 */
@Controller
class ChannelsController {

	record Row(String name, long online, long atCentres) {
	}

	private final AdoptionChannels channels;

	private final Regions regions;

	private final RegionOptions regionOptions;

	private final HandoverPoints handoverPoints;

	private final Messages messages;

	private final CampaignOptions campaignOptions;

	private final Collation collation;

	ChannelsController(AdoptionChannels channels, Regions regions, RegionOptions regionOptions,
			HandoverPoints handoverPoints, Messages messages, CampaignOptions campaignOptions, Collation collation) {
		this.collation = collation;
		this.campaignOptions = campaignOptions;
		this.messages = messages;
		this.channels = channels;
		this.regions = regions;
		this.regionOptions = regionOptions;
		this.handoverPoints = handoverPoints;
	}

	/** The report's rows: per region (Baku's districts in Baku), per centre, and the totals. */
	private record Report(List<Row> regionRows, List<Row> centreRows, Row total) {
	}

	/** Which campaigns: "" the open ones (the default), "all" the whole history, or one campaign's id. */
	private record Scope(String value, List<Long> campaigns, String description) {
	}

	private Scope scope(String campaign, Locale locale) {
		if ("all".equals(campaign)) {
			return new Scope("all", null, messages.get("reports.channels.scopeAll"));
		}
		List<Option> all = campaignOptions.all(locale);
		for (Option option : all) {
			if (option.value().equals(campaign)) {
				return new Scope(option.value(), List.of(Long.valueOf(option.value())),
						messages.get("reports.channels.scopeOne", option.label()));
			}
		}
		List<Option> open = campaignOptions.takingLetters(locale);
		return new Scope("", open.stream().map(o -> Long.valueOf(o.value())).toList(), messages.get(
				"impact.channels.scope", open.size(), String.join(", ", open.stream().map(Option::label).toList())));
	}

	@GetMapping("/reports/channels")
	String channels(@RequestParam(required = false) String campaign, Model model, Locale locale) {
		Scope scope = scope(campaign, locale);
		Report report = report(scope.campaigns(), locale);
		model.addAttribute("regionRows", report.regionRows());
		model.addAttribute("centreRows", report.centreRows());
		model.addAttribute("total", report.total());
		model.addAttribute("campaign", scope.value());
		model.addAttribute("scope", scope.description());
		model.addAttribute("campaignOptions", campaignOptions.all(locale));
		model.addAttribute("exportQuery", scope.value().isEmpty() ? "" : "?campaign=" + scope.value());
		return "reports/channels";
	}

	/** The same counts as a table to download: a row per region, then a row per centre. Counts only. */
	@GetMapping("/reports/channels.{format:csv|xlsx}")
	ResponseEntity<byte[]> channelsExport(@PathVariable String format,
			@RequestParam(required = false) String campaign, Locale locale) {
		Report report = report(scope(campaign, locale).campaigns(), locale);
		List<List<Object>> rows = new ArrayList<>();
		for (Row r : report.regionRows()) {
			rows.add(List.of(messages.get("letterForm.region"), r.name(), r.online(), r.atCentres()));
		}
		rows.add(List.of(messages.get("letterForm.region"), messages.get("reports.channels.totalRow"),
				report.total().online(), report.total().atCentres()));
		for (Row r : report.centreRows()) {
			rows.add(List.of(messages.get("paperTree.point"), r.name(), "", r.atCentres()));
		}
		return new TableExport("asan-mektub-channels", List.of(messages.get("reports.col.list"),
				messages.get("reports.channels.col.name"), messages.get("reports.channels.online"),
				messages.get("reports.channels.atCentres")), rows, locale)
			.as(format);
	}

	private Report report(List<Long> campaigns, Locale locale) {
		Map<Integer, long[]> byRegion = new LinkedHashMap<>();
		long online = 0;
		long atCentres = 0;
		for (AdoptionChannels.Count c : channels.byRegion(campaigns)) {
			int key = regions.byId((int) c.key()).map(Region::reportingRegionId).orElse((int) c.key());
			long[] sums = byRegion.computeIfAbsent(key, k -> new long[2]);
			sums[0] += c.online();
			sums[1] += c.atCentres();
			online += c.online();
			atCentres += c.atCentres();
		}
		List<Row> regionRows = new ArrayList<>();
		byRegion.forEach((id, sums) -> regionRows.add(new Row(regionOptions.name(id), sums[0], sums[1])));
		// most first; equal counts in the reader's alphabetical order
		regionRows.sort(Comparator.comparingLong((Row r) -> -(r.online() + r.atCentres()))
			.thenComparing(Row::name, collation.order(regionRows.stream().map(Row::name).toList(), locale)));
		Map<Long, HandoverPoint> points = new LinkedHashMap<>();
		handoverPoints.all().forEach(p -> points.put(p.id(), p));
		List<Row> centreRows = channels.byCentre(campaigns).stream()
			.filter(c -> points.containsKey(c.key()))
			.map(c -> new Row(points.get(c.key()).name(locale), 0, c.atCentres()))
			.toList();
		centreRows = centreRows.stream()
			.sorted(Comparator.comparingLong((Row r) -> -r.atCentres())
				.thenComparing(Row::name, collation.order(centreRows.stream().map(Row::name).toList(), locale)))
			.toList();
		return new Report(regionRows, centreRows, new Row("", online, atCentres));
	}

}
