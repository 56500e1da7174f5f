package az.asan.mektub.adoption;

/** Why a donor could not adopt a letter; nothing was changed. */
public class AdoptionRefused extends RuntimeException {

	public enum Reason {

		/** Somebody else adopted it first (or it left the tree). */
		TAKEN,
		/** The donor already holds as many letters of this campaign as allowed. */
		LIMIT,
		/** The donor has not confirmed their e-mail address yet. */
		UNCONFIRMED,
		/** An organisation that staff have not confirmed (or refused) does not adopt yet. */
		ORGANISATION_UNCONFIRMED,
		/** Only donor accounts adopt letters. */
		NOT_A_DONOR,
		/** The campaign no longer takes adoptions. */
		CAMPAIGN_CLOSED,
		/**
		 * The letter is not on the tree and never was in this state: still waiting for its review, sent
		 * back, or withdrawn. Nobody took it, so "taken" would mislead the volunteer at the desk.
		 */
		NOT_ON_TREE,
		/** No letter of the volunteer's regions has the code typed or scanned at the desk. */
		UNKNOWN_CODE,
		/** Only people of an organisation's team adopt from its pool. */
		NOT_IN_TEAM,
		/**
		 * The letter is reserved for an organisation's team (another organisation's, or a walk-in's or a
		 * person's press): nobody took it, it comes back when the reservation ends ({@link #until()}).
		 */
		RESERVED,
		/**
		 * A person of a team takes for the organisation only the letters it reserved for its team (its
		 * pool), not any letter of the tree the organisation's officer never chose.
		 */
		NOT_IN_POOL

	}

	private final Reason reason;

	private final int limit;

	private final String until;

	AdoptionRefused(Reason reason, int limit) {
		this(reason, limit, "");
	}

	/** A refusal with the end of the letter's reservation, as the reader reads it ({@link Reason#RESERVED}). */
	AdoptionRefused(Reason reason, int limit, String until) {
		super(reason.name());
		this.reason = reason;
		this.limit = limit;
		this.until = until;
	}

	AdoptionRefused(Reason reason) {
		this(reason, 0);
	}

	public Reason reason() {
		return reason;
	}

	public int limit() {
		return limit;
	}

	/** When the letter's reservation ends, formatted; empty for the other reasons. */
	public String until() {
		return until;
	}

	/** The arguments of the refusal's message: {0} the limit, {1} the end of the reservation. */
	public Object[] args() {
		return new Object[] { limit, until };
	}

}
