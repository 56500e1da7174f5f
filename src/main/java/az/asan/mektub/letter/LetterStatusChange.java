package az.asan.mektub.letter;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * One row of a letter's history: who, when, from, to, why (a reason code such as HOLD_EXPIRED, shown
 * in the user's language) and what the person noted. Written only by {@link Letter}.
 */
@Entity
public class LetterStatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "letter_id")
	private Letter letter;

	@Enumerated(EnumType.STRING)
	private LetterStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private LetterStatus toStatus;

	private Long changedBy;

	private Instant changedAt;

	private String reason;

	private String noteText;

	/** For a move to another centre (MOVED_TO_CENTRE): the centre the gift is now expected at. */
	private Long handoverPointId;

	protected LetterStatusChange() {
	}

	LetterStatusChange(Letter letter, LetterStatus from, LetterStatus to, Long changedBy, Instant at, String reason,
			String noteText) {
		this.letter = letter;
		this.fromStatus = from;
		this.toStatus = to;
		this.changedBy = changedBy;
		this.changedAt = at;
		this.reason = reason;
		this.noteText = noteText;
	}

	public LetterStatus getFromStatus() {
		return fromStatus;
	}

	public LetterStatus getToStatus() {
		return toStatus;
	}

	public Long getChangedBy() {
		return changedBy;
	}

	public Instant getChangedAt() {
		return changedAt;
	}

	public String getReason() {
		return reason;
	}

	void setHandoverPointId(Long handoverPointId) {
		this.handoverPointId = handoverPointId;
	}

	public Long getHandoverPointId() {
		return handoverPointId;
	}

	public String getNoteText() {
		return noteText;
	}

}
