package az.asan.mektub.letter.web;

import az.asan.mektub.letter.LetterChanged;
import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The desks' shared figures and lists are read afresh after any letter changed, on this node once the
 * change commits and on the others when they hear of it (issue 23): a volunteer sees their own publish
 * or send-back on their next page, whichever node serves it.
 */
@Component
class KeptDesksForgotten {

	private final Cache desks;

	KeptDesksForgotten(CacheManager caches) {
		this.desks = caches.getCache(CacheConfiguration.DESK);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LetterChanged change) {
		this.desks.clear();
	}

}
