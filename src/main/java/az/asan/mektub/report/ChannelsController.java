package az.asan.mektub.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import az.asan.mektub.handover.HandoverPoint;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.AdoptionChannels;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.region.Regions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Adoptions online and at service centres, per region (Baku's districts in Baku) and per centre. */
@Controller
class ChannelsController {

	record Row(String name, long online, long atCentres) {
	}

	private final AdoptionChannels channels;

	private final Regions regions;

	private final RegionOptions regionOptions;

	private final HandoverPoints handoverPoints;

	ChannelsController(AdoptionChannels channels, Regions regions, RegionOptions regionOptions,
			HandoverPoints handoverPoints) {
		this.channels = channels;
		this.regions = regions;
		this.regionOptions = regionOptions;
		this.handoverPoints = handoverPoints;
	}

	@GetMapping("/reports/channels")
	String channels(Model model, Locale locale) {
		Map<Integer, long[]> byRegion = new LinkedHashMap<>();
		long online = 0;
		long atCentres = 0;
		for (AdoptionChannels.Count c : channels.byRegion()) {
			int key = regions.byId((int) c.key()).map(Region::reportingRegionId).orElse((int) c.key());
			long[] sums = byRegion.computeIfAbsent(key, k -> new long[2]);
			sums[0] += c.online();
			sums[1] += c.atCentres();
			online += c.online();
			atCentres += c.atCentres();
		}
		List<Row> regionRows = new ArrayList<>();
		byRegion.forEach((id, sums) -> regionRows.add(new Row(regionOptions.name(id), sums[0], sums[1])));
		regionRows.sort((a, b) -> Long.compare(b.online() + b.atCentres(), a.online() + a.atCentres()));
		Map<Long, HandoverPoint> points = new LinkedHashMap<>();
		handoverPoints.all().forEach(p -> points.put(p.id(), p));
		List<Row> centreRows = channels.byCentre().stream()
			.filter(c -> points.containsKey(c.key()))
			.map(c -> new Row(points.get(c.key()).name(locale), 0, c.atCentres()))
			.sorted((a, b) -> Long.compare(b.atCentres(), a.atCentres()))
			.toList();
		model.addAttribute("regionRows", regionRows);
		model.addAttribute("centreRows", centreRows);
		model.addAttribute("total", new Row("", online, atCentres));
		return "reports/channels";
	}

}
