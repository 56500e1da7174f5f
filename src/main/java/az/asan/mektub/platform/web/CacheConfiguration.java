package az.asan.mektub.platform.web;

import az.asan.mektub.platform.settings.AsanProperties;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.support.NoOpCache;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every cache of the app, in one place: which exist, how long they keep a value, how many values they
 * hold and what a value is keyed by. They are Spring caches backed by Caffeine, short-lived and per
 * node: a node never asks another, and nothing is ever decided from a cached value, only shown (a
 * letter taken meanwhile may show as waiting for those seconds; its page then says it was taken). A
 * cache whose setting is 0 seconds keeps nothing (the tests read every page afresh that way).
 * <p>
 * A feature takes its cache from the {@link CacheManager} by name and reads through it with
 * {@link #get(Cache, Object, Supplier)}: a value missing or expired is computed by one caller while
 * the others asking for the same key wait for it, rather than all computing it at once.
 */
@Configuration(proxyBeanMethods = false)
public class CacheConfiguration {

	/**
	 * The whole HTML answer of {@code GET /tree} to a visitor without a session ({@link AnonymousPages}, for the pages features declare: {@code /tree}),
	 * keyed by language, context path and query string. {@code asan.tree.cache-seconds}.
	 */
	public static final String TREE_PAGES = "tree-pages";

	/**
	 * The tree's content placed into each visitor's layout, keyed by language, context path and query
	 * string. {@code asan.tree.cache-seconds}.
	 */
	public static final String TREE_BODIES = "tree-bodies";

	/**
	 * A letter's public page (title and body), kept by the tree module's {@code LetterPageKey} (signed in or
	 * not, language, context path, letter code) and forgotten on every node when the letter changes
	 * ({@code letter.LetterChanged}). {@code asan.tree.cache-seconds}.
	 */
	public static final String LETTER_PAGES = "letter-pages";

	/**
	 * The summary's and the regional report's content, keyed by report, language, context path and query string.
	 * {@code asan.reports.cache-seconds}.
	 */
	public static final String REPORT_BODIES = "report-bodies";

	/**
	 * The volunteer desk's counts and lists, keyed by the volunteer's region scope ({@code "all"} or
	 * the sorted region ids), and their HTML ({@link PageShells#keptPart}), keyed by what it shows; right
	 * after an action the desk puts what it read afresh, and every node forgets them when a letter
	 * changes ({@code letter.LetterChanged}). {@code asan.desk.cache-seconds}.
	 */
	public static final String DESK = "desk";

	/**
	 * Whole pages kept for everyone they look the same for, in pieces around the reader's name, CSRF
	 * token and per-request parts ({@link PageShells}), keyed by view, the page's own key, language,
	 * context path and kind of viewer. {@code asan.tree.cache-seconds}.
	 */
	public static final String PAGE_SHELLS = "page-shells";

	/**
	 * Every handover centre, to name the ones a page shows ({@code handover.HandoverPoints#shown}),
	 * keyed by {@code "all"}; this node's copy is dropped when a centre is added or changed.
	 * {@code asan.tree.cache-seconds}.
	 */
	public static final String HANDOVER_POINTS = "handover-points";

	/**
	 * Parts rendered once for what they show ({@link PageShells#keptPart}) and keyed by all of it (a card
	 * of "My letters": the letter as it stands, the centre's name and the day; a volunteer's "sent back to
	 * you" list: its rows; the adoption part of a letter's page), with the language and context path, so
	 * a kept part is never out of date. Only {@link PageShells} uses it. {@code asan.tree.cache-seconds}.
	 */
	public static final String RENDERED_PARTS = "rendered-parts";

	/** The program's headline figures on the home page, keyed by {@code "totals"}. 30 seconds. */
	public static final String HOME_TOTALS = "home-totals";

	/**
	 * The figures of {@code /impact} and of its open files, keyed by language, and the letters of its feed
	 * of wishes fulfilled, keyed by the day. One minute.
	 */
	public static final String IMPACT = "impact";

	private static final Duration HOME_TOTALS_KEEP = Duration.ofSeconds(30);

	private static final Duration IMPACT_KEEP = Duration.ofMinutes(1);

	@Bean
	CacheManager cacheManager(AsanProperties asan) {
		SimpleCacheManager manager = new SimpleCacheManager();
		manager.setCaches(List.of(shortLived(TREE_PAGES, asan.tree().keep(), 5_000),
				shortLived(TREE_BODIES, asan.tree().keep(), 5_000), shortLived(LETTER_PAGES, asan.tree().keep(), 5_000),
				shortLived(REPORT_BODIES, asan.reports().keep(), 1_000), shortLived(DESK, asan.desk().keep(), 1_000),
				shortLived(PAGE_SHELLS, asan.tree().keep(), 2_000), shortLived(HANDOVER_POINTS, asan.tree().keep(), 1),
				shortLived(RENDERED_PARTS, asan.tree().keep(), 10_000),
				shortLived(HOME_TOTALS, HOME_TOTALS_KEEP, 1), shortLived(IMPACT, IMPACT_KEEP, 10)));
		return manager;
	}

	/** A cache keeping each value for {@code keep} (zero: nothing) and at most {@code maxEntries} of them. */
	public static Cache shortLived(String name, Duration keep, long maxEntries) {
		if (keep.isZero()) {
			return new NoOpCache(name);
		}
		return new CaffeineCache(name, Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(maxEntries).recordStats().build(),
				false);
	}

	/** Drops this node's values whose keys match (a Caffeine cache; any other is cleared). */
	public static void evictWhere(Cache cache, java.util.function.Predicate<Object> key) {
		if (cache == null) {
			return;
		}
		if (cache.getNativeCache() instanceof com.github.benmanes.caffeine.cache.Cache<?, ?> caffeine) {
			caffeine.asMap().keySet().removeIf(key);
		}
		else {
			cache.clear();
		}
	}

	/** Whether the cache keeps anything at all (its setting is not 0). */
	public static boolean keeps(Cache cache) {
		return !(cache instanceof NoOpCache);
	}

	/**
	 * The value kept for the key, or the one {@code compute} returns (never null), kept then. What
	 * {@code compute} throws reaches the caller as it was thrown.
	 */
	public static <V> V get(Cache cache, Object key, Supplier<V> compute) {
		try {
			return cache.get(key, compute::get);
		}
		catch (Cache.ValueRetrievalException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
