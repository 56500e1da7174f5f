package az.asan.mektub.campaign;

/**
 * What opening (or reopening) a campaign now would do that staff confirm in a second, explicit step
 * before it happens.
 */
public enum OpeningWarning {

	/** Its start date is still ahead: letters and adoptions would begin before it. */
	STARTS_LATER,

	/** A hold taken today would be cut short at the campaign's end, before its hold days run out. */
	HOLDS_PAST_END,

	/** Another campaign of the same kind is open: both would take letters and hang on the tree. */
	ANOTHER_OPEN

}
