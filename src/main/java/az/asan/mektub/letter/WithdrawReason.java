package az.asan.mektub.letter;

public enum WithdrawReason {

	DUPLICATE, NO_LONGER_ELIGIBLE, CHILD_LEFT_CARE, OTHER

}
