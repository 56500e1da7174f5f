package az.asan.mektub.letter;

public enum IncompleteReason {

	MISSING_CONSENT, UNREADABLE, OUT_OF_AGE_RANGE, OTHER

}
