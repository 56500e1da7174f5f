package az.asan.mektub.letter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.campaign.CampaignSql;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The paper tree of an ASAN service centre: letters printed as tags hang there as well as on the
 * online tree, one centre at a time. Printing marks the chosen letters in one UPDATE with one
 * timestamp, and that timestamp names the sheet, so a sheet can be opened (and printed) again.
 */
@Service
public class PaperTree {

	/** Which letters go on a sheet: the volunteer's regions only, on the online tree now. */
	public record Choice(Integer regionId, Integer minAge, Integer maxAge, int count, boolean notOnPaper) {
	}

	/** One tag of a sheet: what a passer-by reads, and the way to the letter. */
	public record Tag(String code, String firstName, int age, String wish) {

		/**
		 * The code as printed for reading aloud and typing back: groups of four joined by dashes
		 * (ABCD-EFGH-JKLM), as gift tag codes are; the desk takes it back with or without them.
		 */
		public String readableCode() {
			StringBuilder grouped = new StringBuilder(code.length() + 3);
			for (int i = 0; i < code.length(); i += 4) {
				if (i > 0) {
					grouped.append('-');
				}
				grouped.append(code, i, Math.min(code.length(), i + 4));
			}
			return grouped.toString();
		}
	}

	public static final int MAX_COUNT = 200;

	private final JdbcClient jdbc;

	private final LetterChanges changes;

	PaperTree(JdbcClient jdbc, LetterChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	/**
	 * Marks up to {@code count} letters (longest waiting first) as hanging at the centre and returns
	 * the time that names the sheet, or empty when no letter matched.
	 */
	@Transactional
	public Optional<Instant> print(Choice choice, long handoverPointId, RegionScope scope) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		int marked = jdbc.sql("""
				UPDATE letter SET paper_tree_point_id = :point, paper_printed_at = :at
				WHERE id IN (
				    SELECT l.id FROM letter l JOIN campaign c ON c.id = l.campaign_id AND %s
				    WHERE %s
				      AND %s
				      AND (CAST(:region AS integer) IS NULL OR l.region_id = CAST(:region AS integer))
				      AND (CAST(:minAge AS integer) IS NULL OR l.age >= CAST(:minAge AS integer))
				      AND (CAST(:maxAge AS integer) IS NULL OR l.age <= CAST(:maxAge AS integer))
				      AND (NOT :notOnPaper OR l.paper_tree_point_id IS NULL)
				      AND l.reserved_for IS NULL
				    ORDER BY l.published_at, l.id LIMIT :count
				    FOR UPDATE OF l SKIP LOCKED)""".formatted(CampaignSql.notClosed("c"), LetterSql.is("l", LetterStatus.PUBLISHED), LetterSql.inScope("l")))
			.param("point", handoverPointId)
			.param("at", java.sql.Timestamp.from(at))
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.param("region", choice.regionId())
			.param("minAge", choice.minAge())
			.param("maxAge", choice.maxAge())
			.param("notOnPaper", choice.notOnPaper())
			.param("count", Math.min(Math.max(choice.count(), 1), MAX_COUNT))
			.update();
		if (marked == 0) {
			return Optional.empty();
		}
		// the letters' pages say where they hang now
		changes.changed(LetterChanged.many());
		return Optional.of(at);
	}

	/**
	 * The tags of a printed sheet still on the tree (a letter adopted since, or reserved for an
	 * organisation's team, is left out; none is printed while reserved).
	 */
	@Transactional(readOnly = true)
	public List<Tag> sheet(long handoverPointId, Instant printedAt, RegionScope scope) {
		return jdbc.sql("""
				SELECT %s FROM letter l
				WHERE l.paper_tree_point_id = :point AND l.paper_printed_at = :at AND %s AND l.reserved_for IS NULL
				  AND %s
				ORDER BY l.published_at, l.id""".formatted(LetterRow.columns("l"),
				LetterSql.is("l", LetterStatus.PUBLISHED), LetterSql.inScope("l")))
			.param("point", handoverPointId)
			.param("at", java.sql.Timestamp.from(printedAt))
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query(LetterRow.mapper(row -> new Tag(row.code(), row.firstName(), row.age(), row.publicWish())))
			.list();
	}

	/** The centre whose paper tree the letter hangs on, while it is on the tree. */
	@Transactional(readOnly = true)
	public Optional<Long> hangingAt(String code) {
		return jdbc.sql("SELECT paper_tree_point_id FROM letter WHERE code = ? AND " + LetterSql.is(null, LetterStatus.PUBLISHED)
				+ " AND paper_tree_point_id IS NOT NULL")
			.param(code)
			.query(Long.class)
			.optional();
	}

}
