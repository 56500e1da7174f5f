package az.asan.mektub.letter;

/**
 * A donor's hold ended without a gift (the donor gave the letter back, the hold expired, a volunteer
 * released it, the account was deleted): whatever belonged to that hold alone, such as the donor's
 * unsent message to the child, is to go with it. Published for online donors only.
 */
public record HoldEnded(Long letterId, Long donorId) {
}
