package az.asan.mektub.letter.sql;

import java.util.Arrays;
import java.util.stream.Collectors;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.letter.LetterStatus;

/**
 * The one place where a letter's status is written into SQL, and where "the letters of this
 * person's regions" is said in SQL. Statuses are rendered as literals from {@link LetterStatus} (not
 * bound as parameters) on purpose: the partial indexes on published and adopted letters are only
 * chosen by the planner when the status stands in the statement itself.
 * <p>
 * Internal to the letter module: other modules read letters through {@code letter.query}.
 */
public final class LetterSql {

	/** The name of the parameter {@link #inScope(String)} expects; bind it with {@link #regions(RegionScope)}. */
	public static final String REGIONS = "regions";

	private LetterSql() {
	}

	/** {@code 'ADOPTED'}: a status as an SQL literal. */
	public static String literal(LetterStatus status) {
		return "'" + status.name() + "'";
	}

	/** {@code ('ADOPTED', 'GIFT_RECEIVED')}: statuses as an SQL list. */
	public static String list(LetterStatus... statuses) {
		return Arrays.stream(statuses).map(LetterSql::literal).collect(Collectors.joining(", ", "(", ")"));
	}

	/** {@code l.status = 'PUBLISHED'}, or without an alias {@code status = 'PUBLISHED'}. */
	public static String is(String alias, LetterStatus status) {
		return column(alias) + " = " + literal(status);
	}

	/** {@code l.status <> 'WITHDRAWN'}. */
	public static String isNot(String alias, LetterStatus status) {
		return column(alias) + " <> " + literal(status);
	}

	/** {@code l.status IN ('ADOPTED', 'GIFT_RECEIVED')}. */
	public static String in(String alias, LetterStatus... statuses) {
		return column(alias) + " IN " + list(statuses);
	}

	/**
	 * The letters of a region scope: {@code (CAST(:regions AS integer[]) IS NULL OR l.region_id =
	 * ANY(CAST(:regions AS integer[])))}, all letters for staff, a volunteer's regions otherwise.
	 */
	public static String inScope(String alias) {
		return "(CAST(:" + REGIONS + " AS integer[]) IS NULL OR " + (alias == null ? "" : alias + ".")
				+ "region_id = ANY(CAST(:" + REGIONS + " AS integer[])))";
	}

	/** The value for {@link #REGIONS}: null for every region. */
	public static Integer[] regions(RegionScope scope) {
		return scope.sqlArray();
	}

	private static String column(String alias) {
		return alias == null ? "status" : alias + ".status";
	}

}
