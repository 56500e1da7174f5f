package az.asan.mektub.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;

import org.springframework.core.io.ClassPathResource;

/**
 * Where the demo's (and the benchmark's) children live: as the country's children do. Each economic
 * region gets letters in proportion to its share of the population ({@code demo/population-share.csv}:
 * State Statistics Committee of Azerbaijan, 1 January 2024, as reported by Trend News Agency on
 * 14 February 2024; Bakı 23 %); within an economic region the letters are spread evenly over its
 * districts (the published figures stop at the economic region), Bakı's over its twelve city districts.
 * Every count is split exactly (largest remainders, ties in a fixed order), so the demo's totals stay the
 * program's and two loads give the same figures.
 */
public final class RegionalSpread {

	private static final String SHARES = "demo/population-share.csv";

	/** Economic regions, largest first, each with its share and its first-level units in a fixed order. */
	private final List<Economic> economic;

	private final Regions regions;

	private record Economic(int id, BigDecimal share, List<Region> units) {
	}

	private RegionalSpread(Regions regions, List<Economic> economic) {
		this.regions = regions;
		this.economic = economic;
	}

	/** The spread for these regions, with the shares the application carries. */
	public static RegionalSpread of(Regions regions) {
		Map<String, BigDecimal> shares = shares();
		List<Economic> economic = new ArrayList<>();
		for (var e : regions.economicRegions()) {
			BigDecimal share = shares.get(e.name().az());
			if (share == null) {
				throw new IllegalStateException("No population share for the economic region " + e.name().az());
			}
			List<Region> units = regions.acceptingLetters()
				.stream()
				.filter(r -> r.parentId() == null && r.economicRegion().id() == e.id())
				// a city before the districts: the program reaches towns first
				.sorted(Comparator.comparing((Region r) -> !"city".equals(r.type())).thenComparing(Region::code))
				.toList();
			if (!units.isEmpty()) {
				economic.add(new Economic(e.id(), share, units));
			}
		}
		economic.sort(Comparator.comparing(Economic::share).reversed().thenComparing(Economic::id));
		return new RegionalSpread(regions, List.copyOf(economic));
	}

	/**
	 * The first {@code count} first-level regions a growing program reaches: one in every economic
	 * region, the largest first, then a second in each, and so on.
	 */
	public List<Integer> reached(int count) {
		List<Integer> reached = new ArrayList<>();
		for (int round = 0; reached.size() < count; round++) {
			boolean any = false;
			for (Economic e : economic) {
				if (round < e.units().size() && reached.size() < count) {
					reached.add(e.units().get(round).id());
					any = true;
				}
			}
			if (!any) {
				break;
			}
		}
		return List.copyOf(reached);
	}

	/**
	 * Exactly {@code count} region ids, one a letter, spread over the {@code reached} first-level
	 * regions by population (a first-level region's letters go to its city districts where it has them).
	 * {@code LetterSeeding} takes the i-th letter's region from a list this long by a step prime to its
	 * length, so each id is used exactly as often as it appears here.
	 */
	public List<Integer> letters(int count, List<Integer> reached) {
		Map<Economic, List<Region>> present = new LinkedHashMap<>();
		for (Economic e : economic) {
			List<Region> units = e.units().stream().filter(r -> reached.contains(r.id())).toList();
			if (!units.isEmpty()) {
				present.put(e, units);
			}
		}
		List<Economic> economicPresent = List.copyOf(present.keySet());
		int[] perEconomic = split(count, economicPresent.stream().map(Economic::share).toList());
		List<Integer> ids = new ArrayList<>(count);
		for (int i = 0; i < economicPresent.size(); i++) {
			List<Integer> places = new ArrayList<>();
			for (Region unit : present.get(economicPresent.get(i))) {
				List<Integer> districts = regions.all().stream().filter(r -> Integer.valueOf(unit.id()).equals(r.parentId()))
					.sorted(Comparator.comparing(Region::code)).map(Region::id).toList();
				places.addAll(districts.isEmpty() ? List.of(unit.id()) : districts);
			}
			// evenly over the places of the economic region; the remainder to the first in order
			int[] perPlace = split(perEconomic[i], places.stream().map(p -> BigDecimal.ONE).toList());
			for (int p = 0; p < places.size(); p++) {
				for (int n = 0; n < perPlace[p]; n++) {
					ids.add(places.get(p));
				}
			}
		}
		return List.copyOf(ids);
	}

	/**
	 * {@code size} region ids over every region that takes letters, each as often as its share of the
	 * country's children: for a generator that picks from the list evenly (the benchmark's).
	 */
	public List<Integer> weighted(int size) {
		return letters(size, reached(Integer.MAX_VALUE));
	}

	/** {@code total} split in proportion to the weights, by largest remainders; ties go to the earlier. */
	static int[] split(int total, List<BigDecimal> weights) {
		int[] parts = new int[weights.size()];
		if (weights.isEmpty()) {
			return parts;
		}
		BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		double[] remainders = new double[weights.size()];
		int given = 0;
		for (int i = 0; i < parts.length; i++) {
			double exact = total * weights.get(i).doubleValue() / sum.doubleValue();
			parts[i] = (int) Math.floor(exact);
			remainders[i] = exact - parts[i];
			given += parts[i];
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < parts.length; i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparing(i -> i));
		for (int k = 0; given < total; k = (k + 1) % parts.length) {
			parts[order.get(k)]++;
			given++;
		}
		return parts;
	}

	private static Map<String, BigDecimal> shares() {
		Map<String, BigDecimal> shares = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(SHARES).getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					String[] cells = line.split(",");
					shares.put(cells[0].strip(), new BigDecimal(cells[1].strip()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return shares;
	}

}
