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
		NOT_IN_TEAM

	}

	private final Reason reason;

	private final int limit;

	AdoptionRefused(Reason reason, int limit) {
		super(reason.name());
		this.reason = reason;
		this.limit = limit;
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

}
