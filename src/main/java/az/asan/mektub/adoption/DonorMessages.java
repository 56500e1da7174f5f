package az.asan.mektub.adoption;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.letter.LetterTransitionException;
import az.asan.mektub.letter.privacy.PersonalDataCheck;
import az.asan.mektub.letter.query.DonorLetters;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A donor's short message to the child, written while they hold the letter, so it is adoption's; a
 * volunteer of the letter's region reads it and approves it before it is passed on, and it may
 * carry no contact details (the donor and the child never exchange addresses).
 */
@Component
public class DonorMessages {

	public enum Status {

		PENDING, APPROVED, REJECTED

	}

	public record Message(long id, long letterId, String text, Status status, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final DonorLetters donorLetters;

	DonorMessages(JdbcClient jdbc, DonorLetters donorLetters) {
		this.jdbc = jdbc;
		this.donorLetters = donorLetters;
	}

	/**
	 * Writes or replaces the donor's waiting message. Refused with a message key when the letter is
	 * not theirs to write to, the text is empty or too long, or it holds contact details.
	 */
	@Transactional
	public void write(String code, long donorId, String text) {
		String clean = text == null ? "" : text.strip();
		if (clean.isEmpty()) {
			throw new LetterTransitionException("message.error.empty");
		}
		if (clean.length() > 500) {
			throw new LetterTransitionException("message.error.tooLong");
		}
		// The same check as a letter's public text; here even what only may be contact details is
		// refused, as the donor can simply write it otherwise.
		if (!PersonalDataCheck.findings(clean, null, null).isEmpty()
				|| !PersonalDataCheck.warnings(clean, null, null).isEmpty()) {
			throw new LetterTransitionException("message.error.contact");
		}
		Long letterId = donorLetters.lockWritableBy(code, donorId).orElseThrow(NotFound::new);
		jdbc.sql("DELETE FROM donor_message WHERE letter_id = ? AND donor_id = ? AND status = 'PENDING'")
			.params(letterId, donorId)
			.update();
		jdbc.sql("INSERT INTO donor_message (letter_id, donor_id, text) VALUES (?, ?, ?)")
			.params(letterId, donorId, clean)
			.update();
	}

	/** A volunteer of the letter's region approves or rejects a waiting message. */
	@Transactional
	public void review(long messageId, RegionScope scope, long volunteerId, boolean approve) {
		// The letter's region is the letter module's to answer; the message is this class's.
		Long letterId = jdbc.sql("SELECT letter_id FROM donor_message WHERE id = ? AND status = 'PENDING'")
			.param(messageId)
			.query(Long.class)
			.optional()
			.filter(id -> donorLetters.inScope(id, scope))
			.orElseThrow(NotFound::new);
		int changed = jdbc.sql("""
				UPDATE donor_message SET status = :status, reviewed_by = :volunteer, reviewed_at = now()
				WHERE id = :id AND letter_id = :letter AND status = 'PENDING'""")
			.param("status", approve ? "APPROVED" : "REJECTED")
			.param("volunteer", volunteerId)
			.param("id", messageId)
			.param("letter", letterId)
			.update();
		if (changed == 0) {
			throw new NotFound();
		}
	}

	/**
	 * A hold ended without a gift: the messages its donor wrote to the child in it were never passed on
	 * and never will be, so they are deleted; the next donor of the letter starts with none, and no
	 * volunteer could send them with another donor's gift.
	 */
	@Transactional
	public void deleteWithTheHold(long letterId, long donorId) {
		jdbc.sql("DELETE FROM donor_message WHERE letter_id = ? AND donor_id = ?").params(letterId, donorId).update();
	}

	/**
	 * Retention anonymised these letters' children: every message to them goes, approved or not, as
	 * it speaks to the child by name and may say more than the figures need.
	 */
	@Transactional
	void deleteOfAnonymised(Collection<Long> letterIds) {
		if (letterIds.isEmpty()) {
			return;
		}
		jdbc.sql("DELETE FROM donor_message WHERE letter_id = ANY(CAST(:ids AS bigint[]))")
			.param("ids", letterIds.toArray(Long[]::new))
			.update();
	}

	/** The messages one donor wrote to some letters, oldest first: a donor sees only their own. */
	@Transactional(readOnly = true)
	public List<Message> writtenBy(long donorId, Collection<Long> letterIds) {
		if (letterIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, letter_id, text, status, created_at FROM donor_message
				WHERE donor_id = :donor AND letter_id = ANY(CAST(:ids AS bigint[])) ORDER BY created_at, id""")
			.param("donor", donorId)
			.param("ids", letterIds.toArray(Long[]::new))
			.query((rs, n) -> new Message(rs.getLong("id"), rs.getLong("letter_id"), rs.getString("text"),
					Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** The messages of some letters, oldest first, in one query. */
	@Transactional(readOnly = true)
	public List<Message> of(Collection<Long> letterIds) {
		if (letterIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, letter_id, text, status, created_at FROM donor_message
				WHERE letter_id = ANY(CAST(:ids AS bigint[])) ORDER BY created_at, id""")
			.param("ids", letterIds.toArray(Long[]::new))
			.query((rs, n) -> new Message(rs.getLong("id"), rs.getLong("letter_id"), rs.getString("text"),
					Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}
