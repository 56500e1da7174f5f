package az.asan.mektub.tree;

import az.asan.mektub.letter.LetterChanged;
import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A letter's kept pages (every language, signed in or not) are forgotten when it changes, on this node
 * once the change commits and on the others when they hear of it (issue 23): a letter taken is shown as
 * taken everywhere within a second. The tree's lists keep their few seconds.
 */
@Component
class KeptLetterPagesForgotten {

	private final Cache letterPages;

	KeptLetterPagesForgotten(CacheManager caches) {
		this.letterPages = caches.getCache(CacheConfiguration.LETTER_PAGES);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(LetterChanged change) {
		if (change.isMany()) {
			this.letterPages.clear();
		}
		else {
			CacheConfiguration.evictWhere(this.letterPages,
					key -> key instanceof LetterPageKey page && page.code().equals(change.code()));
		}
	}

}
