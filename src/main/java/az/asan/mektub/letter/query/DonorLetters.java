package az.asan.mektub.letter.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.WithdrawReason;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;
import az.asan.mektub.letter.thanks.ChildThanks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static az.asan.mektub.letter.LetterStatus.ADOPTED;
import static az.asan.mektub.letter.LetterStatus.FULFILLED;
import static az.asan.mektub.letter.LetterStatus.GIFT_RECEIVED;
import static az.asan.mektub.letter.LetterStatus.WITHDRAWN;

/**
 * What the adoption module reads of letters: a donor's letters and the steps since they took each,
 * what a donor holds, whether a letter can still be taken, and the child's first name for a mail.
 */
@Component
public class DonorLetters {

	/** A letter a donor adopted, as they see it: the public facts and where it stands. */
	public record DonorLetter(long id, String code, String firstName, int age, int regionId, String publicWish,
			Category category, BigDecimal estimatedCost, LetterStatus status, LocalDate dueDate, Long handoverPointId,
			Instant adoptedAt, LocalDate fulfilledOn, String giftTagCode) {
	}

	/**
	 * A step of a letter's life since it was adopted; {@code movedToPointId} is set when the step is
	 * the gift being expected at another centre (the status stays ADOPTED then).
	 */
	public record Step(LetterStatus status, Instant at, Long movedToPointId) {

		public boolean moved() {
			return movedToPointId != null;
		}

	}

	/** The child's first name and gender, for a mail that speaks of them. */
	public record ChildName(String firstName, Gender gender) {
	}

	private final JdbcClient jdbc;

	DonorLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The letters a donor adopted (one of them when {@code code} is given), the ones still under way
	 * first, newest first, at most 500.
	 */
	@Transactional(readOnly = true)
	public List<DonorLetter> adoptedBy(long donorId, String code) {
		return jdbc.sql("""
				SELECT %s
				FROM letter
				WHERE donor_id = :donor AND %s
				  AND (CAST(:code AS varchar) IS NULL OR code = CAST(:code AS varchar))
				ORDER BY (%s), adopted_at DESC LIMIT 500""".formatted(LetterRow.columns(null),
				LetterSql.in(null, ADOPTED, GIFT_RECEIVED, FULFILLED), LetterSql.is(null, FULFILLED)))
			.param("donor", donorId)
			.param("code", code)
			.query(LetterRow.mapper(row -> donorLetter(row)))
			.list();
	}

	/** A page of a donor's letters, and how many they have in all. */
	public record DonorLetterPage(List<DonorLetter> letters, long total, Map<Long, ChildThanks.Shown> thanks) {
	}

	/**
	 * A page of the letters a donor adopted for their list, the ones still under way first, newest
	 * first, with the child's approved thank-yous of the fulfilled ones: one statement, without a
	 * transaction around it (a company may have given hundreds of gifts over the years; the list shows
	 * them a page at a time).
	 */
	public DonorLetterPage adoptedBy(long donorId, int offset, int limit) {
		long[] total = { 0 };
		Map<Long, ChildThanks.Shown> thanks = new java.util.HashMap<>();
		List<DonorLetter> letters = jdbc.sql("""
				SELECT %s, %s, count(*) OVER () AS total
				FROM letter l %s
				WHERE l.donor_id = :donor AND %s
				ORDER BY (%s), l.adopted_at DESC, l.id DESC LIMIT :limit OFFSET :offset""".formatted(
				LetterRow.columns("l"), ChildThanks.APPROVED_COLUMNS, ChildThanks.approvedJoin("l"),
				LetterSql.in("l", ADOPTED, GIFT_RECEIVED, FULFILLED), LetterSql.is("l", FULFILLED)))
			.param("donor", donorId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				DonorLetter letter = donorLetter(LetterRow.of(rs));
				ChildThanks.Shown shown = ChildThanks.approvedIn(rs);
				if (shown != null) {
					thanks.put(letter.id(), shown);
				}
				return letter;
			})
			.list();
		if (letters.isEmpty() && offset > 0) {
			// past the last page: say how many there are, so the list can show its last page
			total[0] = jdbc.sql("SELECT count(*) FROM letter WHERE donor_id = ? AND "
					+ LetterSql.in(null, ADOPTED, GIFT_RECEIVED, FULFILLED))
				.param(donorId)
				.query(Long.class)
				.single();
		}
		return new DonorLetterPage(letters, total[0], Map.copyOf(thanks));
	}

	private static DonorLetter donorLetter(LetterRow row) {
		return new DonorLetter(row.id(), row.code(), row.firstName(), row.age(), row.regionId(), row.publicWish(),
				row.category(), row.estimatedCost(), row.status(), row.dueDate(), row.handoverPointId(),
				row.adoptedAt(), row.fulfilledOn(), row.giftTagCode());
	}

	/** The steps of some letters since their adoption, oldest first, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, List<Step>> stepsSinceAdoption(List<Long> letterIds) {
		return jdbc.sql("""
				SELECT h.letter_id, h.to_status, h.changed_at, h.reason, h.handover_point_id
				FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				WHERE h.letter_id = ANY(CAST(:ids AS bigint[])) AND h.to_status IN %s
				  AND h.changed_at >= l.adopted_at - interval '1 second'
				ORDER BY h.changed_at, h.id""".formatted(LetterSql.list(ADOPTED, GIFT_RECEIVED, FULFILLED)))
			.param("ids", letterIds.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong("letter_id"),
					new Step(LetterStatus.valueOf(rs.getString("to_status")), rs.getTimestamp("changed_at").toInstant(),
							movedTo(rs.getString("reason"), rs.getObject("handover_point_id", Long.class)))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** A move to another centre names it; one made before rows named it names none (0). */
	private static Long movedTo(String reason, Long pointId) {
		if (!"MOVED_TO_CENTRE".equals(reason)) {
			return null;
		}
		return pointId == null ? 0L : pointId;
	}

	/** Whether a donor once held a letter (its history says they adopted it), though they may not now. */
	public boolean onceHeldBy(String code, long donorId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM letter_status_change h JOIN letter l ON l.id = h.letter_id
				               WHERE l.code = ? AND h.to_status IN %s AND h.changed_by = ?)"""
			.formatted(LetterSql.list(ADOPTED)))
			.params(code, donorId)
			.query(Boolean.class)
			.single();
	}

	/** A letter the program withdrew while a donor held it: whose it was and why. */
	public record WithdrawnHold(String firstName, WithdrawReason reason) {
	}

	/** The letter, when it was withdrawn while this donor held it (a withdrawn letter keeps its donor). */
	@Transactional(readOnly = true)
	public Optional<WithdrawnHold> withdrawnWhileHeldBy(String code, long donorId) {
		return jdbc.sql("SELECT " + LetterRow.columns(null) + " FROM letter WHERE code = ? AND donor_id = ? AND "
				+ LetterSql.is(null, WITHDRAWN))
			.params(code, donorId)
			.query(LetterRow.mapper(row -> new WithdrawnHold(row.firstName(),
					WithdrawReason.valueOf(row.statusReason()))))
			.optional();
	}

	/** Where a letter stands, read without taking any lock. */
	@Transactional(readOnly = true)
	public Optional<LetterStatus> statusOf(String code) {
		return jdbc.sql("SELECT status FROM letter WHERE code = ?")
			.param(code)
			.query(String.class)
			.optional()
			.map(LetterStatus::valueOf);
	}

	/** How many letters of a campaign a donor holds now. */
	@Transactional(readOnly = true)
	public long holding(long donorId, long campaignId) {
		return jdbc.sql("SELECT count(*) FROM letter WHERE donor_id = ? AND campaign_id = ? AND "
				+ LetterSql.is(null, ADOPTED))
			.params(donorId, campaignId)
			.query(Long.class)
			.single();
	}

	/** The letters a donor holds now, of every campaign. */
	@Transactional(readOnly = true)
	public List<Long> heldBy(long donorId) {
		return jdbc.sql("SELECT id FROM letter WHERE donor_id = ? AND " + LetterSql.is(null, ADOPTED))
			.param(donorId)
			.query(Long.class)
			.list();
	}

	/** A letter's child as a mail names them. */
	@Transactional(readOnly = true)
	public ChildName child(long letterId) {
		return jdbc.sql("SELECT " + LetterRow.columns(null) + " FROM letter WHERE id = ?")
			.param(letterId)
			.query(LetterRow.mapper(row -> new ChildName(row.firstName(), row.gender())))
			.single();
	}

	/** A letter's child's first name. */
	@Transactional(readOnly = true)
	public String firstName(long letterId) {
		return jdbc.sql("SELECT first_name FROM letter WHERE id = ?").param(letterId).query(String.class).single();
	}

	/**
	 * The letter a donor may write to the child of (they hold it, or its gift is on the way), locked
	 * until the transaction ends.
	 */
	@Transactional
	public Optional<Long> lockWritableBy(String code, long donorId) {
		return jdbc.sql("SELECT id FROM letter WHERE code = ? AND donor_id = ? AND "
				+ LetterSql.in(null, ADOPTED, GIFT_RECEIVED) + " FOR UPDATE")
			.params(code, donorId)
			.query(Long.class)
			.optional();
	}

	/** Whether a letter is in a person's regions. */
	@Transactional(readOnly = true)
	public boolean inScope(long letterId, RegionScope scope) {
		return jdbc.sql("SELECT count(*) FROM letter l WHERE l.id = :id AND " + LetterSql.inScope("l"))
			.param("id", letterId)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query(Long.class)
			.single() > 0;
	}

}
