package az.asan.mektub.letter;

import java.time.LocalDate;

import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
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

	private final Letters letters;

	private final JdbcClient jdbc;

	private final LetterChanges changes;

	LetterHolds(Letters letters, JdbcClient jdbc, LetterChanges changes) {
		this.changes = changes;
		this.letters = letters;
		this.jdbc = jdbc;
	}

	/** PUBLISHED → ADOPTED: the donor holds the letter until {@code dueDate}. */
	@Transactional
	public void adopt(Letter letter, long donorId, LocalDate dueDate) {
		letter.adopt(donorId, dueDate, null);
		letters.saveChanges(letter);
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
