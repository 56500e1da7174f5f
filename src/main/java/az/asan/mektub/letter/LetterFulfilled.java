package az.asan.mektub.letter;

/** Published when a child has received the gift, so that whoever cares (the donor's thank-you) reacts. */
public record LetterFulfilled(Long letterId, String code, Long donorId) {
}
