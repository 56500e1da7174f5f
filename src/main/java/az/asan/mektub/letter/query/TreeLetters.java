package az.asan.mektub.letter.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;
import az.asan.mektub.platform.database.SqlLike;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static az.asan.mektub.letter.LetterStatus.ADOPTED;
import static az.asan.mektub.letter.LetterStatus.FULFILLED;
import static az.asan.mektub.letter.LetterStatus.GIFT_RECEIVED;
import static az.asan.mektub.letter.LetterStatus.PUBLISHED;

/**
 * The letters the public sees: the tree's pages, a letter's public page, and letters like one a donor
 * just missed. The WHERE clause holds only the filters a visitor chose, so PostgreSQL plans each shape
 * of query for what it really asks (a generic "x IS NULL OR …" plan would scan); every shape is served
 * by the partial indexes on published letters of a campaign (see V4). A page costs two queries, the
 * letters and their count, however many letters there are.
 */
@Component
public class TreeLetters {

	private static final String COLUMNS = LetterRow.columns("l");

	private static final RowMapper<TreeLetter> TREE_LETTER = LetterRow.mapper(row -> treeLetter(row));

	/** What a visitor narrowed the tree down to; nulls (and an empty text) are not applied. */
	public record Criteria(Integer economicRegion, Integer region, Integer ageMin, Integer ageMax, Gender gender,
			Category category, BigDecimal costMin, BigDecimal costMax, String q, int page, Integer shake,
			int pageSize) {
	}

	public record Page(List<TreeLetter> letters, long total) {
	}

	/** A letter as its public page shows it, with where it stands in its life. */
	public record PublicLetter(TreeLetter letter, LetterStatus status) {
	}

	private final JdbcClient jdbc;

	TreeLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Page page(Criteria filter, long campaignId) {
		MapSqlParameterSource params = new MapSqlParameterSource("campaign", campaignId);
		String where = where(filter, params);
		long total = jdbc.sql("SELECT count(*) FROM letter l" + join(filter) + where)
			.paramSource(params)
			.query(Long.class)
			.single();
		params.addValue("limit", filter.pageSize());
		String sql;
		if (filter.shake() != null) {
			// A random set: start at a random point of each letter's drawn number and wrap around.
			params.addValue("seed", filter.shake());
			sql = "SELECT * FROM ((SELECT " + COLUMNS + ", l.shuffle FROM letter l" + join(filter) + where
					+ " AND l.shuffle >= :seed ORDER BY l.shuffle LIMIT :limit) UNION ALL (SELECT " + COLUMNS
					+ ", l.shuffle FROM letter l" + join(filter) + where
					+ " AND l.shuffle < :seed ORDER BY l.shuffle LIMIT :limit)) picked LIMIT :limit";
		}
		else {
			// Longest waiting first, so that no letter stays at the back of the tree.
			params.addValue("offset", (filter.page() - 1) * filter.pageSize());
			sql = "SELECT " + COLUMNS + " FROM letter l" + join(filter) + where
					+ " ORDER BY l.published_at, l.id LIMIT :limit OFFSET :offset";
		}
		List<TreeLetter> letters = jdbc.sql(sql).paramSource(params).query(TREE_LETTER).list();
		return new Page(letters, total);
	}

	/** A published letter by its code, or nothing: letters in any other state are not public. */
	@Transactional(readOnly = true)
	public Optional<TreeLetter> published(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM letter l WHERE l.code = ? AND " + LetterSql.is("l", PUBLISHED)
				+ " AND l.reserved_for IS NULL")
			.param(code)
			.query(TREE_LETTER)
			.optional();
	}

	/**
	 * A letter whose public page lives: on the tree, taken, with its gift on the way, or fulfilled.
	 * Letters being registered, sent back or withdrawn have no public page.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicLetter> publicLetter(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM letter l WHERE l.code = ? "
				+ "AND " + LetterSql.in("l", PUBLISHED, ADOPTED, GIFT_RECEIVED, FULFILLED))
			.param(code)
			.query(LetterRow.mapper(row -> new PublicLetter(treeLetter(row), row.status())))
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
				WHERE %s AND l.reserved_for IS NULL AND l.campaign_id = missed.campaign_id AND l.code <> missed.code
				  AND l.age BETWEEN missed.age - 2 AND missed.age + 2 %s
				ORDER BY l.published_at, l.id LIMIT :limit""";
		String published = LetterSql.is("l", PUBLISHED);
		List<TreeLetter> found = new ArrayList<>(
				jdbc.sql(sql.formatted(COLUMNS, published, "AND l.category = missed.category"))
					.param("code", code)
					.param("limit", limit)
					.query(TREE_LETTER)
					.list());
		if (found.size() < limit) {
			jdbc.sql(sql.formatted(COLUMNS, published, "AND l.category <> missed.category"))
				.param("code", code)
				.param("limit", limit - found.size())
				.query(TREE_LETTER)
				.list()
				.forEach(found::add);
		}
		return found;
	}

	private static String join(Criteria filter) {
		return filter.economicRegion() != null || filter.region() != null ? " JOIN region r ON r.id = l.region_id" : "";
	}

	private static String where(Criteria filter, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		conditions.add(LetterSql.is("l", PUBLISHED));
		// a letter reserved for an organisation's team is not free to take (issue 27.2)
		conditions.add("l.reserved_for IS NULL");
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
		if (filter.q() != null && !filter.q().isEmpty()) {
			conditions.add("az_fold(l.public_wish) LIKE '%' || az_fold(:q) || '%'");
			params.addValue("q", SqlLike.escape(filter.q()));
		}
		return " WHERE " + String.join(" AND ", conditions);
	}

	/** What the public sees of a letter row (scan_shareable says whether the scan's picture is shown). */
	private static TreeLetter treeLetter(LetterRow row) {
		return new TreeLetter(row.code(), row.firstName(), row.age(), row.gender(), row.regionId(), row.category(),
				row.publicWish(), row.estimatedCost(), row.scanShareable(), row.campaignId());
	}

}
