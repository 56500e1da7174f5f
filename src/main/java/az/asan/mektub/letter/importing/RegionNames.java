package az.asan.mektub.letter.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import az.asan.mektub.letter.privacy.PersonalDataCheck;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A region as a volunteer writes it in a file: its code ("AZ-SM", or "SM" without the country),
 * or its name in Azerbaijani, English or Russian, in any case and with or without the Azerbaijani
 * letters ("Sumqayıt", "sumqayit", "SUMQAYIT", "Сумгайыт"), folded as the search folds names
 * ({@link PersonalDataCheck#fold}, the twin of the database's {@code az_fold}). A spelling of the
 * other alphabet's sound ("Sumgait", "Сумгаит") is taken only when it fits one region alone. A
 * name two units share (the city and the district of Şəki) is not guessed: the file is told the
 * codes, or the list's label ("Şəki (şəhər)") or the kind written after the name ("Şəki rayonu",
 * "Shaki city") names one.
 */
@Component
class RegionNames {

	static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("az"), Locale.ENGLISH,
			Locale.forLanguageTag("ru"));

	/** Words that follow a name to say which kind of unit it is, in the three languages. */
	private static final Map<String, List<String>> TYPE_WORDS = Map.of("city", List.of("şəhəri", "ş.", "city", "город"),
			"district", List.of("rayonu", "r.", "rayon", "district", "район"), "city_district",
			List.of("rayonu", "r.", "rayon", "district", "район"));

	/** What a cell names: one region, several, or none. */
	record Match(List<Region> regions) {

		boolean found() {
			return regions.size() == 1;
		}

		Region region() {
			return regions.get(0);
		}

	}

	private final Regions regions;

	private final MessageSource messageSource;

	private volatile Map<String, List<Region>> exact;

	private volatile Map<String, List<Region>> sounds;

	RegionNames(Regions regions, MessageSource messageSource) {
		this.regions = regions;
		this.messageSource = messageSource;
	}

	Match find(String typed) {
		load();
		String key = key(typed);
		if (key.isEmpty()) {
			return new Match(List.of());
		}
		List<Region> found = exact.get(key);
		if (found == null && key.indexOf(',') > 0) {
			found = withinParent(typed);
		}
		if (found == null) {
			List<Region> alike = sounds.get(PersonalDataCheck.skeleton(key));
			found = alike != null && alike.size() == 1 ? alike : List.of();
		}
		return new Match(found);
	}

	/**
	 * "Bakı, Yasamal": a city and one of its districts, as an address names them. The district is
	 * taken when the part after the comma names exactly one region inside the city before it; null
	 * when it does not (the cell is then unknown or ambiguous as before).
	 */
	private List<Region> withinParent(String typed) {
		int comma = typed.lastIndexOf(',');
		Match outer = find(typed.substring(0, comma));
		Match inner = find(typed.substring(comma + 1));
		if (outer.regions().isEmpty() || inner.regions().isEmpty()) {
			return null;
		}
		Set<Integer> outerIds = new java.util.HashSet<>();
		outer.regions().forEach(r -> outerIds.add(r.id()));
		List<Region> inside = inner.regions().stream().filter(r -> r.parentId() != null && outerIds.contains(r.parentId())).toList();
		return inside.size() == 1 ? inside : null;
	}

	/** The label a list shows for the region in this language ("Şəki (şəhər)" where two share a name). */
	String label(Region region, Locale locale) {
		return region.label(locale, messageSource.getMessage("region.type." + region.type(), null, locale));
	}

	private static String key(String text) {
		return PersonalDataCheck.fold(text.strip().replaceAll("\\s+", " "));
	}

	private void load() {
		if (exact != null) {
			return;
		}
		synchronized (this) {
			if (exact != null) {
				return;
			}
			Map<String, Set<Region>> byName = new HashMap<>();
			Map<String, Set<Region>> bySound = new HashMap<>();
			for (Region region : regions.all()) {
				List<String> names = new ArrayList<>();
				for (Locale locale : LANGUAGES) {
					names.add(region.name(locale));
					names.add(label(region, locale));
				}
				for (String name : List.copyOf(names)) {
					// "Şəki şəhəri", "Şəki rayonu", "Shaki district", "г. Шеки": the kind said as people say it
					TYPE_WORDS.getOrDefault(region.type(), List.of()).forEach(word -> names.add(name + " " + word));
					if ("city".equals(region.type())) {
						names.add("г. " + name);
						names.add("город " + name);
					}
				}
				names.forEach(name -> byName.computeIfAbsent(key(name), k -> new LinkedHashSet<>()).add(region));
				names.forEach(name -> bySound.computeIfAbsent(PersonalDataCheck.skeleton(key(name)),
						k -> new LinkedHashSet<>()).add(region));
			}
			// a code is one region, whatever a name says
			for (Region region : regions.all()) {
				byName.put(key(region.code()), new LinkedHashSet<>(List.of(region)));
				if (region.code().startsWith("AZ-")) {
					byName.putIfAbsent(key(region.code().substring(3)), new LinkedHashSet<>(List.of(region)));
				}
			}
			Map<String, List<Region>> names = new HashMap<>();
			byName.forEach((name, found) -> names.put(name, List.copyOf(found)));
			Map<String, List<Region>> alike = new HashMap<>();
			bySound.forEach((name, found) -> alike.put(name, List.copyOf(found)));
			this.sounds = alike;
			this.exact = names;
		}
	}

}
