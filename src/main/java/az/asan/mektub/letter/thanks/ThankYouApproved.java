package az.asan.mektub.letter.thanks;

/**
 * A second volunteer approved the child's thank-you for a fulfilled letter: its donor may see it now.
 * Published inside the approval's transaction, so a mail queued on it commits with the approval.
 */
public record ThankYouApproved(long letterId, long donorId, String code) {
}
