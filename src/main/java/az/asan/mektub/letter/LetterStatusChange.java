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

/** One row of a letter's history: who, when, from, to, note. Written only by {@link Letter}. */
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

	private String note;

	protected LetterStatusChange() {
	}

	LetterStatusChange(Letter letter, LetterStatus from, LetterStatus to, Long changedBy, Instant at, String note) {
		this.letter = letter;
		this.fromStatus = from;
		this.toStatus = to;
		this.changedBy = changedBy;
		this.changedAt = at;
		this.note = note;
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

	public String getNote() {
		return note;
	}

}
