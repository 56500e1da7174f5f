package az.asan.mektub.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Values kept for a few seconds. When one expires, a single caller computes its successor while the
 * others keep getting the old one, so a busy moment never sends everyone to compute it at once. A
 * zero duration keeps nothing.
 */
public final class ShortLivedCache<V> {

	private record Entry<V>(V value, Instant until, AtomicBoolean refreshing) {
	}

	private final Duration keep;

	private final int maxEntries;

	private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

	public ShortLivedCache(Duration keep, int maxEntries) {
		this.keep = keep;
		this.maxEntries = maxEntries;
	}

	public V get(String key, Supplier<V> compute) {
		if (keep.isZero()) {
			return compute.get();
		}
		Entry<V> entry = entries.get(key);
		if (entry != null && (Instant.now().isBefore(entry.until()) || !entry.refreshing().compareAndSet(false, true))) {
			return entry.value();
		}
		V value;
		try {
			value = compute.get();
		}
		catch (RuntimeException ex) {
			if (entry != null) {
				entries.remove(key, entry);
			}
			throw ex;
		}
		if (entries.size() >= maxEntries) {
			entries.clear();
		}
		entries.put(key, new Entry<>(value, Instant.now().plus(keep), new AtomicBoolean()));
		return value;
	}

	/** Keeps a value computed afresh elsewhere (after a change its computer knows of). */
	public void put(String key, V value) {
		if (!keep.isZero()) {
			entries.put(key, new Entry<>(value, Instant.now().plus(keep), new AtomicBoolean()));
		}
	}

}
