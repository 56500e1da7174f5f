package az.asan.mektub.letter;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static az.asan.mektub.letter.LetterStatus.ADOPTED;

/**
 * The letter module's operations on a hold, for the adoption module: adopt (online or at a desk),
 * choose the hand-over point, cancel, release an expired hold, remind. Each is asked of the
 * {@link Letter} itself, whose transitions are not reachable from outside this package; the letter
 * registers its own events, published by {@link Letters#saveChanges}.
 * <p>
 * The methods taking a {@link Letter} expect one the caller locked in its transaction
 * ({@link Letters#lockByCode}), so the checks made on it and the change are one.
 */
@Service
public class LetterHolds {

	/**
	 * The first key of the advisory lock on a donor's holdings, so that a donor's id never meets another
	 * lock's number (the letter import's locks are 4242101 and a campaign).
	 */
	private static final int HOLDINGS_LOCK = 4242102;

	private final Letters letters;

	private final JdbcClient jdbc;

	private final LetterChanges changes;

	LetterHolds(Letters letters, JdbcClient jdbc, LetterChanges changes) {
		this.changes = changes;
		this.letters = letters;
		this.jdbc = jdbc;
	}

	/**
	 * Where a letter stands when a donor presses "adopt", the campaign it belongs to, and the
	 * organisation's team it is reserved for, if any (read in the same statement: a press costs no more).
	 */
	public record Adoptable(LetterStatus status, long campaignId, Optional<Reservation> reservation) {
	}

	/**
	 * The letter a donor is about to adopt. When it is on the tree, the donor's holdings are locked
	 * until the transaction ends (a PostgreSQL advisory lock on the donor, not their account's row):
	 * two presses of one donor then count their letters one after the other, and the statement of
	 * {@link #adoptIfAvailable} sees the letters the other press took. Presses of different donors do
	 * not wait for each other here.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Adoptable> forAdoption(String code, long donorId) {
		return jdbc.sql("SELECT status, campaign_id, CASE WHEN " + LetterSql.is(null, Letter.Adoption.FROM)
				+ " THEN pg_advisory_xact_lock(?, ?)::text END, reserved_for, reserved_until FROM letter WHERE code = ?")
			.params(HOLDINGS_LOCK, Long.hashCode(donorId), code)
			.query((rs, row) -> {
				long reservedFor = rs.getLong(4);
				Optional<Reservation> reservation = rs.wasNull() ? Optional.empty()
						: Optional.of(new Reservation(reservedFor, rs.getTimestamp(5).toInstant()));
				return new Adoptable(LetterStatus.valueOf(rs.getString(1)), rs.getLong(2), reservation);
			})
			.optional();
	}

	/** A letter a donor has just adopted. */
	public record Adopted(long id, String code, String firstName, String giftTagCode) {
	}

	/**
	 * PUBLISHED → ADOPTED for a donor, in one statement: the letter's row changes only while it is on
	 * the tree and the donor holds fewer than {@code limit} letters of its campaign, and its history row
	 * is written with it. Nothing is loaded or locked before; of two presses on one letter the second
	 * waits for the first's row and then finds it taken (empty). Only the columns the adoption sets are
	 * written, and the version moves on, so an edit loaded before collides instead of undoing it.
	 * Empty when the letter is no longer on the tree or the donor is at the limit.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Adopted> adoptIfAvailable(String code, long donorId, LocalDate dueDate, int limit) {
		return adoptIfAvailable(code, donorId, null, dueDate, limit);
	}

	/**
	 * The same, for an organisation ({@code donorId}) through one of its team ({@code takenBy}, null when
	 * the donor presses for themselves). A letter reserved for an organisation is taken only by that
	 * organisation: the reservation is one more condition of the same statement, so a letter is never
	 * both reserved for one and adopted by another, and adopting it ends its reservation. A person of a
	 * team takes only a letter reserved for the organisation (its pool). The limit counts what the donor
	 * holds and what is reserved for it besides this letter: an organisation's own press cannot go past
	 * the limit with its reservations, and a reservation turned into a hold is not counted twice.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Adopted> adoptIfAvailable(String code, long donorId, Long takenBy, LocalDate dueDate, int limit) {
		Letter.Adoption adoption = Letter.Adoption.by(donorId, dueDate);
		Timestamp at = Timestamp.from(adoption.at());
		Optional<Map.Entry<Adopted, Integer>> adopted = jdbc.sql("""
				WITH adopted AS (
				  UPDATE letter SET status = :to, donor_id = :donor, gift_tag_code = :tag, adopted_at = :at,
				    due_date = :due, handover_point_id = NULL, updated_at = :at, version = version + 1,
				    taken_by = CAST(:takenBy AS bigint), reserved_for = NULL, reserved_until = NULL
				  WHERE code = :code AND %s AND (reserved_for IS NULL OR reserved_for = :donor)
				    AND (CAST(:takenBy AS bigint) IS NULL OR reserved_for = :donor)
				    AND (SELECT count(*) FROM letter held WHERE held.donor_id = :donor
				         AND held.campaign_id = letter.campaign_id AND %s)
				      + (SELECT count(*) FROM letter pooled WHERE pooled.reserved_for = :donor
				         AND pooled.campaign_id = letter.campaign_id AND pooled.id <> letter.id AND %s) < :limit
				  RETURNING id, code, first_name, gift_tag_code, donor_id, adopted_at, region_id
				), history AS (
				  INSERT INTO letter_status_change (letter_id, from_status, to_status, changed_by, changed_at)
				  SELECT id, CAST(:from AS varchar), CAST(:to AS varchar), donor_id, adopted_at FROM adopted
				)
				SELECT id, code, first_name, gift_tag_code, region_id FROM adopted"""
			.formatted(LetterSql.is(null, Letter.Adoption.FROM), LetterSql.is("held", ADOPTED),
					LetterSql.is("pooled", Letter.Adoption.FROM)))
			.param("to", Letter.Adoption.TO.name())
			.param("from", Letter.Adoption.FROM.name())
			.param("donor", donorId)
			.param("tag", adoption.giftTagCode())
			.param("at", at)
			.param("due", dueDate)
			.param("code", code)
			.param("limit", limit)
			.param("takenBy", takenBy)
			.query((rs, row) -> Map.entry(new Adopted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
					rs.getInt(5)))
			.optional();
		// written by a statement of its own, not through Hibernate: told to every module and node here
		adopted.ifPresent(letter -> changes.changed(new LetterChanged(letter.getKey().code(), letter.getValue())));
		return adopted.map(Map.Entry::getKey);
	}

	/** PUBLISHED → ADOPTED at a service centre's desk, for a walk-in donor. */
	@Transactional
	public void adoptWalkIn(Letter letter, long volunteerId, String donorName, String donorPhone,
			long handoverPointId, LocalDate dueDate) {
		letter.adoptWalkIn(volunteerId, donorName, donorPhone, handoverPointId, dueDate);
		letters.saveChanges(letter);
	}

	/** The donor says where they will hand the gift in. */
	@Transactional
	public void chooseHandoverPoint(Letter letter, long donorId, long handoverPointId) {
		letter.chooseHandoverPoint(donorId, handoverPointId);
		letters.saveChanges(letter);
	}

	/** ADOPTED → PUBLISHED: the donor gives the letter back. */
	@Transactional
	public void cancel(Letter letter, long donorId) {
		letter.cancelAdoption(donorId);
		letters.saveChanges(letter);
	}

	/** The same for a letter known by its id, locked here. */
	@Transactional
	public void cancel(long letterId, long donorId) {
		cancel(letters.lockById(letterId).orElseThrow(), donorId);
	}

	/**
	 * ADOPTED past its due date → PUBLISHED, by the system. The letter is taken with
	 * {@code FOR UPDATE SKIP LOCKED}: when another run holds it right now, it is skipped (false) rather
	 * than waited for and released twice. The donor hears of it through {@link HoldReleased}.
	 */
	@Transactional
	public boolean releaseExpired(long letterId, LocalDate today) {
		if (jdbc.sql("SELECT id FROM letter WHERE id = ? AND " + LetterSql.is(null, ADOPTED) + " FOR UPDATE SKIP LOCKED")
			.param(letterId)
			.query(Long.class)
			.optional()
			.isEmpty()) {
			return false;
		}
		Letter letter = letters.findById(letterId).orElseThrow();
		letter.releaseExpiredHold(today);
		letters.saveChanges(letter);
		return true;
	}

	/**
	 * Puts up to {@code count} letters of a campaign that are on the tree and free on hold for an
	 * organisation's team until {@code until}, the longest waiting first, in one statement: a letter is
	 * reserved only while it is on the tree and reserved for no one, the same guard an adoption meets,
	 * and letters another transaction is changing right now are skipped rather than waited for. A letter
	 * hanging on a centre's paper tree is never reserved: a walk-in holding its printed tag must be able
	 * to take it. The letters stay on the tree's status but leave the free tree. Returns the codes reserved.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public java.util.List<String> reserve(long organisationId, long campaignId, int count, java.time.Instant until) {
		if (count <= 0) {
			return java.util.List.of();
		}
		java.util.List<LetterChanged> reserved = jdbc.sql("""
				UPDATE letter SET reserved_for = :organisation, reserved_until = :until, version = version + 1
				WHERE id IN (SELECT id FROM letter free WHERE %s AND free.campaign_id = :campaign
				             AND free.reserved_for IS NULL AND free.paper_tree_point_id IS NULL
				             ORDER BY free.published_at, free.id LIMIT :count FOR UPDATE SKIP LOCKED)
				  AND %s AND reserved_for IS NULL AND paper_tree_point_id IS NULL
				RETURNING code, region_id""".formatted(LetterSql.is("free", Letter.Adoption.FROM),
				LetterSql.is(null, Letter.Adoption.FROM)))
			.param("organisation", organisationId)
			.param("until", Timestamp.from(until))
			.param("campaign", campaignId)
			.param("count", count)
			.query((rs, n) -> new LetterChanged(rs.getString(1), rs.getInt(2)))
			.list();
		tell(reserved);
		return reserved.stream().map(LetterChanged::code).toList();
	}

	/**
	 * Locks a donor's holdings until the transaction ends: the advisory lock {@link #forAdoption} takes,
	 * so an organisation's reservation and its team's adoptions count its letters one after the other.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockHoldings(long donorId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)::text")
			.params(HOLDINGS_LOCK, Long.hashCode(donorId))
			.query(String.class)
			.single();
	}

	/** How many letters of a campaign are reserved for an organisation now. */
	@Transactional(readOnly = true)
	public int reservedCount(long organisationId, long campaignId) {
		return jdbc.sql("SELECT count(*) FROM letter WHERE reserved_for = ? AND campaign_id = ? AND "
				+ LetterSql.is(null, Letter.Adoption.FROM))
			.params(organisationId, campaignId)
			.query(Integer.class)
			.single();
	}

	/** Whether a letter is reserved for an organisation's team (a walk-in cannot take it then). */
	@Transactional(readOnly = true)
	public boolean reserved(String code) {
		return reservation(code).isPresent();
	}

	/** A letter's reservation: for which organisation, until when. */
	public record Reservation(long organisationId, java.time.Instant until) {
	}

	/** The reservation of a letter, if it is reserved for an organisation's team now. */
	@Transactional(readOnly = true)
	public Optional<Reservation> reservation(String code) {
		return jdbc.sql("SELECT reserved_for, reserved_until FROM letter WHERE code = ? AND reserved_for IS NOT NULL")
			.param(code)
			.query((rs, n) -> new Reservation(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/**
	 * Reservations that ended at {@code now} go back to the free tree, in one statement, and each
	 * letter tells of it (the tree's kept pages forget it). Two runs at once release each letter once:
	 * the second finds its row changed. Returns how many came back.
	 */
	@Transactional
	public int releaseReservations(java.time.Instant now) {
		java.util.List<LetterChanged> released = jdbc.sql("""
				UPDATE letter SET reserved_for = NULL, reserved_until = NULL, version = version + 1
				WHERE reserved_until IS NOT NULL AND reserved_until <= :now
				RETURNING code, region_id""")
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new LetterChanged(rs.getString(1), rs.getInt(2)))
			.list();
		// a job's set-based change, as retention's: the tree's kept lists are made afresh at once
		if (!released.isEmpty()) {
			changes.changed(LetterChanged.many());
		}
		return released.size();
	}

	/**
	 * The organisation ends one reservation of its own early: the letter goes back to the free tree at
	 * once. False when the letter is not reserved for it (taken meanwhile, expired, another's).
	 */
	@Transactional
	public boolean releaseReservation(long organisationId, String code) {
		java.util.List<LetterChanged> released = jdbc.sql("""
				UPDATE letter SET reserved_for = NULL, reserved_until = NULL, version = version + 1
				WHERE code = ? AND reserved_for = ? RETURNING code, region_id""")
			.params(code, organisationId)
			.query((rs, n) -> new LetterChanged(rs.getString(1), rs.getInt(2)))
			.list();
		tell(released);
		return !released.isEmpty();
	}

	/** An organisation's reservations end now (it left the program): its letters go back to the tree. */
	@Transactional
	public int releaseReservationsOf(long organisationId) {
		java.util.List<LetterChanged> released = jdbc.sql("""
				UPDATE letter SET reserved_for = NULL, reserved_until = NULL, version = version + 1
				WHERE reserved_for = ? RETURNING code, region_id""")
			.param(organisationId)
			.query((rs, n) -> new LetterChanged(rs.getString(1), rs.getInt(2)))
			.list();
		tell(released);
		return released.size();
	}

	/**
	 * One letter tells of its change; a batch says that many changed, once, so that the tree's kept
	 * lists (which keep their few seconds after one letter's change) are made afresh at once.
	 */
	private void tell(java.util.List<LetterChanged> changed) {
		if (changed.size() > 1) {
			changes.changed(LetterChanged.many());
		}
		else {
			changed.forEach(changes::changed);
		}
	}

	/** The donor was reminded of the hold's due date: once per hold. */
	@Transactional
	public void reminded(long letterId) {
		jdbc.sql("UPDATE letter SET reminder_sent_at = now() WHERE id = ? RETURNING code, region_id")
			.param(letterId)
			.query((rs, n) -> new LetterChanged(rs.getString("code"), rs.getInt("region_id")))
			.optional()
			.ifPresent(changes::changed);
	}

}
