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

	/** Over the program's whole history. */
	@Transactional(readOnly = true)
	public List<Count> byRegion() {
		return byRegion(null);
	}

	/**
	 * Of the given campaigns only, or of all when {@code campaigns} is null. Letters could be taken at
	 * centres only from the campaign that brought paper trees on, so a split between the two ways reads
	 * true only for campaigns where both existed (the open ones, or one chosen).
	 */
	@Transactional(readOnly = true)
	public List<Count> byRegion(List<Long> campaigns) {
		return jdbc.sql("SELECT region_id AS key, count(*) FILTER (WHERE NOT walk_in) AS online, "
				+ "count(*) FILTER (WHERE walk_in) AS centres FROM letter WHERE " + TAKEN + of(campaigns)
				+ " GROUP BY region_id")
			.param("campaigns", ids(campaigns))
			.query((rs, n) -> new Count(rs.getLong("key"), rs.getLong("online"), rs.getLong("centres")))
			.list();
	}

	/** Walk-in adoptions per centre where they were recorded, over the whole history. */
	@Transactional(readOnly = true)
	public List<Count> byCentre() {
		return byCentre(null);
	}

	/** Walk-in adoptions per centre where they were recorded, of the given campaigns (all when null). */
	@Transactional(readOnly = true)
	public List<Count> byCentre(List<Long> campaigns) {
		return jdbc.sql("SELECT walk_in_point_id AS key, 0 AS online, count(*) AS centres FROM letter WHERE " + TAKEN
				+ " AND walk_in AND walk_in_point_id IS NOT NULL" + of(campaigns) + " GROUP BY walk_in_point_id")
			.param("campaigns", ids(campaigns))
			.query((rs, n) -> new Count(rs.getLong("key"), rs.getLong("online"), rs.getLong("centres")))
			.list();
	}

	private static String of(List<Long> campaigns) {
		return campaigns == null ? "" : " AND campaign_id = ANY(CAST(:campaigns AS bigint[]))";
	}

	private static Long[] ids(List<Long> campaigns) {
		return campaigns == null ? new Long[0] : campaigns.toArray(Long[]::new);
	}

}
