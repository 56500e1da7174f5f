package az.asan.mektub.letter.thanks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import az.asan.mektub.account.AuditLog;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.LetterTransitionException;
import az.asan.mektub.letter.privacy.ChildDataAnonymised;
import az.asan.mektub.letter.privacy.PersonalDataCheck;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child's thank-you for a fulfilled letter ({@code letter_thanks}, this class's table): attached by
 * a volunteer of the letter's region, approved or rejected by another, shown to the letter's donor
 * only once approved. The note passes the same check as a public wish; the picture arrives here
 * re-encoded ({@link az.asan.mektub.letter.ImageSanitizer}) and the volunteer confirms it shows no face,
 * name or address, which the second volunteer checks again. Every attach makes a new version, and a
 * review holds only for the version the reviewer was shown. An approved one can be withdrawn with a
 * reason when something is noticed later. Each step is in the audit log, with who and why.
 */
@Component
public class ChildThanks {

	/** The longest note, as a child's short note on paper. */
	public static final int MAX_NOTE = 500;

	public enum Status {

		PENDING, APPROVED, REJECTED, WITHDRAWN

	}

	/** A thank-you as volunteers see it on the letter's page. */
	public record Thanks(long letterId, String note, boolean hasImage, Status status, long attachedBy,
			String attachedByName, Instant attachedAt, String reviewedByName, Instant reviewedAt, String rejectReason,
			int version, String withdrawnByName, Instant withdrawnAt, String withdrawReason) {

		public boolean pending() {
			return status == Status.PENDING;
		}

		public boolean approved() {
			return status == Status.APPROVED;
		}

		public boolean rejected() {
			return status == Status.REJECTED;
		}

		public boolean withdrawn() {
			return status == Status.WITHDRAWN;
		}

	}

	/** A thank-you waiting for a second volunteer, for their list. */
	public record Waiting(String code, String firstName, int regionId, boolean hasNote, boolean hasImage,
			String attachedByName, long attachedBy, Instant attachedAt) {
	}

	/** A rejected thank-you, for the volunteers of its region to attach anew. */
	public record Rejected(String code, String firstName, int regionId, String attachedByName, long attachedBy,
			String reviewedByName, Instant reviewedAt, String reason) {
	}

	/** An approved thank-you as its donor sees it. */
	public record Shown(String note, boolean hasImage, Instant approvedAt) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	ChildThanks(JdbcClient jdbc, ApplicationEventPublisher events, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.events = events;
		this.auditLog = auditLog;
	}

	/** The longest reason of a rejection or a withdrawal. */
	public static final int MAX_REASON = 300;

	/**
	 * The check's findings said of a public text ("the public text contains…") said of the child's note,
	 * which is private: the same finding, the note's words.
	 */
	private static final Map<String, String> NOTE_WORDING = Map.of("letter.privacy.surname", "thanks.privacy.surname",
			"letter.privacy.phone", "thanks.privacy.phone", "letter.privacy.email", "thanks.privacy.email",
			"letter.privacy.contact", "thanks.privacy.contact");

	/** The letter a thank-you is for, with what the note is checked against. */
	private record For(long id, LetterStatus status, Long donorId, String firstName, String surname, String contact,
			boolean anonymised) {
	}

	/**
	 * Attaches (or replaces a waiting or rejected) thank-you. Refused with a reason when the letter is
	 * not fulfilled, has no donor to show it to, was approved already, when nothing or too much is
	 * given, the volunteer did not confirm the check, or the note holds personal data.
	 */
	@Transactional
	public void attach(String code, RegionScope scope, long volunteerId, String note, byte[] jpeg, boolean checked) {
		For letter = jdbc.sql("""
				SELECT %s, ch.surname, ch.contact, ch.anonymised_at IS NOT NULL AS anonymised
				FROM letter l JOIN child ch ON ch.id = l.child_id
				WHERE l.code = :code AND %s FOR UPDATE OF l""".formatted(LetterRow.columns("l"),
				LetterSql.inScope("l")))
			.param("code", code)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query(LetterRow.mapper((row, rs) -> new For(row.id(), row.status(), row.donorId(), row.firstName(),
					rs.getString("surname"), rs.getString("contact"), rs.getBoolean("anonymised"))))
			.optional()
			.orElseThrow(NotFound::new);
		if (letter.status() != LetterStatus.FULFILLED || letter.anonymised()) {
			throw new LetterTransitionException("thanks.error.notFulfilled");
		}
		if (letter.donorId() == null) {
			throw new LetterTransitionException("thanks.error.noDonor");
		}
		if (current(letter.id()).filter(s -> s == Status.APPROVED).isPresent()) {
			throw new LetterTransitionException("thanks.error.alreadyApproved");
		}
		String clean = note == null || note.isBlank() ? null : note.strip();
		if (clean == null && jpeg == null) {
			throw new LetterTransitionException("thanks.error.empty");
		}
		if (clean != null && clean.length() > MAX_NOTE) {
			throw new LetterTransitionException("thanks.error.tooLong", MAX_NOTE);
		}
		if (!checked) {
			throw new LetterTransitionException("thanks.error.unchecked");
		}
		if (clean != null) {
			// the same check as a public wish; what only may be personal is refused too, as the child's
			// words can simply be left out or the drawing sent alone
			List<String> found = new ArrayList<>(PersonalDataCheck.findings(clean, letter.surname(), letter.contact()));
			PersonalDataCheck.warnings(clean, letter.firstName(), letter.contact())
				.stream()
				.filter(key -> !found.contains(key))
				.forEach(found::add);
			if (!found.isEmpty()) {
				throw new ThanksPrivacyRefused(found.stream().map(key -> NOTE_WORDING.getOrDefault(key, key)).toList());
			}
		}
		jdbc.sql("""
				INSERT INTO letter_thanks (letter_id, note, image, attached_by) VALUES (:letter, :note, :image, :volunteer)
				ON CONFLICT (letter_id) DO UPDATE SET note = EXCLUDED.note, image = EXCLUDED.image, status = 'PENDING',
				    attached_by = EXCLUDED.attached_by, attached_at = now(), reviewed_by = NULL, reviewed_at = NULL,
				    reject_reason = NULL, withdrawn_by = NULL, withdrawn_at = NULL, withdraw_reason = NULL,
				    version = letter_thanks.version + 1""")
			.param("letter", letter.id())
			.param("note", clean)
			.param("image", jpeg)
			.param("volunteer", volunteerId)
			.update();
		auditLog.record(volunteerId, AuditLog.Kind.LETTER, "THANKS_ATTACHED", null, code, code);
	}

	/**
	 * A second volunteer of the letter's region approves the waiting thank-you, in the version they were
	 * shown; its donor is told ({@link ThankYouApproved}). The volunteer who attached it cannot. When it
	 * was attached anew since (another note or picture), nothing is approved and the reviewer is told to
	 * look again.
	 */
	@Transactional
	public void approve(String code, RegionScope scope, long volunteerId, Integer shownVersion) {
		Pending pending = pending(code, scope, volunteerId);
		int approved = jdbc.sql("""
				UPDATE letter_thanks SET status = 'APPROVED', reviewed_by = :volunteer, reviewed_at = now()
				WHERE letter_id = :letter AND status = 'PENDING' AND version = :shown""")
			.param("volunteer", volunteerId)
			.param("letter", pending.letterId())
			.param("shown", shownVersion == null ? -1 : shownVersion)
			.update();
		if (approved == 0) {
			throw new LetterTransitionException("thanks.error.changed");
		}
		auditLog.record(volunteerId, AuditLog.Kind.LETTER, "THANKS_APPROVED", null, code, code);
		events.publishEvent(new ThankYouApproved(pending.letterId(), pending.donorId(), code));
	}

	/**
	 * A second volunteer rejects the waiting thank-you, in the version they were shown, and says why;
	 * it can be attached anew.
	 */
	@Transactional
	public void reject(String code, RegionScope scope, long volunteerId, String reason, Integer shownVersion) {
		String why = reason(reason, "thanks.error.reasonMissing");
		Pending pending = pending(code, scope, volunteerId);
		int rejected = jdbc.sql("""
				UPDATE letter_thanks SET status = 'REJECTED', reviewed_by = :volunteer, reviewed_at = now(), reject_reason = :why
				WHERE letter_id = :letter AND status = 'PENDING' AND version = :shown""")
			.param("volunteer", volunteerId)
			.param("why", why)
			.param("letter", pending.letterId())
			.param("shown", shownVersion == null ? -1 : shownVersion)
			.update();
		if (rejected == 0) {
			throw new LetterTransitionException("thanks.error.changedReject");
		}
		auditLog.record(volunteerId, AuditLog.Kind.LETTER, "THANKS_REJECTED", null, code + " " + why, code, why);
	}

	/**
	 * A volunteer of the letter's region (or staff) withdraws an approved thank-you, saying why (a face
	 * or a name noticed later): from then on its donor sees nothing of it, its picture included. Any
	 * volunteer of the region may, the one who approved it too: pulling something back needs no second
	 * pair of eyes.
	 */
	@Transactional
	public void withdraw(String code, RegionScope scope, long volunteerId, String reason) {
		String why = reason(reason, "thanks.error.withdrawReasonMissing");
		long letterId = letterIn(code, scope);
		int withdrawn = jdbc.sql("""
				UPDATE letter_thanks SET status = :withdrawn, withdrawn_by = :volunteer, withdrawn_at = now(),
				    withdraw_reason = :why
				WHERE letter_id = :letter AND status = 'APPROVED'""")
			// a parameter, not a literal: WITHDRAWN is also a letter's status, whose literals live in LetterSql
			.param("withdrawn", Status.WITHDRAWN.name())
			.param("volunteer", volunteerId)
			.param("why", why)
			.param("letter", letterId)
			.update();
		if (withdrawn == 0) {
			throw new LetterTransitionException("thanks.error.notApproved");
		}
		auditLog.record(volunteerId, AuditLog.Kind.LETTER, "THANKS_WITHDRAWN", null, code + " " + why, code, why);
	}

	private static String reason(String reason, String missing) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new LetterTransitionException(missing);
		}
		if (why.length() > MAX_REASON) {
			throw new LetterTransitionException("thanks.error.reasonTooLong", MAX_REASON);
		}
		return why;
	}

	private long letterIn(String code, RegionScope scope) {
		return jdbc.sql("SELECT l.id FROM letter l WHERE l.code = :code AND " + LetterSql.inScope("l"))
			.param("code", code)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query(Long.class)
			.optional()
			.orElseThrow(NotFound::new);
	}

	private record Pending(long letterId, long donorId, long attachedBy) {
	}

	/** The waiting thank-you of a letter in the scope, locked, that this volunteer may review. */
	private Pending pending(String code, RegionScope scope, long volunteerId) {
		long letterId = letterIn(code, scope);
		Pending pending = jdbc.sql("""
				SELECT t.letter_id, l.donor_id, t.attached_by FROM letter_thanks t JOIN letter l ON l.id = t.letter_id
				WHERE t.letter_id = ? AND t.status = 'PENDING' AND l.donor_id IS NOT NULL FOR UPDATE OF t""")
			.param(letterId)
			.query((rs, n) -> new Pending(rs.getLong("letter_id"), rs.getLong("donor_id"), rs.getLong("attached_by")))
			.optional()
			.orElseThrow(() -> new LetterTransitionException("thanks.error.notPending"));
		if (pending.attachedBy() == volunteerId) {
			throw new LetterTransitionException("thanks.error.ownReview");
		}
		return pending;
	}

	private Optional<Status> current(long letterId) {
		return jdbc.sql("SELECT status FROM letter_thanks WHERE letter_id = ?")
			.param(letterId)
			.query(String.class)
			.optional()
			.map(Status::valueOf);
	}

	/** A letter's thank-you as the volunteers of its region see it. */
	@Transactional(readOnly = true)
	public Optional<Thanks> of(long letterId) {
		return jdbc.sql("""
				SELECT t.letter_id, t.note, t.image IS NOT NULL AS has_image, t.status, t.attached_by, a.full_name AS attached_by_name,
				       t.attached_at, r.full_name AS reviewed_by_name, t.reviewed_at, t.reject_reason, t.version,
				       w.full_name AS withdrawn_by_name, t.withdrawn_at, t.withdraw_reason
				FROM letter_thanks t JOIN app_user a ON a.id = t.attached_by LEFT JOIN app_user r ON r.id = t.reviewed_by
				     LEFT JOIN app_user w ON w.id = t.withdrawn_by
				WHERE t.letter_id = ?""")
			.param(letterId)
			.query((rs, n) -> new Thanks(rs.getLong("letter_id"), rs.getString("note"), rs.getBoolean("has_image"),
					Status.valueOf(rs.getString("status")), rs.getLong("attached_by"), rs.getString("attached_by_name"),
					rs.getTimestamp("attached_at").toInstant(), rs.getString("reviewed_by_name"),
					rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
					rs.getString("reject_reason"), rs.getInt("version"), rs.getString("withdrawn_by_name"),
					rs.getTimestamp("withdrawn_at") == null ? null : rs.getTimestamp("withdrawn_at").toInstant(),
					rs.getString("withdraw_reason")))
			.optional();
	}

	/** The thank-yous waiting for a second volunteer in a scope, oldest first, at most 200. */
	@Transactional(readOnly = true)
	public List<Waiting> waiting(RegionScope scope) {
		return jdbc.sql("""
				SELECT %s, t.note IS NOT NULL AS has_note, t.image IS NOT NULL AS has_image,
				       a.full_name AS attached_by_name, t.attached_by, t.attached_at
				FROM letter_thanks t JOIN letter l ON l.id = t.letter_id JOIN app_user a ON a.id = t.attached_by
				WHERE t.status = 'PENDING' AND %s
				ORDER BY t.attached_at, l.id LIMIT 200""".formatted(LetterRow.columns("l"), LetterSql.inScope("l")))
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query(LetterRow.mapper((row, rs) -> new Waiting(row.code(), row.firstName(), row.regionId(),
					rs.getBoolean("has_note"), rs.getBoolean("has_image"), rs.getString("attached_by_name"),
					rs.getLong("attached_by"), rs.getTimestamp("attached_at").toInstant())))
			.list();
	}

	/**
	 * The thank-yous rejected in a scope, newest first, at most 200: the volunteers who attached them (or
	 * any of the region) find why, until one is attached anew.
	 */
	@Transactional(readOnly = true)
	public List<Rejected> rejected(RegionScope scope) {
		return jdbc.sql("""
				SELECT %s, a.full_name AS attached_by_name, t.attached_by,
				       r.full_name AS reviewed_by_name, t.reviewed_at, t.reject_reason
				FROM letter_thanks t JOIN letter l ON l.id = t.letter_id JOIN app_user a ON a.id = t.attached_by
				     JOIN app_user r ON r.id = t.reviewed_by
				WHERE t.status = 'REJECTED' AND %s
				ORDER BY t.reviewed_at DESC, l.id LIMIT 200""".formatted(LetterRow.columns("l"),
				LetterSql.inScope("l")))
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query(LetterRow.mapper((row, rs) -> new Rejected(row.code(), row.firstName(), row.regionId(),
					rs.getString("attached_by_name"), rs.getLong("attached_by"), rs.getString("reviewed_by_name"),
					rs.getTimestamp("reviewed_at").toInstant(), rs.getString("reject_reason"))))
			.list();
	}

	/** The picture of a letter's thank-you, whatever its review, for the volunteers of its region. */
	@Transactional(readOnly = true)
	public Optional<byte[]> imageForVolunteer(String code, RegionScope scope) {
		return jdbc.sql("""
				SELECT t.image FROM letter_thanks t JOIN letter l ON l.id = t.letter_id
				WHERE l.code = :code AND t.image IS NOT NULL AND %s""".formatted(LetterSql.inScope("l")))
			.param("code", code)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.query(byte[].class)
			.optional();
	}

	/**
	 * For a list of a donor's letters read in one statement: joins each fulfilled letter ({@code letter} is
	 * its alias) to its approved thank-you, if it has one, which {@link #APPROVED_COLUMNS} selects and
	 * {@link #approvedIn} reads. The statement itself must keep to the donor's own letters.
	 */
	public static String approvedJoin(String letter) {
		return "LEFT JOIN letter_thanks thanks ON thanks.letter_id = %s.id AND thanks.status = 'APPROVED' AND %s"
			.formatted(letter, LetterSql.is(letter, LetterStatus.FULFILLED));
	}

	/** What {@link #approvedJoin} adds to a statement's select list. */
	public static final String APPROVED_COLUMNS = "thanks.letter_id AS thanks_letter_id, thanks.note AS thanks_note, "
			+ "thanks.image IS NOT NULL AS thanks_has_image, thanks.reviewed_at AS thanks_reviewed_at";

	/** The approved thank-you on the result set's current row ({@link #approvedJoin}), or null. */
	public static Shown approvedIn(java.sql.ResultSet rs) throws java.sql.SQLException {
		return rs.getObject("thanks_letter_id") == null ? null
				: new Shown(rs.getString("thanks_note"), rs.getBoolean("thanks_has_image"),
						rs.getTimestamp("thanks_reviewed_at").toInstant());
	}

	/** The approved thank-yous of some fulfilled letters of one donor, by letter id, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, Shown> approvedFor(long donorId, Collection<Long> letterIds) {
		if (letterIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				SELECT t.letter_id, t.note, t.image IS NOT NULL AS has_image, t.reviewed_at
				FROM letter_thanks t JOIN letter l ON l.id = t.letter_id
				WHERE t.letter_id = ANY(CAST(:ids AS bigint[])) AND l.donor_id = :donor AND t.status = 'APPROVED' AND %s"""
			.formatted(LetterSql.is("l", LetterStatus.FULFILLED)))
			.param("ids", letterIds.toArray(Long[]::new))
			.param("donor", donorId)
			.query((rs, n) -> Map.entry(rs.getLong("letter_id"), new Shown(rs.getString("note"),
					rs.getBoolean("has_image"), rs.getTimestamp("reviewed_at").toInstant())))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The picture of an approved thank-you, for the donor of its fulfilled letter and no one else. */
	@Transactional(readOnly = true)
	public Optional<byte[]> imageForDonor(String code, long donorId) {
		return jdbc.sql("""
				SELECT t.image FROM letter_thanks t JOIN letter l ON l.id = t.letter_id
				WHERE l.code = :code AND l.donor_id = :donor AND t.status = 'APPROVED' AND t.image IS NOT NULL AND %s"""
			.formatted(LetterSql.is("l", LetterStatus.FULFILLED)))
			.param("code", code)
			.param("donor", donorId)
			.query(byte[].class)
			.optional();
	}

	/**
	 * Retention anonymised these letters' children: their thank-yous are the child's words and
	 * drawings, and go with the rest, in the retention's transaction.
	 */
	@EventListener
	void on(ChildDataAnonymised event) {
		jdbc.sql("DELETE FROM letter_thanks WHERE letter_id = ANY(CAST(:ids AS bigint[]))")
			.param("ids", event.letterIds().toArray(Long[]::new))
			.update();
	}

}
