package az.asan.mektub.letter;

/** An online donor's gift is now expected at another ASAN service centre; the donor is to be told. */
public record GiftMovedToCentre(Long letterId, String code, Long donorId, Long handoverPointId) {
}
