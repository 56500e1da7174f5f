package az.asan.mektub.letter.query;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.sql.LetterSql;

import static az.asan.mektub.letter.LetterStatus.ADOPTED;
import static az.asan.mektub.letter.LetterStatus.FULFILLED;
import static az.asan.mektub.letter.LetterStatus.GIFT_RECEIVED;
import static az.asan.mektub.letter.LetterStatus.INCOMPLETE;
import static az.asan.mektub.letter.LetterStatus.PUBLISHED;
import static az.asan.mektub.letter.LetterStatus.RECEIVED;
import static az.asan.mektub.letter.LetterStatus.WITHDRAWN;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes many letters at once through SQL (children, letters and their whole history), so that the
 * demo and the benchmark fill a database in seconds instead of minutes. Each generated letter walks
 * the lifecycle up to the requested status with plausible dates. Which columns a status fills is
 * worked out here in Java, from {@link LetterStatus}; the statements only carry the answers.
 */
@Component
public class LetterSeeding {

	/**
	 * The wishes made-up letters ask for, by number (0–25) with their category: a table for
	 * {@code JOIN … ON w.no = …} (the demo here, the benchmark's data in {@code src/bench}).
	 */
	public static final String WISHES = """
			(VALUES
				    (0, 'TOY', 'Böyük yumşaq ayı oyuncağı'), (1, 'TOY', 'Uzaqdan idarə olunan maşın'),
				    (2, 'TOY', 'Lego konstruktoru'), (3, 'TOY', 'Gəlincik evi'),
				    (4, 'CLOTHES', 'İsti qış gödəkçəsi'), (5, 'CLOTHES', 'Yeni idman kostyumu'),
				    (6, 'CLOTHES', 'Bayram paltarı'), (7, 'SHOES', 'Qış çəkmələri'), (8, 'SHOES', 'İdman ayaqqabısı'),
				    (9, 'BOOKS', 'Nağıl kitabları dəsti'), (10, 'BOOKS', 'Uşaq ensiklopediyası'),
				    (11, 'SCHOOL', 'Məktəb çantası və dəftərlər'), (12, 'SCHOOL', 'Rəngli karandaşlar və albom'),
				    (13, 'ELECTRONICS', 'Uşaq planşeti'), (14, 'ELECTRONICS', 'Rəqəmsal qol saatı'),
				    (15, 'SPORTS', 'Futbol topu'), (16, 'SPORTS', 'Velosiped'), (17, 'SPORTS', 'Şahmat dəsti'),
				    (18, 'SPORTS', 'Roller konkilər'), (19, 'MUSIC', 'Gitara'), (20, 'MUSIC', 'Sintezator'),
				    (21, 'EXPERIENCE', 'Zooparka gəzinti'), (22, 'EXPERIENCE', 'Kukla teatrına bilet'),
				    (23, 'EXPERIENCE', 'Kinoya getmək'), (24, 'OTHER', 'Akvarium və balıqlar'), (25, 'OTHER', 'Teleskop')
				) AS w(no, category, wish)""";

	private final JdbcClient jdbc;

	private final az.asan.mektub.letter.LetterChanges changes;

	LetterSeeding(JdbcClient jdbc, az.asan.mektub.letter.LetterChanges changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	/**
	 * Inserts {@code count} letters of one campaign in {@code status}, spread round-robin over
	 * {@code regionIds} (so every listed region gets letters once count reaches their number),
	 * registered from {@code createdFrom} over {@code spreadDays} days.
	 */
	public void insert(long campaignId, LetterStatus status, int count, List<Integer> regionIds, LocalDate referenceDate,
			LocalDate createdFrom, int spreadDays, List<Long> donorIds, long volunteerId) {
		jdbc.sql("DROP TABLE IF EXISTS demo_src").update();
		jdbc.sql("""
				CREATE TEMP TABLE demo_src AS
				SELECT g,
				       nextval('child_id_seq') AS child_id,
				       nextval('letter_id_seq') AS letter_id,
				       (CAST(:regions AS integer[]))[1 + ((g * 7919) % cardinality(CAST(:regions AS integer[])))] AS region_id,
				       CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END AS gender,
				       -- a girl and a boy share each age: ages do not follow from genders
				       3 + (((g / 2) * 31) % 12) AS age,
				       (g * 17) % 26 AS wish_no,
				       (CAST(:createdFrom AS date) + ((g * 37) % GREATEST(:spread, 1)))::timestamp
				           + make_interval(hours => 9 + g % 8) AS created_at,
				       (CAST(:donors AS bigint[]))[1 + (g % cardinality(CAST(:donors AS bigint[])))] AS donor_id
				FROM generate_series(1, :count) AS g""")
			.param("regions", regionIds.toArray(Integer[]::new))
			.param("createdFrom", Date.valueOf(createdFrom))
			.param("spread", spreadDays)
			.param("donors", donorIds.toArray(Long[]::new))
			.param("count", count)
			.update();
		jdbc.sql("""
				INSERT INTO child (id, first_name, surname, birth_date, gender, region_id, care_setting, contact, created_at)
				SELECT s.child_id,
				       CASE s.gender WHEN 'F' THEN (ARRAY['Aysel','Leyla','Nərmin','Günay','Fidan','Zəhra','Aylin','Nurlana',
				           'Səbinə','Ülviyyə','Mədinə','Xədicə','Şəbnəm','Lalə','Gülnar','Aynur','Sevinc','İlahə','Nigar','Əsmər'])[1 + s.g % 20]
				       ELSE (ARRAY['Elvin','Murad','Əli','Hüseyn','Kənan','Orxan','Tural','Rəşad','Ülvi','Nihad','Fərid','Emin',
				           'İsmayıl','Rauf','Şahin','Cavid','Ayxan','Yusif','Ömər','Nicat'])[1 + s.g % 20] END,
				       (ARRAY['Məmmədov','Əliyev','Həsənov','Hüseynov','Quliyev','İsmayılov','Əhmədov','Rzayev','Abbasov',
				           'Cəfərov','Babayev','Nəsirov'])[1 + (s.g / 20) % 12] || CASE s.gender WHEN 'F' THEN 'a' ELSE '' END,
				       (CAST(:ref AS date) - make_interval(years => s.age))::date - ((s.g * 13) % 365),
				       s.gender, s.region_id,
				       (ARRAY['FAMILY','FAMILY','CHILDREN_HOME','SHELTER','BOARDING_SCHOOL'])[1 + s.g % 5],
				       '+994 50 ' || lpad(((s.g * 7907) % 10000000)::text, 7, '0'),
				       s.created_at
				FROM demo_src s""")
			.param("ref", Date.valueOf(referenceDate))
			.update();
		jdbc.sql("""
				INSERT INTO letter (id, code, gift_tag_code, campaign_id, child_id, region_id, first_name, age, gender,
				                    status, original_wish, public_wish, category, estimated_cost, status_reason,
				                    donor_id, adopted_at, due_date, handover_point_id, published_at, gift_received_at,
				                    fulfilled_on, registered_by, created_at, updated_at)
				SELECT s.letter_id,
				       (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 32)::int, 1), '')
				          FROM generate_series(1, 12 + 0 * s.g)),
				       (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 32)::int, 1)
				                || CASE WHEN i = 4 THEN '-' ELSE '' END, '')
				          FROM generate_series(1, 8 + 0 * s.g) i),
				       :campaign, s.child_id, s.region_id, c.first_name, s.age, s.gender, :status,
				       w.wish, w.wish, w.category, 15 + (s.g * 7) % 236,
				       CAST(:reason AS varchar),
				       CASE WHEN CAST(:adopted AS boolean) THEN s.donor_id END,
				       CASE WHEN CAST(:adopted AS boolean) THEN s.created_at + interval '5 days' END,
				       CASE WHEN CAST(:holding AS boolean) THEN (s.created_at + interval '19 days')::date END,
				       CASE WHEN CAST(:adopted AS boolean)
				            THEN (SELECT min(id) FROM handover_point) + s.g % 4 END,
				       CASE WHEN CAST(:published AS boolean)
				            THEN s.created_at + interval '2 days' END,
				       CASE WHEN CAST(:giftIn AS boolean) THEN s.created_at + interval '14 days' END,
				       CASE WHEN CAST(:fulfilled AS boolean) THEN (s.created_at + interval '20 days')::date END,
				       :volunteer, s.created_at, s.created_at + interval '20 days'
				FROM demo_src s
				JOIN child c ON c.id = s.child_id
				JOIN {wishes} ON w.no = s.wish_no""".replace("{wishes}", WISHES))
			.param("campaign", campaignId)
			.param("status", status.name())
			.param("reason", reason(status))
			.param("adopted", ADOPTED_OR_LATER.contains(status))
			.param("holding", status == LetterStatus.ADOPTED)
			.param("published", PUBLISHED_ONCE.contains(status))
			.param("giftIn", EnumSet.of(LetterStatus.GIFT_RECEIVED, LetterStatus.FULFILLED).contains(status))
			.param("fulfilled", status == LetterStatus.FULFILLED)
			.param("volunteer", volunteerId)
			.update();
		// The history: each letter walks RECEIVED → … → status, one row a step.
		jdbc.sql("""
				INSERT INTO letter_status_change (letter_id, from_status, to_status, changed_by, changed_at, reason)
				SELECT l.id, step.from_status, step.to_status,
				       CASE WHEN step.to_status = %s THEN l.donor_id ELSE :volunteer END,
				       l.created_at + step.after, step.reason
				FROM letter l
				JOIN demo_src s ON s.letter_id = l.id
				JOIN (VALUES
				    (1, NULL, %s, interval '0 days', NULL),
				    (2, %s, interval '1 day', 'MISSING_CONSENT'),
				    (2, %s, interval '2 days', NULL),
				    (3, %s, interval '5 days', NULL),
				    (3, %s, interval '6 days', 'DUPLICATE'),
				    (4, %s, interval '14 days', NULL),
				    (5, %s, interval '20 days', NULL)
				) AS step(no, from_status, to_status, after, reason)
				  ON step.to_status = ANY (CAST(:path AS varchar[]))""".formatted(LetterSql.literal(ADOPTED),
				step(null, RECEIVED), step(RECEIVED, INCOMPLETE), step(RECEIVED, PUBLISHED), step(PUBLISHED, ADOPTED),
				step(PUBLISHED, WITHDRAWN), step(ADOPTED, GIFT_RECEIVED), step(GIFT_RECEIVED, FULFILLED)))
			.param("volunteer", volunteerId)
			.param("path", path(status))
			.update();
		jdbc.sql("DROP TABLE demo_src").update();
		changes.changed(az.asan.mektub.letter.LetterChanged.many());
	}

	private static final EnumSet<LetterStatus> ADOPTED_OR_LATER = EnumSet.of(LetterStatus.ADOPTED,
			LetterStatus.GIFT_RECEIVED, LetterStatus.FULFILLED);

	private static final EnumSet<LetterStatus> PUBLISHED_ONCE = EnumSet.of(LetterStatus.PUBLISHED,
			LetterStatus.ADOPTED, LetterStatus.GIFT_RECEIVED, LetterStatus.FULFILLED, LetterStatus.WITHDRAWN);

	private static String reason(LetterStatus status) {
		return switch (status) {
			case INCOMPLETE -> "MISSING_CONSENT";
			case WITHDRAWN -> "DUPLICATE";
			default -> null;
		};
	}

	/** The statuses a generated letter went through, in order, up to {@code status}. */
	private static String[] path(LetterStatus status) {
		List<LetterStatus> path = switch (status) {
			case RECEIVED -> List.of(RECEIVED);
			case INCOMPLETE -> List.of(RECEIVED, INCOMPLETE);
			case PUBLISHED -> List.of(RECEIVED, PUBLISHED);
			case ADOPTED -> List.of(RECEIVED, PUBLISHED, ADOPTED);
			case GIFT_RECEIVED -> List.of(RECEIVED, PUBLISHED, ADOPTED, GIFT_RECEIVED);
			case FULFILLED -> List.of(RECEIVED, PUBLISHED, ADOPTED, GIFT_RECEIVED, FULFILLED);
			case WITHDRAWN -> List.of(RECEIVED, PUBLISHED, WITHDRAWN);
		};
		return path.stream().map(LetterStatus::name).toArray(String[]::new);
	}

	private static String step(LetterStatus from, LetterStatus to) {
		return from == null ? LetterSql.literal(to) : LetterSql.literal(from) + ", " + LetterSql.literal(to);
	}

	/**
	 * Demo gifts of a campaign still on their way (held or in, not delivered) spread over these centres,
	 * whatever the child's region, as donors choose any centre (issue 22). Changes no count.
	 */
	@org.springframework.transaction.annotation.Transactional
	public void spreadGiftsOverCentres(long campaignId, List<Long> handoverPointIds) {
		if (handoverPointIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE letter SET handover_point_id = (CAST(:points AS bigint[]))[1 + mod(id, :n)]
				WHERE campaign_id = :campaign AND handover_point_id IS NOT NULL AND %s""".formatted(
				LetterSql.in(null, ADOPTED, GIFT_RECEIVED)))
			.param("points", handoverPointIds.toArray(Long[]::new))
			.param("n", handoverPointIds.size())
			.param("campaign", campaignId)
			.update();
		changes.changed(az.asan.mektub.letter.LetterChanged.many());
	}

}
