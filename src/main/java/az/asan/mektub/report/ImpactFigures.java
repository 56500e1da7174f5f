package az.asan.mektub.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import az.asan.mektub.campaign.CampaignOptions;
import az.asan.mektub.letter.query.AdoptionChannels;
import az.asan.mektub.letter.query.LetterStatistics;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.i18n.Option;
import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The program's public figures, as {@code /impact} shows them and as its open files
 * ({@code /impact/figures.csv}, {@code /impact/figures.json}) give them: one computation, so a page and a
 * file can never disagree. Counts only, never a person (a walk-in donor's name and phone stay on
 * volunteers' pages). The figures change slowly and anyone may ask for them, so they are kept for a
 * minute per language ({@link CacheConfiguration#IMPACT}).
 */
@Component
class ImpactFigures {

	record Figures(LetterStatistics.Totals totals, List<ProgramReport.Year> years,
			List<ProgramReport.CampaignProgress> campaigns, List<RegionalReport.Row> regions, BarChart yearsChart,
			BarChart regionsChart, Channels channels, Instant at) {
	}

	/**
	 * Letters taken (held, gift in, or fulfilled) by a donor account online, and at a centre's desk, in
	 * the open campaigns only: before paper trees every letter was taken online, so the program's whole
	 * history would read as a website's triumph over centres that did not take letters yet (issue 16).
	 */
	record Channels(long online, long atCentres, List<String> campaigns) {

		public long taken() {
			return online + atCentres;
		}

	}

	private final LetterStatistics statistics;

	private final ProgramReport program;

	private final RegionalReport regional;

	private final Messages messages;

	private final AdoptionChannels adoptionChannels;

	private final Cache cache;

	private final CampaignOptions campaignOptions;

	private final Formats formats;

	ImpactFigures(LetterStatistics statistics, ProgramReport program, RegionalReport regional, Messages messages,
			AdoptionChannels adoptionChannels, CampaignOptions campaignOptions, Formats formats, CacheManager caches) {
		this.formats = formats;
		this.campaignOptions = campaignOptions;
		this.cache = caches.getCache(CacheConfiguration.IMPACT);
		this.statistics = statistics;
		this.adoptionChannels = adoptionChannels;
		this.program = program;
		this.regional = regional;
		this.messages = messages;
	}

	/**
	 * The figures with their names and charts in the language. Region names and chart titles are read in
	 * the current thread's language, so that is set to the one asked for while they are computed: the open
	 * data file asks for all three languages whatever its reader's, and a value kept as English must be.
	 */
	Figures in(Locale locale) {
		Locale language = Locale.forLanguageTag(locale.getLanguage());
		return CacheConfiguration.get(cache, language.getLanguage(), () -> {
			LocaleContext reader = LocaleContextHolder.getLocaleContext();
			LocaleContextHolder.setLocale(language);
			try {
				return compute(language);
			}
			finally {
				LocaleContextHolder.setLocaleContext(reader);
			}
		});
	}

	private Figures compute(Locale locale) {
		List<ProgramReport.Year> years = program.years().stream().filter(y -> y.fulfilled() > 0 || y.registered() > 0).toList();
		List<ProgramReport.CampaignProgress> campaigns = program.campaigns(locale)
			.stream()
			.filter(c -> c.registered() > 0)
			.toList();
		List<RegionalReport.Row> regions = regional
			.run(new ReportFilter(null, null, null, null, "fulfilled", "desc", "region"), locale)
			.rows()
			.stream()
			.filter(r -> r.fulfilled() > 0)
			.toList();
		BarChart yearsChart = BarChart.of(messages.get("reports.chart.fulfilledByYear"),
				years.stream().map(y -> String.valueOf(y.year())).toList(),
				years.stream().map(ProgramReport.Year::fulfilled).toList(), formats, locale);
		List<RegionalReport.Row> top = regions.stream().limit(20).toList();
		BarChart regionsChart = BarChart.of(messages.get("reports.chart.fulfilledByRegion"),
				top.stream().map(RegionalReport.Row::name).toList(),
				top.stream().map(RegionalReport.Row::fulfilled).toList(), formats, locale);
		long online = 0;
		long atCentres = 0;
		List<Option> open = campaignOptions.takingLetters(locale);
		for (AdoptionChannels.Count count : adoptionChannels
			.byRegion(open.stream().map(o -> Long.valueOf(o.value())).toList())) {
			online += count.online();
			atCentres += count.atCentres();
		}
		return new Figures(statistics.fresh(), years, campaigns, regions, yearsChart, regionsChart,
				new Channels(online, atCentres, open.stream().map(Option::label).toList()), Instant.now());
	}

}
