package az.asan.mektub.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import az.asan.mektub.account.RegionScope;

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
		String code = url.find() ? url.group(1).toUpperCase() : typed.strip().toUpperCase();
		return jdbc.sql("""
				SELECT code, status FROM letter
				WHERE (gift_tag_code = :tag OR code = :code)
				  AND status IN ('PUBLISHED', 'ADOPTED', 'GIFT_RECEIVED', 'FULFILLED')
				  AND (CAST(:regions AS integer[]) IS NULL OR region_id = ANY(CAST(:regions AS integer[])))
				ORDER BY CASE status WHEN 'ADOPTED' THEN 0 WHEN 'PUBLISHED' THEN 1 WHEN 'GIFT_RECEIVED' THEN 2 ELSE 3 END, adopted_at DESC NULLS LAST
				LIMIT 1""")
			.param("tag", LetterCodes.normaliseTag(typed))
			.param("code", code)
			.param("regions", scope.sqlArray())
			.query((rs, n) -> new Found(rs.getString("code"), LetterStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	/** Gifts expected at the point: holds due by {@code until}, soonest first. */
	@Transactional(readOnly = true)
	public List<Row> expected(long handoverPointId, LocalDate until, RegionScope scope) {
		return rows("l.status = 'ADOPTED' AND l.due_date <= :until", handoverPointId, until, scope);
	}

	/** Gifts handed in at the point and not yet delivered to the child. */
	@Transactional(readOnly = true)
	public List<Row> received(long handoverPointId, RegionScope scope) {
		return rows("l.status = 'GIFT_RECEIVED'", handoverPointId, null, scope);
	}

	private List<Row> rows(String condition, long point, LocalDate until, RegionScope scope) {
		return jdbc.sql("SELECT l.code, l.gift_tag_code, l.first_name, l.age, l.public_wish, l.due_date, l.walk_in "
				+ "FROM letter l WHERE " + condition + " AND l.handover_point_id = :point"
				+ " AND (CAST(:regions AS integer[]) IS NULL OR l.region_id = ANY(CAST(:regions AS integer[])))"
				+ " ORDER BY l.due_date NULLS LAST, l.id")
			.param("point", point)
			.param("until", until)
			.param("regions", scope.sqlArray())
			.query((rs, n) -> new Row(rs.getString("code"), rs.getString("gift_tag_code"), rs.getString("first_name"),
					rs.getInt("age"), rs.getString("public_wish"), rs.getObject("due_date", LocalDate.class),
					rs.getBoolean("walk_in")))
			.list();
	}

}
