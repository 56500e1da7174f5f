package az.asan.mektub.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import az.asan.mektub.letter.query.LetterCounts;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.ReportLetters;
import az.asan.mektub.region.Regions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program as a whole: figures by year since 2015, campaigns against their targets, donors by the
 * wishes they fulfilled, and possible duplicates. Read-only SQL written for PostgreSQL.
 */
@Component
public class ProgramReport {

	public record Year(int year, long registered, long fulfilled, long regionsReached, long target) {
	}

	public record CampaignProgress(long id, String name, String status, LocalDate startsOn, LocalDate endsOn,
			long registered, long fulfilled, long target) {

		public double progress() {
			return target == 0 ? 0 : Math.min(1.0, (double) fulfilled / target);
		}

		public long percent() {
			return Math.round(progress() * 100);
		}

	}

	public record Donor(long id, String name, String email, String phone, boolean organisation, long fulfilled,
			long inProgress, boolean anonymised) {
	}

	public record Duplicate(String campaign, String firstName, String surname, LocalDate birthDate, int regionId,
			List<String> codes, List<String> statuses) {
	}

	private final JdbcClient jdbc;

	private final LetterCounts counts;

	private final Regions regions;

	private final ReportLetters reportLetters;

	ProgramReport(JdbcClient jdbc, LetterCounts counts, Regions regions, ReportLetters reportLetters) {
		this.jdbc = jdbc;
		this.reportLetters = reportLetters;
		this.counts = counts;
		this.regions = regions;
	}

	/** Figures by the year the campaigns started, from the letter counts. */
	@Transactional(readOnly = true)
	public List<Year> years() {
		record CampaignYear(long id, int year, long target) {
		}
		Map<Long, CampaignYear> campaigns = new HashMap<>();
		jdbc.sql("SELECT id, extract(year FROM starts_on)::int AS year, coalesce(target_wishes, 0) AS target FROM campaign")
			.query((rs, n) -> new CampaignYear(rs.getLong("id"), rs.getInt("year"), rs.getLong("target")))
			.list()
			.forEach(c -> campaigns.put(c.id(), c));
		Map<Integer, long[]> byYear = new TreeMap<>();
		Map<Integer, Set<Integer>> reached = new HashMap<>();
		for (CampaignYear c : campaigns.values()) {
			byYear.computeIfAbsent(c.year(), y -> new long[3])[2] += c.target();
		}
		for (LetterCounts.Count count : counts.of(null)) {
			CampaignYear campaign = campaigns.get(count.campaignId());
			if (campaign == null) {
				continue;
			}
			long[] figures = byYear.computeIfAbsent(campaign.year(), y -> new long[3]);
			figures[0] += count.letters();
			if (count.status() == LetterStatus.FULFILLED) {
				figures[1] += count.letters();
				reached.computeIfAbsent(campaign.year(), y -> new HashSet<>())
					.add(regions.byId(count.regionId()).map(r -> r.reportingRegionId()).orElse(count.regionId()));
			}
		}
		return byYear.entrySet()
			.stream()
			.map(e -> new Year(e.getKey(), e.getValue()[0], e.getValue()[1],
					reached.getOrDefault(e.getKey(), Set.of()).size(), e.getValue()[2]))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<CampaignProgress> campaigns(Locale locale) {
		Map<Long, long[]> figures = new HashMap<>();
		for (LetterCounts.Count count : counts.of(null)) {
			long[] f = figures.computeIfAbsent(count.campaignId(), id -> new long[2]);
			f[0] += count.letters();
			if (count.status() == LetterStatus.FULFILLED) {
				f[1] += count.letters();
			}
		}
		return jdbc.sql("""
				SELECT id, CASE :lang WHEN 'en' THEN name_en WHEN 'ru' THEN name_ru ELSE name_az END AS name,
				       status, starts_on, ends_on, coalesce(target_wishes, 0) AS target
				FROM campaign ORDER BY starts_on DESC, id DESC""")
			.param("lang", locale.getLanguage())
			.query((rs, n) -> {
				long[] f = figures.getOrDefault(rs.getLong("id"), new long[2]);
				return new CampaignProgress(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
						rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), f[0], f[1],
						rs.getLong("target"));
			})
			.list();
	}

	/** Donors by the wishes they fulfilled; contact details only for an administrator's eyes. */
	public List<Donor> donors(ReportFilter filter, boolean withContact, int limit) {
		return reportLetters.donors(range(filter), limit)
			.stream()
			.map(d -> new Donor(d.id(), d.name(), withContact ? d.email() : null, withContact ? d.phone() : null,
					d.organisation(), d.fulfilled(), d.inProgress(), d.anonymised()))
			.toList();
	}

	/** The same child (name, birth date, region) more than once in one campaign, withdrawn letters aside. */
	public List<Duplicate> duplicates(ReportFilter filter, int limit) {
		return reportLetters.duplicates(range(filter), limit)
			.stream()
			.map(d -> new Duplicate(d.campaign(), d.firstName(), d.surname(), d.birthDate(), d.regionId(), d.codes(),
					d.statuses()))
			.toList();
	}

	static ReportLetters.Range range(ReportFilter filter) {
		return new ReportLetters.Range(filter.campaign(), filter.year(), filter.from(), filter.to());
	}

}
