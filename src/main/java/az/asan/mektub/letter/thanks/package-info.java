/**
 * The thank-you that comes back: when the child has the gift, a volunteer of the letter's region
 * attaches what the child made (a photo of a drawing, re-encoded like every image, or a short note,
 * checked for personal data like a public wish), a second volunteer approves it, and only then its
 * donor sees it on their letters and gets a mail ({@link az.asan.mektub.letter.thanks.ThankYouApproved}).
 * A review holds only for the version the reviewer was shown (a re-attached one is looked at again);
 * an approved one that turns out to show too much is withdrawn, with a reason, and its donor no longer
 * sees it. Each step is in the audit log with who made it and why.
 * It never appears on a public page, and retention deletes it with the child's private data. Published
 * as {@code letter::thanks}: adoption shows the approved thank-you to its donor and mails them.
 */
@org.springframework.modulith.NamedInterface("thanks")
package az.asan.mektub.letter.thanks;
