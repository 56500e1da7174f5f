package az.asan.mektub.letter.query;

import java.util.List;

import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How letters were taken: online by a donor account, or at a service centre's desk by a walk-in
 * donor. Counts the letters taken and not given back (adopted, gift received, fulfilled).
 */
@Component
public class AdoptionChannels {

	/** Taken letters of one region (or of one centre, for walk-ins): online and at centres. */
	public record Count(long key, long online, long atCentres) {
	}

	private static final String TAKEN = LetterSql.in(null, LetterStatus.ADOPTED, LetterStatus.GIFT_RECEIVED,
			LetterStatus.FULFILLED);

	private final JdbcClient jdbc;

	AdoptionChannels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Count> byRegion() {
		return jdbc.sql("SELECT region_id AS key, count(*) FILTER (WHERE NOT walk_in) AS online, "
				+ "count(*) FILTER (WHERE walk_in) AS centres FROM letter WHERE " + TAKEN + " GROUP BY region_id")
			.query((rs, n) -> new Count(rs.getLong("key"), rs.getLong("online"), rs.getLong("centres")))
			.list();
	}

	/** Walk-in adoptions per centre where they were recorded. */
	@Transactional(readOnly = true)
	public List<Count> byCentre() {
		return jdbc.sql("SELECT walk_in_point_id AS key, 0 AS online, count(*) AS centres FROM letter WHERE " + TAKEN
				+ " AND walk_in AND walk_in_point_id IS NOT NULL GROUP BY walk_in_point_id")
			.query((rs, n) -> new Count(rs.getLong("key"), rs.getLong("online"), rs.getLong("centres")))
			.list();
	}

}
