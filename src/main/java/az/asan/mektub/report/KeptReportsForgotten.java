package az.asan.mektub.report;

import az.asan.mektub.campaign.CampaignStatusChanged;
import az.asan.mektub.letter.LetterChanged;
import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The reports' kept content is made afresh when a letter or a campaign changes, on every node (issue 23):
 * staff who register, publish or close see it in the figures on their next page. Clearing is cheap, and
 * the reports are read by a few staff, so a rush of adoptions costs them a fresh count now and then.
 */
@Component
class KeptReportsForgotten {

	private final Cache bodies;

	KeptReportsForgotten(CacheManager caches) {
		this.bodies = caches.getCache(CacheConfiguration.REPORT_BODIES);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LetterChanged change) {
		this.bodies.clear();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CampaignStatusChanged change) {
		this.bodies.clear();
	}

}
