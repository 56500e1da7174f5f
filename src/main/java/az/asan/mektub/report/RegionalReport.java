package az.asan.mektub.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import az.asan.mektub.letter.query.LetterCounts;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.ReportLetters;
import az.asan.mektub.region.EconomicRegion;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.RegionOptions;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.i18n.Collation;
import az.asan.mektub.platform.i18n.Formats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters by region (Baku's districts rolled up into Bakı) or by economic region: how many were
 * registered and where each stands now, the fulfilment rate, the median days from adoption to the
 * child holding the gift, and holds past their due date.
 * <p>
 * The figures come from {@link LetterCounts} (a few thousand rows, whatever the number of letters);
 * only a range of registration dates, which the counts do not keep, reads the letters themselves.
 * Medians are taken from the counts of each number of days, so the national median is the country's
 * own, not an average of the regions', and the count columns of the rows add up to the total.
 */
@Component
public class RegionalReport {

	public record Row(Integer id, String name, String economicRegion, long registered, long waitingReview,
			long published, long adopted, long giftReceived, long fulfilled, long withdrawn, Double medianDays,
			long overdue) {

		/** Fulfilled among the letters that were not withdrawn. */
		public double fulfilmentRate() {
			long counted = registered - withdrawn;
			return counted == 0 ? 0 : (double) fulfilled / counted;
		}

	}

	public record Result(List<Row> rows, Row total) {
	}

	/** What is summed up for a row before it is named. */
	private static final class Tally {

		long registered;

		long waitingReview;

		long published;

		long adopted;

		long giftReceived;

		long fulfilled;

		long withdrawn;

		long overdue;

		final TreeMap<Integer, Long> days = new TreeMap<>();

		void add(LetterStatus status, int fulfilDays, long letters) {
			registered += letters;
			switch (status) {
				case RECEIVED, INCOMPLETE -> waitingReview += letters;
				case PUBLISHED -> published += letters;
				case ADOPTED -> adopted += letters;
				case GIFT_RECEIVED -> giftReceived += letters;
				case FULFILLED -> {
					fulfilled += letters;
					if (fulfilDays >= 0) {
						days.merge(fulfilDays, letters, Long::sum);
					}
				}
				case WITHDRAWN -> withdrawn += letters;
			}
		}

		/** The median of the days, as percentile_cont(0.5) would give it. */
		Double median() {
			long n = days.values().stream().mapToLong(Long::longValue).sum();
			if (n == 0) {
				return null;
			}
			return (valueAt(days, (n - 1) / 2) + valueAt(days, n / 2)) / 2.0;
		}

		private static int valueAt(TreeMap<Integer, Long> histogram, long position) {
			long seen = 0;
			for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
				seen += entry.getValue();
				if (position < seen) {
					return entry.getKey();
				}
			}
			return histogram.lastKey();
		}

		Row row(Integer id, String name, String economic) {
			return new Row(id, name, economic, registered, waitingReview, published, adopted, giftReceived, fulfilled,
					withdrawn, median(), overdue);
		}

	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final RegionOptions regionOptions;

	private final LetterCounts counts;

	private final Collation collation;

	private final ReportLetters reportLetters;

	RegionalReport(JdbcClient jdbc, Regions regions, RegionOptions regionOptions, LetterCounts counts,
			Collation collation, ReportLetters reportLetters) {
		this.reportLetters = reportLetters;
		this.collation = collation;
		this.jdbc = jdbc;
		this.regions = regions;
		this.regionOptions = regionOptions;
		this.counts = counts;
	}

	@Transactional(readOnly = true)
	public Result run(ReportFilter filter, Locale locale) {
		List<Long> campaigns = campaignIds(filter);
		IntFunction<Integer> keyOf = filter.byEconomicRegion()
				? regionId -> regions.byId(regionId).map(r -> r.economicRegion().id()).orElse(-1)
				: regionId -> regions.byId(regionId).map(Region::reportingRegionId).orElse(regionId);
		Map<Integer, Tally> tallies = new HashMap<>();
		Tally total = new Tally();
		for (LetterCounts.Count count : filter.from() == null && filter.to() == null ? counts.of(campaigns)
				: countsRegisteredBetween(filter, campaigns)) {
			tallies.computeIfAbsent(keyOf.apply(count.regionId()), k -> new Tally())
				.add(count.status(), count.fulfilDays(), count.letters());
			total.add(count.status(), count.fulfilDays(), count.letters());
		}
		overdue(filter, campaigns).forEach((regionId, overdue) -> {
			tallies.computeIfAbsent(keyOf.apply(regionId), k -> new Tally()).overdue += overdue;
			total.overdue += overdue;
		});

		List<Row> rows = new ArrayList<>();
		if (filter.byEconomicRegion()) {
			for (EconomicRegion e : regions.economicRegions()) {
				rows.add(tallies.getOrDefault(e.id(), new Tally()).row(e.id(), e.name(locale), e.name(locale)));
			}
		}
		else {
			Map<Integer, String> labels = regionOptions.names();
			for (Region region : regions.all()) {
				if (region.parentId() != null || !region.acceptsLetters() && !tallies.containsKey(region.id())) {
					continue;
				}
				rows.add(tallies.getOrDefault(region.id(), new Tally())
					.row(region.id(), labels.get(region.id()), region.economicRegion().name(locale)));
			}
		}
		rows.sort(comparator(filter, rows, locale));
		return new Result(rows, total.row(null, "", ""));
	}

	/** The campaigns a filter asks for; null means all of them. */
	private List<Long> campaignIds(ReportFilter filter) {
		if (filter.campaign() != null) {
			return List.of(filter.campaign());
		}
		if (filter.year() != null) {
			return jdbc.sql("SELECT id FROM campaign WHERE starts_on >= make_date(?, 1, 1) AND starts_on < make_date(?, 1, 1)")
				.params(filter.year(), filter.year() + 1)
				.query(Long.class)
				.list();
		}
		return null;
	}

	/** The same counts, for letters registered in a range of dates: these read the letters. */
	private List<LetterCounts.Count> countsRegisteredBetween(ReportFilter filter, List<Long> campaigns) {
		return reportLetters.countsRegisteredBetween(filter.from(), filter.to(), campaigns);
	}

	/** Holds past their due date, by region: few, and found through the index of adopted letters. */
	private Map<Integer, Long> overdue(ReportFilter filter, List<Long> campaigns) {
		return reportLetters.overdueByRegion(LocalDate.now(Formats.BAKU), filter.from(), filter.to(), campaigns);
	}

	/** By the chosen column, then by name; names in the reader's alphabetical order (PostgreSQL's ICU collations). */
	private Comparator<Row> comparator(ReportFilter filter, List<Row> rows, Locale locale) {
		List<String> names = new ArrayList<>();
		rows.forEach(r -> {
			names.add(r.name());
			names.add(r.economicRegion());
		});
		Comparator<String> collator = collation.order(names, locale);
		Comparator<Row> byName = Comparator.comparing(Row::name, collator);
		Comparator<Row> chosen = switch (filter.sort()) {
			case "registered" -> Comparator.comparingLong(Row::registered);
			case "waitingReview" -> Comparator.comparingLong(Row::waitingReview);
			case "published" -> Comparator.comparingLong(Row::published);
			case "adopted" -> Comparator.comparingLong(Row::adopted);
			case "giftReceived" -> Comparator.comparingLong(Row::giftReceived);
			case "fulfilled" -> Comparator.comparingLong(Row::fulfilled);
			case "withdrawn" -> Comparator.comparingLong(Row::withdrawn);
			case "rate" -> Comparator.comparingDouble(Row::fulfilmentRate);
			case "median" -> Comparator.comparing(Row::medianDays, Comparator.nullsFirst(Comparator.naturalOrder()));
			case "overdue" -> Comparator.comparingLong(Row::overdue);
			case "economic" -> Comparator.comparing(Row::economicRegion, collator);
			default -> byName;
		};
		// Descending turns the chosen column around, not the names of ties: they stay A to Z.
		return (filter.descending() ? chosen.reversed() : chosen).thenComparing(byName);
	}

}
