package az.asan.mektub.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.Role;
import az.asan.mektub.demo.RegionalSpread;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.database.BeforeServing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the benchmark only: fills the database up to {@code asan.bench.letters} (ASAN_BENCH_LETTERS)
 * letters in the proportions of a program at national scale. About 85 % are the fulfilled (and some
 * withdrawn) letters of the closed years; the open campaign holds the rest: mostly on the tree, then
 * adopted, in review, gifts in, withdrawn. Baku's districts weigh more, as its population does. It
 * also opens 50 donor accounts, holding nothing, for the adoption-under-contention run. Runs once, on a
 * database that has fewer letters than asked for, after the demo data (whose accounts and campaigns
 * it uses).
 * <p>
 * This class is not in the app: it lives in {@code src/bench/java}, which only the Maven profile
 * {@code bench} compiles (bench/run.sh builds {@code target/bench/mektub-*.jar} with it), and it runs
 * only under the Spring profile {@code bench}. That is also why it may write the {@code child},
 * {@code letter} and {@code letter_status_change} tables with SQL of its own, although those tables
 * belong to the letter module: a production class would go through the letter module's operations,
 * but a million letters through them would take an hour, and the benchmark's data is not the app's.
 * <p>
 * How it is fast: every table is written by one set-based {@code INSERT … SELECT} over
 * {@code generate_series}, all in one transaction, with the tables' secondary indexes and foreign keys
 * dropped first and added again afterwards (building an index or checking a key once for the whole
 * table is far cheaper than doing it row by row), the ids reserved from their
 * sequences in one step, letter codes computed from the id (a bijection, so unique without a retry),
 * and {@code VACUUM ANALYZE} at the end so that the planner and index-only scans see the new rows.
 */
@Component
@Profile("bench")
@Order(30)
class BenchData implements BeforeServing {

	static final String DONOR_PASSWORD = "bench12345";

	/** The tables written here; their secondary indexes are rebuilt after the load. */
	private static final List<String> TABLES = List.of("child", "letter", "letter_status_change");

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private final Log log = LogFactory.getLog(BenchData.class);

	private final int letters;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Regions regions;

	private final AccountManagement accounts;

	private final DataSource dataSource;

	BenchData(@Value("${asan.bench.letters:0}") int letters, JdbcClient jdbc, TransactionTemplate tx, Regions regions,
			AccountManagement accounts, DataSource dataSource) {
		this.letters = letters;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.tx = tx;
		this.regions = regions;
		this.accounts = accounts;
	}

	/** A run of letters of one campaign in one status. */
	private record Segment(long campaignId, String status, long count, LocalDate referenceDate, LocalDate createdFrom,
			int spreadDays) {
	}

	@Override
	public void prepare() {
		if (letters <= 0) {
			return;
		}
		long existing = jdbc.sql("SELECT count(*) FROM letter").query(Long.class).single();
		if (existing >= letters * 0.95) {
			log.info("Benchmark data present: " + existing + " letters");
			return;
		}
		long started = System.currentTimeMillis();
		long volunteer = jdbc.sql("SELECT id FROM app_user WHERE email = 'volunteer@demo.az'").query(Long.class).single();
		// Donors who held and fulfilled the generated letters: many, passwordless, written in one go.
		jdbc.sql("""
				INSERT INTO app_user (email, full_name, role, email_confirmed_at)
				SELECT 'bench-holder-' || g || '@bench.az', 'Bench Holder ' || g, 'DONOR', now()
				FROM generate_series(1, 5000) g ON CONFLICT DO NOTHING""").update();
		List<Long> donors = jdbc.sql("SELECT id FROM app_user WHERE email LIKE 'bench-holder-%' ORDER BY id")
			.query(Long.class)
			.list();
		// Volunteers who registered the letters: a thousand, the demo volunteer one of them (about a
		// thousand letters over the years, as a busy volunteer would have, not every letter of the country).
		jdbc.sql("""
				INSERT INTO app_user (email, full_name, role, email_confirmed_at)
				SELECT 'bench-registrar-' || g || '@bench.az', 'Bench Registrar ' || g, 'VOLUNTEER', now()
				FROM generate_series(1, 999) g ON CONFLICT DO NOTHING""").update();
		List<Long> registrars = new ArrayList<>(List.of(volunteer));
		registrars.addAll(jdbc.sql("SELECT id FROM app_user WHERE email LIKE 'bench-registrar-%' ORDER BY id")
			.query(Long.class)
			.list());
		// Donors who sign in for the signed-in pages and the adoption-under-contention run (after loading,
		// each is given a repeat donor's letters: two under way, six fulfilled in earlier years). The first is
		// opened as the account module opens one; the others share its password hash (bcrypt fifty times
		// over costs seconds).
		if (jdbc.sql("SELECT count(*) FROM app_user WHERE email = 'bench-donor-1@bench.az'").query(Long.class).single() == 0) {
			accounts.create("bench-donor-1@bench.az", DONOR_PASSWORD, "Bench Donor 1", Role.DONOR, Set.of());
		}
		jdbc.sql("""
				INSERT INTO app_user (email, password_hash, full_name, role, email_confirmed_at)
				SELECT 'bench-donor-' || g || '@bench.az', first.password_hash, 'Bench Donor ' || g, 'DONOR', now()
				FROM generate_series(2, 50) g,
				     (SELECT password_hash FROM app_user WHERE email = 'bench-donor-1@bench.az') first
				ON CONFLICT DO NOTHING""").update();
		// Organisations with a limit of their own, so that in bench/adoption.sh every press on a free
		// letter commits an adoption instead of meeting the campaign's donor limit.
		jdbc.sql("UPDATE app_user SET organisation = true, adoption_limit = 100000 WHERE email LIKE 'bench-donor-%'")
			.update();
		// children where the country's children are (the demo's spread): Bakı about a quarter, and so on;
		// the generator picks from the list by a step prime to its length, so each entry equally often
		List<Integer> weighted = RegionalSpread.of(regions).weighted(1000);
		log.info("Benchmark data: accounts ready in " + (System.currentTimeMillis() - started) + " ms");
		List<Segment> plan = plan(letters - existing);
		long added = plan.stream().mapToLong(Segment::count).sum();
		tx.executeWithoutResult(status -> withoutNetworkTimeout(DataSourceUtils.getConnection(dataSource),
				() -> load(plan, added, weighted, donors, volunteer, registrars)));
		jdbc.sql("""
				WITH d AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM app_user WHERE email LIKE 'bench-donor-%'),
				     picked AS (
				         SELECT l.id, l.status, row_number() OVER (PARTITION BY l.status ORDER BY l.id) - 1 AS n
				         FROM letter l
				         WHERE l.status IN ('ADOPTED', 'FULFILLED')
				           AND l.donor_id IN (SELECT id FROM app_user WHERE email LIKE 'bench-holder-%'))
				UPDATE letter l SET donor_id = d.id
				FROM picked p JOIN d ON d.n = CASE WHEN p.status = 'ADOPTED' THEN p.n / 2 ELSE p.n / 6 END
				WHERE l.id = p.id""").update();
		long loaded = System.currentTimeMillis();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			withoutNetworkTimeout(connection, () -> {
				for (String table : List.of("child", "letter", "letter_status_change", "app_user")) {
					try {
						statement.execute("VACUUM ANALYZE " + table);
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		log.info("Benchmark data: " + added + " letters added in " + (System.currentTimeMillis() - started) / 1000
				+ " s (written and indexed in " + (loaded - started) / 1000 + " s, then VACUUM ANALYZE)");
	}

	private List<Segment> plan(long toAdd) {
		List<Segment> plan = new ArrayList<>();
		long historic = Math.round(toAdd * 0.85);
		List<Map<String, Object>> closed = jdbc
			.sql("SELECT id, starts_on, age_reference_date FROM campaign WHERE status = 'CLOSED' ORDER BY starts_on DESC")
			.query()
			.listOfRows();
		for (Map<String, Object> campaign : closed) {
			long share = historic / closed.size();
			long id = ((Number) campaign.get("id")).longValue();
			LocalDate startsOn = ((Date) campaign.get("starts_on")).toLocalDate();
			LocalDate reference = ((Date) campaign.get("age_reference_date")).toLocalDate();
			plan.add(new Segment(id, "FULFILLED", Math.round(share * 0.94), reference, startsOn, 330));
			plan.add(new Segment(id, "WITHDRAWN", Math.round(share * 0.06), reference, startsOn, 330));
		}
		Map<String, Object> open = jdbc
			.sql("SELECT id, age_reference_date FROM campaign WHERE status = 'OPEN' ORDER BY starts_on DESC LIMIT 1")
			.query()
			.singleRow();
		long id = ((Number) open.get("id")).longValue();
		LocalDate reference = ((Date) open.get("age_reference_date")).toLocalDate();
		LocalDate from = LocalDate.now().minusDays(300);
		long current = toAdd - historic;
		Map<String, Double> shares = Map.of("PUBLISHED", 0.60, "ADOPTED", 0.10, "GIFT_RECEIVED", 0.05, "RECEIVED", 0.10,
				"INCOMPLETE", 0.05, "WITHDRAWN", 0.10);
		for (String status : List.of("PUBLISHED", "ADOPTED", "GIFT_RECEIVED", "RECEIVED", "INCOMPLETE", "WITHDRAWN")) {
			plan.add(new Segment(id, status, Math.round(current * shares.get(status)), reference, from, 290));
		}
		plan.removeIf(segment -> segment.count() <= 0);
		return plan;
	}

	/**
	 * Runs work on a connection that waits for PostgreSQL as long as it takes: the app's connections give
	 * up after a minute without an answer (socketTimeout), and one statement of a million rows on a busy
	 * machine can take longer than that.
	 */
	private static void withoutNetworkTimeout(Connection connection, Runnable work) {
		try {
			int timeout = connection.getNetworkTimeout();
			connection.setNetworkTimeout(Runnable::run, 0);
			try {
				work.run();
			}
			finally {
				connection.setNetworkTimeout(Runnable::run, timeout);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes every letter, child and history row of the plan in one transaction. */
	private void load(List<Segment> plan, long total, List<Integer> regionIds, List<Long> donorIds, long volunteer,
			List<Long> registrars) {
		jdbc.sql("SET LOCAL maintenance_work_mem = '256MB'").update();
		jdbc.sql("SET LOCAL work_mem = '64MB'").update();
		long time = System.currentTimeMillis();
		List<String> indexes = dropSecondaryIndexes();
		List<String> foreignKeys = dropForeignKeys();
		long childBase = reserve("child_id_seq", total);
		long letterBase = reserve("letter_id_seq", total);
		jdbc.sql("DROP TABLE IF EXISTS bench_plan").update();
		jdbc.sql("""
				CREATE TEMP TABLE bench_plan (first bigint, last bigint, campaign_id bigint, status varchar(16),
				                              reference_date date, created_from date, spread integer) ON COMMIT DROP""")
			.update();
		long first = 1;
		for (Segment segment : plan) {
			jdbc.sql("INSERT INTO bench_plan VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(first, first + segment.count() - 1, segment.campaignId(), segment.status(),
						Date.valueOf(segment.referenceDate()), Date.valueOf(segment.createdFrom()), segment.spreadDays())
				.update();
			first += segment.count();
		}
		// One row per letter to write: its ids, child, place, wish and dates, derived from its number g.
		jdbc.sql("DROP TABLE IF EXISTS bench_src").update();
		jdbc.sql("""
				CREATE TEMP TABLE bench_src ON COMMIT DROP AS
				SELECT g, p.status, p.campaign_id,
				       CAST(:childBase AS bigint) + g - 1 AS child_id,
				       CAST(:letterBase AS bigint) + g - 1 AS letter_id,
				       (CAST(:regions AS integer[]))[1 + ((g * 7919) % cardinality(CAST(:regions AS integer[])))::int] AS region_id,
				       CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END AS gender,
				       -- a girl and a boy share each age: ages do not follow from genders
				       (3 + (((g / 2) * 31) % 12))::int AS age,
				       (g * 17) % 26 AS wish_no,
				       p.reference_date,
				       (p.created_from + ((g * 37) % GREATEST(p.spread, 1))::int)::timestamp
				           + make_interval(hours => 9 + (g % 8)::int) AS created_at,
				       (CAST(:donors AS bigint[]))[1 + (g % cardinality(CAST(:donors AS bigint[])))::int] AS donor_id
				FROM bench_plan p, generate_series(p.first, p.last) AS g""")
			.param("childBase", childBase)
			.param("letterBase", letterBase)
			.param("regions", regionIds.toArray(Integer[]::new))
			.param("donors", donorIds.toArray(Long[]::new))
			.update();
		time = lap("plan", time);
		jdbc.sql("""
				INSERT INTO child (id, first_name, surname, birth_date, gender, region_id, care_setting, contact, created_at)
				SELECT s.child_id,
				       CASE s.gender WHEN 'F' THEN (ARRAY['Aysel','Leyla','Nərmin','Günay','Fidan','Zəhra','Aylin','Nurlana',
				           'Səbinə','Ülviyyə','Mədinə','Xədicə','Şəbnəm','Lalə','Gülnar','Aynur','Sevinc','İlahə','Nigar','Əsmər'])[1 + (s.g % 20)::int]
				       ELSE (ARRAY['Elvin','Murad','Əli','Hüseyn','Kənan','Orxan','Tural','Rəşad','Ülvi','Nihad','Fərid','Emin',
				           'İsmayıl','Rauf','Şahin','Cavid','Ayxan','Yusif','Ömər','Nicat'])[1 + (s.g % 20)::int] END,
				       (ARRAY['Məmmədov','Əliyev','Həsənov','Hüseynov','Quliyev','İsmayılov','Əhmədov','Rzayev','Abbasov',
				           'Cəfərov','Babayev','Nəsirov'])[1 + ((s.g / 20) % 12)::int] || CASE s.gender WHEN 'F' THEN 'a' ELSE '' END,
				       (s.reference_date - make_interval(years => s.age))::date - ((s.g * 13) % 365)::int,
				       s.gender, s.region_id,
				       (ARRAY['FAMILY','FAMILY','CHILDREN_HOME','SHELTER','BOARDING_SCHOOL'])[1 + (s.g % 5)::int],
				       '+994 50 ' || lpad(((s.g * 7907) % 10000000)::text, 7, '0'),
				       s.created_at
				FROM bench_src s""").update();
		time = lap("children", time);
		jdbc.sql("""
				INSERT INTO letter (id, code, gift_tag_code, campaign_id, child_id, region_id, first_name, age, gender,
				                    status, original_wish, public_wish, category, estimated_cost, status_reason,
				                    donor_id, adopted_at, due_date, handover_point_id, published_at, gift_received_at,
				                    fulfilled_on, registered_by, created_at, updated_at)
				SELECT s.letter_id, {code}, {giftTag},
				       s.campaign_id, s.child_id, s.region_id,
				       CASE s.gender WHEN 'F' THEN (ARRAY['Aysel','Leyla','Nərmin','Günay','Fidan','Zəhra','Aylin','Nurlana',
				           'Səbinə','Ülviyyə','Mədinə','Xədicə','Şəbnəm','Lalə','Gülnar','Aynur','Sevinc','İlahə','Nigar','Əsmər'])[1 + (s.g % 20)::int]
				       ELSE (ARRAY['Elvin','Murad','Əli','Hüseyn','Kənan','Orxan','Tural','Rəşad','Ülvi','Nihad','Fərid','Emin',
				           'İsmayıl','Rauf','Şahin','Cavid','Ayxan','Yusif','Ömər','Nicat'])[1 + (s.g % 20)::int] END,
				       s.age, s.gender, s.status,
				       w.wish, w.wish, w.category, 15 + (s.g * 7) % 236,
				       CASE s.status WHEN 'INCOMPLETE' THEN 'MISSING_CONSENT' WHEN 'WITHDRAWN' THEN 'DUPLICATE' END,
				       CASE WHEN s.status IN ('ADOPTED', 'GIFT_RECEIVED', 'FULFILLED') THEN s.donor_id END,
				       CASE WHEN s.status IN ('ADOPTED', 'GIFT_RECEIVED', 'FULFILLED') THEN s.created_at + interval '5 days' END,
				       CASE WHEN s.status = 'ADOPTED' THEN (s.created_at + interval '19 days')::date END,
				       CASE WHEN s.status IN ('ADOPTED', 'GIFT_RECEIVED', 'FULFILLED') THEN h.first + s.g % 4 END,
				       CASE WHEN s.status IN ('PUBLISHED', 'ADOPTED', 'GIFT_RECEIVED', 'FULFILLED', 'WITHDRAWN')
				            THEN s.created_at + interval '2 days' END,
				       CASE WHEN s.status IN ('GIFT_RECEIVED', 'FULFILLED') THEN s.created_at + interval '14 days' END,
				       CASE WHEN s.status = 'FULFILLED' THEN (s.created_at + interval '20 days')::date END,
				       (CAST(:registrars AS bigint[]))[1 + (s.g % cardinality(CAST(:registrars AS bigint[])))::int],
				       s.created_at, s.created_at + interval '20 days'
				FROM bench_src s
				CROSS JOIN (SELECT min(id) AS first FROM handover_point) h
				JOIN {wishes} ON w.no = s.wish_no"""
			.replace("{wishes}", az.asan.mektub.letter.query.LetterSeeding.WISHES)
			.replace("{code}", code("s.letter_id", 12, 0x5DEECE66DL, 0x2545F4914F6CDD1L, -1))
			.replace("{giftTag}", code("s.letter_id", 8, 0x9E3779B1L, 0x1B873593L, 4)))
			.param("registrars", registrars.toArray(Long[]::new))
			.update();
		time = lap("letters", time);
		// The history: each letter walks RECEIVED → … → its status, one row a step.
		jdbc.sql("""
				INSERT INTO letter_status_change (letter_id, from_status, to_status, changed_by, changed_at, reason)
				SELECT s.letter_id, step.from_status, step.to_status,
				       CASE WHEN step.to_status = 'ADOPTED' THEN s.donor_id ELSE :volunteer END,
				       s.created_at + step.after, step.reason
				FROM bench_src s
				JOIN (VALUES
				    ('RECEIVED', NULL, 'RECEIVED', interval '0 days', NULL),
				    ('INCOMPLETE', NULL, 'RECEIVED', interval '0 days', NULL),
				    ('INCOMPLETE', 'RECEIVED', 'INCOMPLETE', interval '1 day', 'MISSING_CONSENT'),
				    ('PUBLISHED', NULL, 'RECEIVED', interval '0 days', NULL),
				    ('PUBLISHED', 'RECEIVED', 'PUBLISHED', interval '2 days', NULL),
				    ('ADOPTED', NULL, 'RECEIVED', interval '0 days', NULL),
				    ('ADOPTED', 'RECEIVED', 'PUBLISHED', interval '2 days', NULL),
				    ('ADOPTED', 'PUBLISHED', 'ADOPTED', interval '5 days', NULL),
				    ('GIFT_RECEIVED', NULL, 'RECEIVED', interval '0 days', NULL),
				    ('GIFT_RECEIVED', 'RECEIVED', 'PUBLISHED', interval '2 days', NULL),
				    ('GIFT_RECEIVED', 'PUBLISHED', 'ADOPTED', interval '5 days', NULL),
				    ('GIFT_RECEIVED', 'ADOPTED', 'GIFT_RECEIVED', interval '14 days', NULL),
				    ('FULFILLED', NULL, 'RECEIVED', interval '0 days', NULL),
				    ('FULFILLED', 'RECEIVED', 'PUBLISHED', interval '2 days', NULL),
				    ('FULFILLED', 'PUBLISHED', 'ADOPTED', interval '5 days', NULL),
				    ('FULFILLED', 'ADOPTED', 'GIFT_RECEIVED', interval '14 days', NULL),
				    ('FULFILLED', 'GIFT_RECEIVED', 'FULFILLED', interval '20 days', NULL),
				    ('WITHDRAWN', NULL, 'RECEIVED', interval '0 days', NULL),
				    ('WITHDRAWN', 'RECEIVED', 'PUBLISHED', interval '2 days', NULL),
				    ('WITHDRAWN', 'PUBLISHED', 'WITHDRAWN', interval '6 days', 'DUPLICATE')
				) AS step(status, from_status, to_status, after, reason) ON step.status = s.status""")
			.param("volunteer", volunteer)
			.update();
		time = lap("history", time);
		for (String index : indexes) {
			jdbc.sql(index).update();
		}
		time = lap(indexes.size() + " indexes built", time);
		for (String foreignKey : foreignKeys) {
			jdbc.sql(foreignKey).update();
		}
		lap(foreignKeys.size() + " foreign keys checked", time);
	}

	/**
	 * Drops the foreign keys of the tables written here and returns the statements that add them again:
	 * checked row by row they cost more than all the rest of the load; added afterwards, PostgreSQL
	 * checks each once for the whole table with a join. (The letter counts' triggers stay.)
	 */
	private List<String> dropForeignKeys() {
		List<Map<String, Object>> found = jdbc.sql("""
				SELECT t.oid::regclass::text AS table_name, quote_ident(c.conname) AS name,
				       pg_get_constraintdef(c.oid) AS definition
				FROM pg_constraint c
				JOIN pg_class t ON t.oid = c.conrelid
				WHERE c.contype = 'f' AND t.relname IN (:tables) AND pg_table_is_visible(t.oid)""")
			.param("tables", TABLES)
			.query()
			.listOfRows();
		List<String> add = new ArrayList<>();
		for (Map<String, Object> key : found) {
			jdbc.sql("ALTER TABLE " + key.get("table_name") + " DROP CONSTRAINT " + key.get("name")).update();
			add.add("ALTER TABLE " + key.get("table_name") + " ADD CONSTRAINT " + key.get("name") + " "
					+ key.get("definition"));
		}
		return add;
	}

	private long lap(String step, long since) {
		long now = System.currentTimeMillis();
		log.info("Benchmark data: " + step + " in " + (now - since) + " ms");
		return now;
	}

	/**
	 * Drops the secondary indexes of the tables written here (not those behind a primary key or a
	 * unique constraint) and returns the statements that build them again.
	 */
	private List<String> dropSecondaryIndexes() {
		List<Map<String, Object>> found = jdbc.sql("""
				SELECT ix.indexrelid::regclass::text AS name, pg_get_indexdef(ix.indexrelid) AS definition
				FROM pg_index ix
				JOIN pg_class t ON t.oid = ix.indrelid
				WHERE t.relname IN (:tables) AND pg_table_is_visible(t.oid)
				  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.conrelid = t.oid)""")
			.param("tables", TABLES)
			.query()
			.listOfRows();
		List<String> rebuild = new ArrayList<>();
		for (Map<String, Object> index : found) {
			jdbc.sql("DROP INDEX " + index.get("name")).update();
			rebuild.add((String) index.get("definition"));
		}
		return rebuild;
	}

	/** Takes {@code count} consecutive ids from a sequence at once and returns the first. */
	private long reserve(String sequence, long count) {
		long first = jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
		jdbc.sql("SELECT setval('" + sequence + "', ?)").param(first + count - 1).query(Long.class).single();
		return first;
	}

	/**
	 * SQL for a code of {@code length} characters of the app's alphabet made from a number: the number
	 * times an odd factor, XOR a mask, spelt five bits a character. Distinct numbers below 2^25 give
	 * distinct codes (the product stays below 2^60, where both steps are one-to-one), and neighbouring
	 * letters get codes that look unrelated. A dash goes after character {@code dashAfter} (-1: none).
	 */
	static String code(String number, int length, long factor, long mask, int dashAfter) {
		String mixed = "((" + number + " * " + factor + ") # " + (mask & ((1L << (5 * length)) - 1)) + ")";
		StringJoiner code = new StringJoiner(" || ", "(", ")");
		for (int i = 0; i < length; i++) {
			code.add("substr('" + ALPHABET + "', 1 + ((" + mixed + " >> " + (5 * i) + ") & 31)::int, 1)");
			if (i + 1 == dashAfter) {
				code.add("'-'");
			}
		}
		return code.toString();
	}

}
