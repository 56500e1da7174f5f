package az.asan.mektub.system;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one order of names: PostgreSQL's ICU collation {@code az-x-icu}, for lists sorted in SQL and in
 * Java alike. The JDK's {@code Collator} does not know Azerbaijani (it puts Biləsuvar before Bərdə
 * and Şabran among the S-names), so names sorted in memory (region labels in the reader's language,
 * report rows) take their order from PostgreSQL: the names are ranked once by the database and the
 * ranks kept, so a page asks again only for a name it has not sorted before.
 */
@Component
public class Collation {

	/** Names are labels of reference data (regions, campaigns); past this many, the ranks start afresh. */
	private static final int MAX_KEPT = 20_000;

	private final JdbcClient jdbc;

	private volatile Map<String, Integer> ranks = Map.of();

	Collation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Names in the Azerbaijani order; an unknown or missing name sorts last. */
	public Comparator<String> order(Collection<String> names) {
		Map<String, Integer> known = rank(names);
		return Comparator.comparing(name -> name == null ? Integer.MAX_VALUE : known.getOrDefault(name, Integer.MAX_VALUE));
	}

	/** The items sorted by their name in the Azerbaijani order. */
	public <T> List<T> sort(Collection<T> items, Function<T, String> name) {
		Comparator<String> order = order(items.stream().map(name).toList());
		return items.stream().sorted(Comparator.comparing(name, order)).toList();
	}

	private Map<String, Integer> rank(Collection<String> names) {
		Map<String, Integer> known = ranks;
		boolean allKnown = names.stream().allMatch(n -> n == null || known.containsKey(n));
		if (allKnown) {
			return known;
		}
		synchronized (this) {
			Set<String> all = new HashSet<>(ranks.size() + names.size() > MAX_KEPT ? Set.of() : ranks.keySet());
			names.stream().filter(n -> n != null).forEach(all::add);
			List<String> sorted = jdbc
				.sql("SELECT n FROM unnest(CAST(:names AS text[])) AS t(n) ORDER BY n COLLATE \"az-x-icu\", n")
				.param("names", all.toArray(String[]::new))
				.query(String.class)
				.list();
			Map<String, Integer> fresh = new HashMap<>();
			for (String name : sorted) {
				fresh.putIfAbsent(name, fresh.size());
			}
			ranks = Map.copyOf(fresh);
			return ranks;
		}
	}

}
