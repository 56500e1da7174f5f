package az.asan.mektub.letter.query;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The program's headline figures. "Regions reached" counts first-level regions with at least one
 * fulfilled letter (Baku's districts count as Bakı), as the program's own "56 regions" does. They
 * come from {@link LetterCounts}; the home page, the busiest page, keeps them for a short while.
 * Letters waiting on the tree are those of open campaigns only, as the tree shows them: a closed
 * campaign's published letters are no longer anyone's to adopt.
 */
@Component
public class LetterStatistics {

	public record Totals(long fulfilled, long regionsReached, long waiting) {
	}

	private final LetterCounts counts;

	private final Regions regions;

	private final Cache kept;

	private final Campaigns campaigns;

	LetterStatistics(LetterCounts counts, Regions regions, Campaigns campaigns, CacheManager caches) {
		this.counts = counts;
		this.campaigns = campaigns;
		this.regions = regions;
		this.kept = caches.getCache(CacheConfiguration.HOME_TOTALS);
	}

	public Totals totals() {
		return CacheConfiguration.get(kept, "totals", this::fresh);
	}

	/** A campaign opened or closed changes what waits on the home page: counted afresh at once. */
	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	public void on(az.asan.mektub.campaign.CampaignStatusChanged change) {
		kept.clear();
	}

	public Totals fresh() {
		long fulfilled = 0;
		long waiting = 0;
		Set<Integer> reached = new HashSet<>();
		Set<Long> open = campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.OPEN)
			.stream()
			.map(c -> c.getId())
			.collect(Collectors.toSet());
		for (LetterCounts.Count count : counts.of(null)) {
			if (count.status() == LetterStatus.FULFILLED) {
				fulfilled += count.letters();
				if (count.letters() > 0) {
					reached.add(regions.byId(count.regionId()).map(r -> r.reportingRegionId()).orElse(count.regionId()));
				}
			}
			else if (count.status() == LetterStatus.PUBLISHED && open.contains(count.campaignId())) {
				waiting += count.letters();
			}
		}
		return new Totals(fulfilled, reached.size(), waiting);
	}

}
