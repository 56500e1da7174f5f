package az.asan.mektub.region;

import java.util.List;
import java.util.function.Predicate;

import az.asan.mektub.platform.i18n.Collation;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.i18n.Option;
import az.asan.mektub.platform.i18n.OptionGroup;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Regions as choices of a select field, labelled in the user's language and in that language's
 * alphabetical order of those labels (PostgreSQL's az-x-icu, en-x-icu, ru-x-icu); a city that shares its name with a district says which one it is.
 */
@Component
public class RegionOptions {

	private final Regions regions;

	private final Messages messages;

	private final Collation collation;

	RegionOptions(Regions regions, Messages messages, Collation collation) {
		this.regions = regions;
		this.messages = messages;
		this.collation = collation;
	}

	public List<Option> where(Predicate<Region> filter) {
		var locale = LocaleContextHolder.getLocale();
		return collation.sort(regions.all()
			.stream()
			.filter(filter)
			.map(r -> new Option(String.valueOf(r.id()), r.label(locale, messages.get("region.type." + r.type()))))
			.toList(), Option::label, locale);
	}

	public List<Option> economicRegions() {
		var locale = LocaleContextHolder.getLocale();
		return collation.sort(
				regions.economicRegions().stream().map(e -> new Option(String.valueOf(e.id()), e.name(locale))).toList(),
				Option::label, locale);
	}

	/**
	 * Regions grouped by economic region, both in the reader's language and order: the checkbox list
	 * where staff choose a volunteer's regions among some ninety.
	 */
	public List<OptionGroup> grouped(Predicate<Region> filter) {
		var locale = LocaleContextHolder.getLocale();
		return groupedByRegion(regions.all().stream().filter(filter).toList(), Region::id,
				r -> new Option(String.valueOf(r.id()), r.label(locale, messages.get("region.type." + r.type()))));
	}

	/** Any items of a region (ASAN service centres) grouped by their region's economic region. */
	public <T> List<OptionGroup> groupedByRegion(java.util.Collection<T> items, java.util.function.Function<T, Integer> regionOf,
			java.util.function.Function<T, Option> option) {
		var locale = LocaleContextHolder.getLocale();
		java.util.Map<EconomicRegion, java.util.List<Option>> groups = new java.util.HashMap<>();
		for (T item : items) {
			regions.byId(regionOf.apply(item))
				.map(Region::economicRegion)
				.ifPresent(e -> groups.computeIfAbsent(e, k -> new java.util.ArrayList<>()).add(option.apply(item)));
		}
		return collation.sort(groups.entrySet()
			.stream()
			.map(e -> new OptionGroup(e.getKey().name(locale), collation.sort(e.getValue(), Option::label)))
			.toList(), OptionGroup::label);
	}

	/** Every region's label by id, for pages that name many regions (and for attributes, where beans cannot be called). */
	public java.util.Map<Integer, String> names() {
		var locale = LocaleContextHolder.getLocale();
		return regions.all()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Region::id,
					r -> r.label(locale, messages.get("region.type." + r.type()))));
	}

	/**
	 * The names of these regions in the reader's alphabetical order (a volunteer's regions, on every request
	 * of the desk). Regions and their labels do not change while the app runs, so each set is named and
	 * sorted once per language.
	 */
	public List<String> sortedNames(java.util.Collection<Integer> regionIds) {
		var locale = LocaleContextHolder.getLocale();
		return this.namedSets.get(new NamesKey(locale, java.util.Set.copyOf(regionIds)),
				key -> collation.sort(key.regionIds().stream().map(this::name).toList(), name -> name, key.locale()));
	}

	/** A set of regions named in a language. */
	private record NamesKey(java.util.Locale locale, java.util.Set<Integer> regionIds) {
	}

	/** Sets of regions people are given are few (a volunteer's few regions, each a set of some 90). */
	private final com.github.benmanes.caffeine.cache.Cache<NamesKey, List<String>> namedSets = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.maximumSize(2_000)
		.build();

	/** The name a person reads for a region id; empty for an unknown id. */
	public String name(Integer regionId) {
		var locale = LocaleContextHolder.getLocale();
		return regions.byId(regionId).map(r -> r.label(locale, messages.get("region.type." + r.type()))).orElse("");
	}

}
