package az.asan.mektub.letter.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import az.asan.mektub.handover.DeskScope;
import az.asan.mektub.letter.LetterCodes;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk of a handover point: finding the letter of a gift from the code on its tag (typed, or
 * scanned from the tag's QR code, which holds the letter's address), and the day's list of gifts
 * expected and gifts in but not yet with the child.
 */
@Service
public class HandoverDesk {

	/**
	 * A letter found by a gift's tag: its code, where it stands, and whether it is of the person's
	 * regions (its page with the child's private data) or only at one of their centres (the desk's page).
	 */
	public record Found(String code, LetterStatus status, boolean inRegions, boolean unplaced) {

		public Found(String code, LetterStatus status, boolean inRegions) {
			this(code, status, inRegions, false);
		}

	}

	/**
	 * What the desk of a centre shows of a gift it receives (issue 22): what handing in needs — the
	 * code, the child's first name and age, the wish, the donor — never the child's surname, birth
	 * date or contact, which only the volunteers of the child's region see.
	 */
	public record Gift(String code, LetterStatus status, String firstName, int age, String wish, String donorName,
			Long handoverPointId, LocalDate dueDate, boolean walkIn, boolean inRegions, int regionId) {
	}

	/** One row of the daily list; the child's region is public and says where the gift goes on. */
	public record Row(String code, String giftTagCode, String firstName, int age, String wish, LocalDate dueDate,
			boolean walkIn, boolean inRegions, int regionId) {
	}

	private static final Pattern LETTER_URL = Pattern.compile("/letters/([0-9A-Za-z]{12})");

	private final JdbcClient jdbc;

	HandoverDesk(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The letter at this desk whose gift tag code (or public code, or address from the tag's QR code)
	 * was given: of the person's regions, or expected at one of their centres whatever the child's
	 * region (issue 22); one waiting for its gift first.
	 */
	@Transactional(readOnly = true)
	public Optional<Found> find(String typed, DeskScope desk) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		Matcher url = LETTER_URL.matcher(typed);
		String code = LetterCodes.normaliseCode(url.find() ? url.group(1) : typed);
		return jdbc.sql("""
				SELECT %s, %s AS in_regions FROM letter
				WHERE (gift_tag_code = :tag OR code = :code)
				  AND %s
				  AND (%s OR %s
				       -- no centre chosen: any centre's desk, by the exact tag code only
				       OR (:anyCentre AND handover_point_id IS NULL AND gift_tag_code = :tag AND status = %s))
				ORDER BY CASE status WHEN %s THEN 0 WHEN %s THEN 1 WHEN %s THEN 2 ELSE 3 END, adopted_at DESC NULLS LAST
				LIMIT 1""".formatted(LetterRow.columns(null), LetterSql.inScope(null),
				LetterSql.in(null, LetterStatus.PUBLISHED, LetterStatus.ADOPTED, LetterStatus.GIFT_RECEIVED,
						LetterStatus.FULFILLED),
				LetterSql.inScope(null), atCentres(null), LetterSql.literal(LetterStatus.ADOPTED),
				LetterSql.literal(LetterStatus.ADOPTED),
				LetterSql.literal(LetterStatus.PUBLISHED), LetterSql.literal(LetterStatus.GIFT_RECEIVED)))
			.param("anyCentre", desk.atAnyCentre())
			.param("tag", LetterCodes.normaliseTag(typed))
			.param("code", code)
			.param(LetterSql.REGIONS, LetterSql.regions(desk.regions()))
			.param(CENTRES, desk.centresArray())
			.query(LetterRow.mapper((row, rs) -> new Found(row.code(), row.status(), rs.getBoolean("in_regions"),
					row.handoverPointId() == null)))
			.optional();
	}

	/** A gift at this desk, as the desk shows it (see {@link Gift}). */
	@Transactional(readOnly = true)
	public Optional<Gift> gift(String code, DeskScope desk) {
		return gift(code, desk, false);
	}

	/**
	 * The same, and with {@code tagShown} (the desk found it by its exact tag code in this session) a
	 * gift whose donor chose no centre, at any centre's desk.
	 */
	@Transactional(readOnly = true)
	public Optional<Gift> gift(String code, DeskScope desk, boolean tagShown) {
		return jdbc.sql("""
				SELECT %s, coalesce(d.full_name, l.walk_in_name) AS donor_name, %s AS in_regions
				FROM letter l LEFT JOIN app_user d ON d.id = l.donor_id
				WHERE l.code = :code AND %s AND (%s OR %s
				      OR (:unplaced AND l.handover_point_id IS NULL AND l.status = %s))""".formatted(
				LetterRow.columns("l"), LetterSql.inScope("l"),
				LetterSql.in("l", LetterStatus.ADOPTED, LetterStatus.GIFT_RECEIVED, LetterStatus.FULFILLED),
				LetterSql.inScope("l"), atCentres("l"), LetterSql.literal(LetterStatus.ADOPTED)))
			.param("unplaced", tagShown && desk.atAnyCentre())
			.param("code", code)
			.param(LetterSql.REGIONS, LetterSql.regions(desk.regions()))
			.param(CENTRES, desk.centresArray())
			.query(LetterRow.mapper((row, rs) -> new Gift(row.code(), row.status(), row.firstName(), row.age(),
					row.publicWish(), rs.getString("donor_name"), row.handoverPointId(), row.dueDate(), row.walkIn(),
					rs.getBoolean("in_regions"), row.regionId())))
			.optional();
	}

	private static final String CENTRES = "centres";

	/** The letter's gift is expected at one of the person's centres (every centre for staff). */
	private static String atCentres(String alias) {
		return "(CAST(:" + CENTRES + " AS bigint[]) IS NULL OR " + (alias == null ? "" : alias + ".")
				+ "handover_point_id = ANY(CAST(:" + CENTRES + " AS bigint[])))";
	}

	/**
	 * Gifts expected at the point: holds due from today (Baku) to {@code until}, soonest first — at a centre the person
	 * works at every one, whatever the child's region; at another centre of their regions, theirs.
	 */
	@Transactional(readOnly = true)
	public List<Row> expected(long handoverPointId, LocalDate until, DeskScope desk) {
		// a hold past its due date is no longer expected: the expiry job gives it back to the tree (it may
		// not have run yet, just after a start), and the desk should not wait for it
		return rows(LetterSql.is("l", LetterStatus.ADOPTED)
				+ " AND l.due_date <= :until AND l.due_date >= CAST(now() AT TIME ZONE 'Asia/Baku' AS date)",
				handoverPointId, until, desk);
	}

	/**
	 * How many holds at the point fall due after {@code until}: a walk-in's hold runs for the campaign's
	 * days (fourteen by default), longer than the daily list looks ahead, and the desk should know the
	 * gifts are coming all the same.
	 */
	@Transactional(readOnly = true)
	public long expectedLater(long handoverPointId, LocalDate until, DeskScope desk) {
		return jdbc.sql("SELECT count(*) FROM letter l WHERE " + LetterSql.is("l", LetterStatus.ADOPTED)
				+ " AND l.due_date > :until AND l.handover_point_id = :point AND (:centre OR " + LetterSql.inScope("l") + ")")
			.param("point", handoverPointId)
			.param("until", until)
			.param("centre", desk.worksAt(handoverPointId))
			.param(LetterSql.REGIONS, LetterSql.regions(desk.regions()))
			.query(Long.class)
			.single();
	}

	/** Gifts handed in at the point and not yet delivered to the child. */
	@Transactional(readOnly = true)
	public List<Row> received(long handoverPointId, DeskScope desk) {
		return rows(LetterSql.is("l", LetterStatus.GIFT_RECEIVED), handoverPointId, null, desk);
	}

	/**
	 * At a centre the person works at, every letter whose gift is expected there; at a centre of their
	 * regions only, the letters of their regions, as before centres were assigned.
	 */
	private List<Row> rows(String condition, long point, LocalDate until, DeskScope desk) {
		return jdbc.sql("SELECT " + LetterRow.columns("l") + ", " + LetterSql.inScope("l") + " AS in_regions "
				+ "FROM letter l WHERE " + condition + " AND l.handover_point_id = :point"
				+ " AND (:centre OR " + LetterSql.inScope("l") + ")"
				+ " ORDER BY l.due_date NULLS LAST, l.id")
			.param("point", point)
			.param("until", until)
			.param("centre", desk.worksAt(point))
			.param(LetterSql.REGIONS, LetterSql.regions(desk.regions()))
			.query(LetterRow.mapper((row, rs) -> new Row(row.code(), row.giftTagCode(), row.firstName(), row.age(),
					row.publicWish(), row.dueDate(), row.walkIn(), rs.getBoolean("in_regions"), row.regionId())))
			.list();
	}

}
