/**
 * The child's privacy: the check of every public text for personal data, and the retention job that
 * anonymises the children of campaigns closed long ago. Published as {@code letter::privacy}: a
 * donor's message to the child passes the same check, and the demo data runs the retention.
 */
@org.springframework.modulith.NamedInterface("privacy")
package az.asan.mektub.letter.privacy;
