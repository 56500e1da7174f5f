package az.asan.mektub.letter.sql;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.LetterStatus;

import org.springframework.jdbc.core.RowMapper;

/**
 * The one mapping of a {@code letter} row: the columns the letter module's reads share, said once
 * ({@link #columns(String)}), and read once into this record ({@link #of(ResultSet)}). Each query
 * selects these columns, adds what it joins or computes under its own names, and builds its own
 * projection from the record, so that a column renamed or a type changed is changed here only.
 * <p>
 * The child's age is the letter's {@code age} column, worked out from the birth date once, when the
 * letter is registered or corrected ({@code Campaign.ageOn}): the birth date lives with the child's
 * private data and never reaches these reads. The free texts only volunteers read (the original
 * wish, the sizes, the fulfilment note) are left out too: the one page that shows them (the letter's
 * own page) selects them beside these columns.
 * <p>
 * Internal to the letter module, like {@link LetterSql}: other modules get the query records.
 */
public record LetterRow(long id, String code, String giftTagCode, long campaignId, int regionId,
		LetterStatus status, String firstName, int age, Gender gender, Category category, String publicWish,
		BigDecimal estimatedCost, boolean scanShareable, String statusReason, String statusNote, Long donorId,
		Long takenBy, boolean walkIn, Instant adoptedAt, LocalDate dueDate, Long handoverPointId,
		Instant reservedUntil, Instant publishedAt, Instant giftReceivedAt, LocalDate fulfilledOn,
		Instant createdAt) {

	/** The columns, in the record's order; each is selected under its own name. */
	private static final List<String> COLUMNS = List.of("id", "code", "gift_tag_code", "campaign_id", "region_id",
			"status", "first_name", "age", "gender", "category", "public_wish", "estimated_cost", "scan_shareable",
			"status_reason", "status_note", "donor_id", "taken_by", "walk_in", "adopted_at", "due_date",
			"handover_point_id", "reserved_until", "published_at", "gift_received_at", "fulfilled_on", "created_at");

	private static final String UNQUALIFIED = String.join(", ", COLUMNS);

	/**
	 * The select list of a letter row of the table named {@code alias} ({@code l.id, l.code, …}), or
	 * without an alias ({@code id, code, …}) when the statement reads the letter table alone.
	 */
	public static String columns(String alias) {
		if (alias == null) {
			return UNQUALIFIED;
		}
		return COLUMNS.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "));
	}

	/** The letter row of the result set's current row, selected by {@link #columns(String)}. */
	public static LetterRow of(ResultSet rs) throws SQLException {
		return new LetterRow(rs.getLong("id"), rs.getString("code"), rs.getString("gift_tag_code"),
				rs.getLong("campaign_id"), rs.getInt("region_id"), LetterStatus.valueOf(rs.getString("status")),
				rs.getString("first_name"), rs.getInt("age"), Gender.valueOf(rs.getString("gender")),
				Category.valueOf(rs.getString("category")), rs.getString("public_wish"),
				rs.getBigDecimal("estimated_cost"), rs.getBoolean("scan_shareable"), rs.getString("status_reason"),
				rs.getString("status_note"), rs.getObject("donor_id", Long.class), rs.getObject("taken_by", Long.class),
				rs.getBoolean("walk_in"), instant(rs, "adopted_at"), rs.getObject("due_date", LocalDate.class),
				rs.getObject("handover_point_id", Long.class), instant(rs, "reserved_until"),
				instant(rs, "published_at"), instant(rs, "gift_received_at"),
				rs.getObject("fulfilled_on", LocalDate.class), instant(rs, "created_at"));
	}

	/** The row mapper of a projection made of the letter row alone. */
	public static <T> RowMapper<T> mapper(Function<LetterRow, T> projection) {
		return (rs, rowNumber) -> projection.apply(of(rs));
	}

	/** The row mapper of a projection made of the letter row and the columns its statement adds. */
	public static <T> RowMapper<T> mapper(WithColumns<T> projection) {
		return (rs, rowNumber) -> projection.from(of(rs), rs);
	}

	/** A projection of the letter row and of what its statement joins or computes beside it. */
	@FunctionalInterface
	public interface WithColumns<T> {

		T from(LetterRow row, ResultSet rs) throws SQLException;

	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
