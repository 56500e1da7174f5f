package az.asan.mektub.account;

/** Where staff's look at a self-registered organisation stands. */
public enum OrganisationReview {

	/** Registered, not yet looked at: it cannot adopt. */
	PENDING,
	/** Staff confirmed it: it adopts up to its limit. */
	CONFIRMED,
	/** Staff refused it: it cannot adopt. */
	REFUSED;

	/** Whether the organisation must still wait for staff before it adopts. */
	boolean awaitsConfirmation() {
		return this == PENDING || this == REFUSED;
	}

}
