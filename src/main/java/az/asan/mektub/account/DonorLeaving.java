package az.asan.mektub.account;

/**
 * Published, inside the deleting transaction, just before a donor's account is anonymised, so that
 * their open holds go back to the tree first.
 */
public record DonorLeaving(long donorId) {
}
