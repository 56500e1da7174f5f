package az.asan.mektub.letter;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

import az.asan.mektub.platform.web.CacheConfiguration;

import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When a letter changes, this node stops showing what it kept of it: the letter's public pages (every
 * language, signed in or not) and the volunteers' desks, once the change is committed. Other nodes
 * show the change within their caches' seconds; nothing is decided from a kept page (adopting a letter
 * taken meanwhile says so). The person who acted, on the node that served them, sees it at once: a
 * donor who has just adopted a letter never finds it offered again (issue 17's review).
 */
@Component
class LetterChangesSeen {

	private final CacheManager caches;

	/** Made by Spring for Hibernate (Boot hands Hibernate the application's beans as entity listeners). */
	LetterChangesSeen(CacheManager caches) {
		this.caches = caches;
	}

	@PostPersist
	@PostUpdate
	void changed(Letter letter) {
		changed(letter.getCode());
	}

	/** The same for a letter changed by a statement of its own, not through Hibernate. */
	void changed(String code) {
		CacheManager manager = caches;
		if (manager == null || code == null) {
			return;
		}
		Runnable forget = () -> {
			CacheConfiguration.evictWhere(manager.getCache(CacheConfiguration.LETTER_PAGES),
					key -> key instanceof String text && text.endsWith("|" + code));
			manager.getCache(CacheConfiguration.DESK).clear();
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					forget.run();
				}

			});
		}
		else {
			forget.run();
		}
	}

}
