package az.asan.mektub.platform.database;

/**
 * A search word for {@code LIKE '%' || :q || '%'}: its {@code %}, {@code _} and backslash stand for
 * themselves (PostgreSQL's default escape character is the backslash), so that a search for "%"
 * finds texts holding a percent sign rather than every row.
 */
public final class SqlLike {

	private SqlLike() {
	}

	public static String escape(String word) {
		return word == null ? "" : word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
