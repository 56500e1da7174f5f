package az.asan.mektub.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;

import org.springframework.stereotype.Component;

/**
 * The figures of {@code /impact} as open data, read from the very {@link ImpactFigures} the page shows,
 * so a file and the page agree to the letter. The columns and fields are documented in the README
 * ("Open figures") and on the page; they are a promise to whoever builds on them: add, never rename.
 */
@Component
class OpenFigures {

	static final Locale AZ = Locale.forLanguageTag("az");

	static final Locale EN = Locale.ENGLISH;

	static final Locale RU = Locale.forLanguageTag("ru");

	/** The CSV's columns, the same in every language, so that a script can rely on them. */
	static final List<String> COLUMNS = List.of("section", "code", "name", "registered", "fulfilled",
			"regions_reached");

	/** A name in the three languages of the program. */
	record Names(String az, String en, String ru) {
	}

	record Totals(long fulfilled, long regionsReached) {
	}

	record Year(int year, long registered, long fulfilled, long regionsReached) {
	}

	record Campaign(long id, Names name, LocalDate startsOn, LocalDate endsOn, long registered, long fulfilled) {
	}

	/** A first-level region by its ISO 3166-2 code; Baku's districts count as Bakı (AZ-BA). */
	record Place(String code, Names name, long registered, long fulfilled) {
	}

	/** The JSON file: a small shape that stays. */
	record Document(Instant generatedAt, Totals totals, List<Year> years, List<Campaign> campaigns,
			List<Place> regions) {
	}

	private final ImpactFigures figures;

	private final Regions regions;

	private final Messages messages;

	OpenFigures(ImpactFigures figures, Regions regions, Messages messages) {
		this.figures = figures;
		this.regions = regions;
		this.messages = messages;
	}

	/**
	 * The figures in the reader's language, one row per figure: the country as a whole, each year, each
	 * campaign, each region, in the order the page shows them.
	 */
	TableExport csv(Locale locale) {
		ImpactFigures.Figures shown = figures.in(locale);
		List<List<Object>> rows = new ArrayList<>();
		rows.add(row("total", "AZ", messages.get("reports.total"), null, shown.totals().fulfilled(),
				shown.totals().regionsReached()));
		for (ProgramReport.Year y : shown.years()) {
			rows.add(row("year", y.year(), String.valueOf(y.year()), y.registered(), y.fulfilled(), y.regionsReached()));
		}
		for (ProgramReport.CampaignProgress c : shown.campaigns()) {
			rows.add(row("campaign", c.id(), c.name(), c.registered(), c.fulfilled(), null));
		}
		for (RegionalReport.Row r : shown.regions()) {
			rows.add(row("region", code(r), r.name(), r.registered(), r.fulfilled(), null));
		}
		return new TableExport("asan-mektub-figures", COLUMNS, rows, locale);
	}

	/** Numbers as the Azerbaijani page shows them, names as each language's page shows them. */
	Document json() {
		ImpactFigures.Figures az = figures.in(AZ);
		ImpactFigures.Figures en = figures.in(EN);
		ImpactFigures.Figures ru = figures.in(RU);
		Map<Long, String> campaignsEn = byKey(en.campaigns(), ProgramReport.CampaignProgress::id,
				ProgramReport.CampaignProgress::name);
		Map<Long, String> campaignsRu = byKey(ru.campaigns(), ProgramReport.CampaignProgress::id,
				ProgramReport.CampaignProgress::name);
		Map<Integer, String> regionsEn = byKey(en.regions(), RegionalReport.Row::id, RegionalReport.Row::name);
		Map<Integer, String> regionsRu = byKey(ru.regions(), RegionalReport.Row::id, RegionalReport.Row::name);
		return new Document(az.at(), new Totals(az.totals().fulfilled(), az.totals().regionsReached()),
				az.years()
					.stream()
					.map(y -> new Year(y.year(), y.registered(), y.fulfilled(), y.regionsReached()))
					.toList(),
				az.campaigns()
					.stream()
					.map(c -> new Campaign(c.id(),
							new Names(c.name(), campaignsEn.getOrDefault(c.id(), c.name()),
									campaignsRu.getOrDefault(c.id(), c.name())),
							c.startsOn(), c.endsOn(), c.registered(), c.fulfilled()))
					.toList(),
				az.regions()
					.stream()
					.map(r -> new Place(code(r),
							new Names(r.name(), regionsEn.getOrDefault(r.id(), r.name()),
									regionsRu.getOrDefault(r.id(), r.name())),
							r.registered(), r.fulfilled()))
					.toList());
	}

	private String code(RegionalReport.Row row) {
		return regions.byId(row.id()).map(Region::code).orElse("");
	}

	private static List<Object> row(Object... values) {
		return java.util.Arrays.asList(values);
	}

	private static <T, K> Map<K, String> byKey(List<T> items, Function<T, K> key, Function<T, String> name) {
		return items.stream().collect(Collectors.toMap(key, name, (a, b) -> a));
	}

}
