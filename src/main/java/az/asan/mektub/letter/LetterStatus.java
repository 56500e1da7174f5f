package az.asan.mektub.letter;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a letter and the moves between them: a letter is RECEIVED (private), sent back as
 * INCOMPLETE and fixed, PUBLISHED on the tree, ADOPTED by one donor (back to PUBLISHED when the donor
 * cancels or the hold expires), GIFT_RECEIVED at a handover point and FULFILLED once the child has it;
 * any state before GIFT_RECEIVED may be WITHDRAWN with a reason. FULFILLED and WITHDRAWN are terminal.
 * This table is the one place that says which move is allowed; {@link Letter} refuses every other.
 */
public enum LetterStatus {

	RECEIVED, INCOMPLETE, PUBLISHED, ADOPTED, GIFT_RECEIVED, FULFILLED, WITHDRAWN;

	public Set<LetterStatus> next() {
		return switch (this) {
			case RECEIVED -> EnumSet.of(PUBLISHED, INCOMPLETE, WITHDRAWN);
			case INCOMPLETE -> EnumSet.of(RECEIVED, WITHDRAWN);
			case PUBLISHED -> EnumSet.of(ADOPTED, WITHDRAWN);
			case ADOPTED -> EnumSet.of(GIFT_RECEIVED, PUBLISHED, WITHDRAWN);
			case GIFT_RECEIVED -> EnumSet.of(FULFILLED);
			case FULFILLED, WITHDRAWN -> EnumSet.noneOf(LetterStatus.class);
		};
	}

	public boolean canMoveTo(LetterStatus target) {
		return next().contains(target);
	}

	public boolean isTerminal() {
		return next().isEmpty();
	}

	/** Registered and not yet on the tree: a volunteer reviews it, to publish it or send it back (templates ask this). */
	public boolean isWaitingForReview() {
		return this == RECEIVED;
	}

	/** Sent back to be completed: the reason and note say what is missing (templates ask this). */
	public boolean isSentBack() {
		return this == INCOMPLETE;
	}

	/** Seen by the public on the tree. */
	public boolean isPublic() {
		return this == PUBLISHED;
	}

	/** A donor holds it: adopted, or its gift handed in and not yet with the child (templates ask this). */
	public boolean isTaken() {
		return this == ADOPTED || this == GIFT_RECEIVED;
	}

	/** A donor holds it and the gift is not in yet: the hold's time runs. */
	public boolean isHeld() {
		return this == ADOPTED;
	}

	/** The gift is in at a centre and not yet with the child (templates ask this). */
	public boolean isGiftIn() {
		return this == GIFT_RECEIVED;
	}

	/** The child has the gift. */
	public boolean isFulfilled() {
		return this == FULFILLED;
	}

}
