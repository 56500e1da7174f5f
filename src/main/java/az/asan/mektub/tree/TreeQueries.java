package az.asan.mektub.tree;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.LetterStatus;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tree's SQL. The WHERE clause holds only the filters a visitor chose, so PostgreSQL plans each
 * shape of query for what it really asks (a generic "x IS NULL OR …" plan would scan); every shape
 * is served by the partial indexes on published letters of a campaign (see V4). A page costs two
 * queries, the letters and their count, however many letters there are.
 */
@Component
public class TreeQueries {

	private static final String COLUMNS = "l.code, l.first_name, l.age, l.gender, l.region_id, l.category, "
			+ "l.public_wish, l.estimated_cost, l.scan_shareable, l.campaign_id";

	private final JdbcClient jdbc;

	TreeQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Page(List<TreeLetter> letters, long total) {
	}

	@Transactional(readOnly = true)
	public Page page(TreeFilter filter, long campaignId) {
		MapSqlParameterSource params = new MapSqlParameterSource("campaign", campaignId);
		String where = where(filter, params);
		long total = jdbc.sql("SELECT count(*) FROM letter l" + join(filter) + where)
			.paramSource(params)
			.query(Long.class)
			.single();
		params.addValue("limit", TreeFilter.PAGE_SIZE);
		String sql;
		if (filter.shaken()) {
			// A random set: start at a random point of each letter's drawn number and wrap around.
			params.addValue("seed", filter.shake());
			sql = "SELECT * FROM ((SELECT " + COLUMNS + ", l.shuffle FROM letter l" + join(filter) + where
					+ " AND l.shuffle >= :seed ORDER BY l.shuffle LIMIT :limit) UNION ALL (SELECT " + COLUMNS
					+ ", l.shuffle FROM letter l" + join(filter) + where
					+ " AND l.shuffle < :seed ORDER BY l.shuffle LIMIT :limit)) picked LIMIT :limit";
		}
		else {
			// Longest waiting first, so that no letter stays at the back of the tree.
			params.addValue("offset", (filter.page() - 1) * TreeFilter.PAGE_SIZE);
			sql = "SELECT " + COLUMNS + " FROM letter l" + join(filter) + where
					+ " ORDER BY l.published_at, l.id LIMIT :limit OFFSET :offset";
		}
		List<TreeLetter> letters = jdbc.sql(sql).paramSource(params).query(TreeQueries::map).list();
		return new Page(letters, total);
	}

	/** A published letter by its code, or nothing: letters in any other state are not public. */
	@Transactional(readOnly = true)
	public Optional<TreeLetter> published(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM letter l WHERE l.code = ? AND l.status = 'PUBLISHED'")
			.param(code)
			.query(TreeQueries::map)
			.optional();
	}

	/** A letter as its public page shows it, with where it stands in its life. */
	public record PublicLetter(TreeLetter letter, LetterStatus status) {
	}

	/**
	 * A letter whose public page lives: on the tree, taken, with its gift on the way, or fulfilled.
	 * Letters being registered, sent back or withdrawn have no public page.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicLetter> publicLetter(String code) {
		return jdbc.sql("SELECT " + COLUMNS + ", l.status FROM letter l WHERE l.code = ? "
				+ "AND l.status IN ('PUBLISHED', 'ADOPTED', 'GIFT_RECEIVED', 'FULFILLED')")
			.param(code)
			.query((rs, n) -> new PublicLetter(map(rs, n), LetterStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	/**
	 * Letters like the one a donor just missed: the same campaign and kind of wish and an age within two
	 * years, longest waiting first; then any kind of wish at that age. Each is a walk along the tree's
	 * index that stops at the first few matches.
	 */
	@Transactional(readOnly = true)
	public List<TreeLetter> similar(String code, int limit) {
		String sql = """
				SELECT %s FROM letter l JOIN letter missed ON missed.code = :code
				WHERE l.status = 'PUBLISHED' AND l.campaign_id = missed.campaign_id AND l.code <> missed.code
				  AND l.age BETWEEN missed.age - 2 AND missed.age + 2 %s
				ORDER BY l.published_at, l.id LIMIT :limit""";
		List<TreeLetter> found = new ArrayList<>(jdbc.sql(sql.formatted(COLUMNS, "AND l.category = missed.category"))
			.param("code", code)
			.param("limit", limit)
			.query(TreeQueries::map)
			.list());
		if (found.size() < limit) {
			jdbc.sql(sql.formatted(COLUMNS, "AND l.category <> missed.category"))
				.param("code", code)
				.param("limit", limit - found.size())
				.query(TreeQueries::map)
				.list()
				.forEach(found::add);
		}
		return found;
	}

	private static String join(TreeFilter filter) {
		return filter.economicRegion() != null || filter.region() != null ? " JOIN region r ON r.id = l.region_id" : "";
	}

	private static String where(TreeFilter filter, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("l.status = 'PUBLISHED'");
		conditions.add("l.campaign_id = :campaign");
		if (filter.economicRegion() != null) {
			conditions.add("r.economic_region_id = :economicRegion");
			params.addValue("economicRegion", filter.economicRegion());
		}
		if (filter.region() != null) {
			// Choosing Bakı includes its city districts.
			conditions.add("(l.region_id = :region OR r.parent_id = :region)");
			params.addValue("region", filter.region());
		}
		if (filter.ageMin() != null) {
			conditions.add("l.age >= :ageMin");
			params.addValue("ageMin", filter.ageMin());
		}
		if (filter.ageMax() != null) {
			conditions.add("l.age <= :ageMax");
			params.addValue("ageMax", filter.ageMax());
		}
		if (filter.gender() != null) {
			conditions.add("l.gender = :gender");
			params.addValue("gender", filter.gender().name());
		}
		if (filter.category() != null) {
			conditions.add("l.category = :category");
			params.addValue("category", filter.category().name());
		}
		if (filter.costMin() != null) {
			conditions.add("l.estimated_cost >= :costMin");
			params.addValue("costMin", filter.costMin());
		}
		if (filter.costMax() != null) {
			conditions.add("l.estimated_cost <= :costMax");
			params.addValue("costMax", filter.costMax());
		}
		if (!filter.q().isEmpty()) {
			conditions.add("az_fold(l.public_wish) LIKE '%' || az_fold(:q) || '%'");
			params.addValue("q", az.asan.mektub.system.SqlLike.escape(filter.q()));
		}
		return " WHERE " + String.join(" AND ", conditions);
	}

	private static TreeLetter map(ResultSet rs, int row) throws SQLException {
		return new TreeLetter(rs.getString("code"), rs.getString("first_name"), rs.getInt("age"),
				Gender.valueOf(rs.getString("gender")), rs.getInt("region_id"), Category.valueOf(rs.getString("category")),
				rs.getString("public_wish"), rs.getBigDecimal("estimated_cost"), rs.getBoolean("scan_shareable"),
				rs.getLong("campaign_id"));
	}

}
