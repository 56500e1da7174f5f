package az.asan.mektub.platform.i18n;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one order of names, in the reader's language: PostgreSQL's ICU collations ({@code az-x-icu},
 * {@code en-x-icu}, {@code ru-x-icu}), for lists sorted in SQL and in Java alike. The JDK's
 * {@code Collator} does not know Azerbaijani (it puts Biləsuvar before Bərdə and Şabran among the
 * S-names), so names sorted in memory (region labels in the reader's language, report rows) take their
 * order from PostgreSQL: the names are ranked once by the database and the ranks kept, so a page asks
 * again only for a name it has not sorted before. Outside a request the order is Azerbaijani.
 */
@Component
public class Collation {

	/** Names are labels of reference data (regions, campaigns); past this many, the ranks start afresh. */
	private static final int MAX_KEPT = 20_000;

	private final JdbcClient jdbc;

	private final Map<String, Map<String, Integer>> ranks = new java.util.concurrent.ConcurrentHashMap<>();

	Collation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Names in the reader's alphabetical order; an unknown or missing name sorts last. */
	public Comparator<String> order(Collection<String> names) {
		return order(names, Formats.current());
	}

	/** Names in the alphabetical order of this language (Azerbaijani for any but English and Russian). */
	public Comparator<String> order(Collection<String> names, Locale locale) {
		Map<String, Integer> known = rank(names, collationOf(locale));
		return Comparator.comparing(name -> name == null ? Integer.MAX_VALUE : known.getOrDefault(name, Integer.MAX_VALUE));
	}

	/** The items sorted by their name in the reader's alphabetical order. */
	public <T> List<T> sort(Collection<T> items, Function<T, String> name) {
		return sort(items, name, Formats.current());
	}

	/** The items sorted by their name in the alphabetical order of this language. */
	public <T> List<T> sort(Collection<T> items, Function<T, String> name, Locale locale) {
		Comparator<String> order = order(items.stream().map(name).toList(), locale);
		return items.stream().sorted(Comparator.comparing(name, order)).toList();
	}

	/** The name of PostgreSQL's ICU collation for the language; only these three are ever put into SQL. */
	public static String collationOf(Locale locale) {
		String language = locale == null ? "az" : locale.getLanguage();
		return switch (language) {
			case "en" -> "en-x-icu";
			case "ru" -> "ru-x-icu";
			default -> "az-x-icu";
		};
	}

	private Map<String, Integer> rank(Collection<String> names, String collation) {
		Map<String, Integer> known = ranks.getOrDefault(collation, Map.of());
		boolean allKnown = names.stream().allMatch(n -> n == null || known.containsKey(n));
		if (allKnown) {
			return known;
		}
		synchronized (this) {
			Map<String, Integer> kept = ranks.getOrDefault(collation, Map.of());
			Set<String> all = new HashSet<>(kept.size() + names.size() > MAX_KEPT ? Set.of() : kept.keySet());
			names.stream().filter(n -> n != null).forEach(all::add);
			List<String> sorted = jdbc
				.sql("SELECT n FROM unnest(CAST(:names AS text[])) AS t(n) ORDER BY n COLLATE \"" + collation + "\", n")
				.param("names", all.toArray(String[]::new))
				.query(String.class)
				.list();
			Map<String, Integer> fresh = new HashMap<>();
			for (String name : sorted) {
				fresh.putIfAbsent(name, fresh.size());
			}
			Map<String, Integer> copy = Map.copyOf(fresh);
			ranks.put(collation, copy);
			return copy;
		}
	}

}
