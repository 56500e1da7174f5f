package az.asan.mektub.letter;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program's headline figures. "Regions reached" counts first-level regions with at least one
 * fulfilled letter (Baku's districts count as Bakı), as the program's own "56 regions" does. The
 * figures change slowly and the home page is the busiest page, so they are kept for a short while.
 */
@Component
public class LetterStatistics {

	public record Totals(long fulfilled, long regionsReached, long waiting) {
	}

	private static final Duration FRESH_FOR = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private volatile Totals cached;

	private volatile Instant cachedAt = Instant.EPOCH;

	LetterStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Totals totals() {
		if (cached != null && cachedAt.plus(FRESH_FOR).isAfter(Instant.now())) {
			return cached;
		}
		Totals totals = fresh();
		cached = totals;
		cachedAt = Instant.now();
		return totals;
	}

	@Transactional(readOnly = true)
	public Totals fresh() {
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE l.status = 'FULFILLED') AS fulfilled,
				       count(DISTINCT coalesce(r.parent_id, r.id)) FILTER (WHERE l.status = 'FULFILLED') AS regions,
				       count(*) FILTER (WHERE l.status = 'PUBLISHED') AS waiting
				FROM letter l JOIN region r ON r.id = l.region_id
				WHERE l.status IN ('FULFILLED', 'PUBLISHED')""")
			.query((rs, n) -> new Totals(rs.getLong("fulfilled"), rs.getLong("regions"), rs.getLong("waiting")))
			.single();
	}

}
