package az.asan.mektub.letter.query;

import java.util.HashSet;
import java.util.Set;

import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.region.Regions;
import az.asan.mektub.system.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The program's headline figures. "Regions reached" counts first-level regions with at least one
 * fulfilled letter (Baku's districts count as Bakı), as the program's own "56 regions" does. They
 * come from {@link LetterCounts}; the home page, the busiest page, keeps them for a short while.
 */
@Component
public class LetterStatistics {

	public record Totals(long fulfilled, long regionsReached, long waiting) {
	}

	private final LetterCounts counts;

	private final Regions regions;

	private final Cache kept;

	LetterStatistics(LetterCounts counts, Regions regions, CacheManager caches) {
		this.counts = counts;
		this.regions = regions;
		this.kept = caches.getCache(CacheConfiguration.HOME_TOTALS);
	}

	public Totals totals() {
		return CacheConfiguration.get(kept, "totals", this::fresh);
	}

	public Totals fresh() {
		long fulfilled = 0;
		long waiting = 0;
		Set<Integer> reached = new HashSet<>();
		for (LetterCounts.Count count : counts.of(null)) {
			if (count.status() == LetterStatus.FULFILLED) {
				fulfilled += count.letters();
				if (count.letters() > 0) {
					reached.add(regions.byId(count.regionId()).map(r -> r.reportingRegionId()).orElse(count.regionId()));
				}
			}
			else if (count.status() == LetterStatus.PUBLISHED) {
				waiting += count.letters();
			}
		}
		return new Totals(fulfilled, reached.size(), waiting);
	}

}
