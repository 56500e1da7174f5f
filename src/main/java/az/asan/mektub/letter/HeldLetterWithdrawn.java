package az.asan.mektub.letter;

/**
 * The program withdrew a letter a donor held (they may have bought the gift already): the donor is to
 * be told, with the reason, in their language. A walk-in hold has no account and registers none.
 */
public record HeldLetterWithdrawn(Long letterId, String code, Long donorId, String firstName, WithdrawReason reason) {
}
