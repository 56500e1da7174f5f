package az.asan.mektub.letter.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.letter.LetterCodes;
import az.asan.mektub.letter.LetterStatus;
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

	/** A letter found by a gift's tag: its code and where it stands. */
	public record Found(String code, LetterStatus status) {
	}

	/** One row of the daily list. */
	public record Row(String code, String giftTagCode, String firstName, int age, String wish, LocalDate dueDate,
			boolean walkIn) {
	}

	private static final Pattern LETTER_URL = Pattern.compile("/letters/([0-9A-Za-z]{12})");

	private final JdbcClient jdbc;

	HandoverDesk(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The letter of the volunteer's regions whose gift tag code (or public code, or address from the
	 * tag's QR code) was given; one waiting for its gift first.
	 */
	@Transactional(readOnly = true)
	public Optional<Found> find(String typed, RegionScope scope) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		Matcher url = LETTER_URL.matcher(typed);
		String code = LetterCodes.normaliseCode(url.find() ? url.group(1) : typed);
		return jdbc.sql("""
				SELECT code, status FROM letter
				WHERE (gift_tag_code = :tag OR code = :code)
				  AND %s
				  AND %s
				ORDER BY CASE status WHEN %s THEN 0 WHEN %s THEN 1 WHEN %s THEN 2 ELSE 3 END, adopted_at DESC NULLS LAST
				LIMIT 1""".formatted(
				LetterSql.in(null, LetterStatus.PUBLISHED, LetterStatus.ADOPTED, LetterStatus.GIFT_RECEIVED,
						LetterStatus.FULFILLED),
				LetterSql.inScope(null), LetterSql.literal(LetterStatus.ADOPTED), LetterSql.literal(LetterStatus.PUBLISHED),
				LetterSql.literal(LetterStatus.GIFT_RECEIVED)))
			.param("tag", LetterCodes.normaliseTag(typed))
			.param("code", code)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query((rs, n) -> new Found(rs.getString("code"), LetterStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	/** Gifts expected at the point: holds due by {@code until}, soonest first. */
	@Transactional(readOnly = true)
	public List<Row> expected(long handoverPointId, LocalDate until, RegionScope scope) {
		return rows(LetterSql.is("l", LetterStatus.ADOPTED) + " AND l.due_date <= :until", handoverPointId, until, scope);
	}

	/**
	 * How many holds at the point fall due after {@code until}: a walk-in's hold runs for the campaign's
	 * days (fourteen by default), longer than the daily list looks ahead, and the desk should know the
	 * gifts are coming all the same.
	 */
	@Transactional(readOnly = true)
	public long expectedLater(long handoverPointId, LocalDate until, RegionScope scope) {
		return jdbc.sql("SELECT count(*) FROM letter l WHERE " + LetterSql.is("l", LetterStatus.ADOPTED)
				+ " AND l.due_date > :until AND l.handover_point_id = :point AND " + LetterSql.inScope("l"))
			.param("point", handoverPointId)
			.param("until", until)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query(Long.class)
			.single();
	}

	/** Gifts handed in at the point and not yet delivered to the child. */
	@Transactional(readOnly = true)
	public List<Row> received(long handoverPointId, RegionScope scope) {
		return rows(LetterSql.is("l", LetterStatus.GIFT_RECEIVED), handoverPointId, null, scope);
	}

	private List<Row> rows(String condition, long point, LocalDate until, RegionScope scope) {
		return jdbc.sql("SELECT l.code, l.gift_tag_code, l.first_name, l.age, l.public_wish, l.due_date, l.walk_in "
				+ "FROM letter l WHERE " + condition + " AND l.handover_point_id = :point"
				+ " AND " + LetterSql.inScope("l")
				+ " ORDER BY l.due_date NULLS LAST, l.id")
			.param("point", point)
			.param("until", until)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query((rs, n) -> new Row(rs.getString("code"), rs.getString("gift_tag_code"), rs.getString("first_name"),
					rs.getInt("age"), rs.getString("public_wish"), rs.getObject("due_date", LocalDate.class),
					rs.getBoolean("walk_in")))
			.list();
	}

}
