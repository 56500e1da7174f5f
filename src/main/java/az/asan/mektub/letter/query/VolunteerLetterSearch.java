package az.asan.mektub.letter.query;

import java.time.Instant;
import java.util.List;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteers' search over the letters of their regions: by status, region, campaign and a
 * text that is either a letter's code or part of the child's name, matched the Azerbaijani way
 * ({@code ismayıllı}, {@code ismayilli} and {@code İSMAYILLI} find each other). Two queries a page,
 * whatever its size: the rows and their count.
 */
@Component
public class VolunteerLetterSearch {

	public static final int PAGE_SIZE = 25;

	public record Criteria(LetterStatus status, Integer regionId, Long campaignId, String q, int page) {

		public Criteria {
			q = q == null ? "" : q.strip();
			page = Math.min(Math.max(page, 1), 10_000);
		}

	}

	public record Row(String code, String firstName, String surname, int age, int regionId, LetterStatus status,
			String campaignName, Instant createdAt) {
	}

	public record Page(List<Row> rows, long total, int page) {

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

	private static final String WHERE = """
			FROM letter l JOIN child ch ON ch.id = l.child_id JOIN campaign c ON c.id = l.campaign_id
			WHERE """ + LetterSql.inScope("l") + """

			  AND (CAST(:status AS varchar) IS NULL OR l.status = CAST(:status AS varchar))
			  AND (CAST(:region AS integer) IS NULL OR l.region_id = CAST(:region AS integer))
			  AND (CAST(:campaign AS bigint) IS NULL OR l.campaign_id = CAST(:campaign AS bigint))
			  AND (:q = '' OR l.code = upper(:q) OR l.gift_tag_code = upper(:q)
			       OR az_fold(ch.first_name || ' ' || coalesce(ch.surname, '')) LIKE '%' || az_fold(:qLike) || '%')
			""";

	private final JdbcClient jdbc;

	VolunteerLetterSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Page search(Criteria criteria, RegionScope scope, java.util.Locale locale) {
		String q = criteria.q();
		long total = bind(jdbc.sql("SELECT count(*) " + WHERE), criteria, scope, q).query(Long.class).single();
		String select = "SELECT " + LetterRow.columns("l") + ", ch.surname, "
				+ "CASE :lang WHEN 'en' THEN c.name_en WHEN 'ru' THEN c.name_ru ELSE c.name_az END AS campaign_name\n";
		List<Row> rows = bind(jdbc.sql(select + WHERE + " ORDER BY l.created_at DESC, l.id DESC LIMIT :limit OFFSET :offset"),
				criteria, scope, q)
			.param("limit", PAGE_SIZE)
			.param("offset", (criteria.page() - 1) * PAGE_SIZE)
			.param("lang", locale.getLanguage())
			.query(LetterRow.mapper((row, rs) -> new Row(row.code(), row.firstName(), rs.getString("surname"),
					row.age(), row.regionId(), row.status(), rs.getString("campaign_name"), row.createdAt())))
			.list();
		return new Page(rows, total, criteria.page());
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Criteria criteria, RegionScope scope,
			String q) {
		return spec.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.param("status", criteria.status() == null ? null : criteria.status().name())
			.param("region", criteria.regionId())
			.param("campaign", criteria.campaignId())
			.param("q", q)
			.param("qLike", az.asan.mektub.platform.database.SqlLike.escape(q));
	}

}
