/**
 * The thank-you that comes back: when the child has the gift, a volunteer of the letter's region
 * attaches what the child made (a photo of a drawing, re-encoded like every image, or a short note,
 * checked for personal data like a public wish), a second volunteer approves it, and only then its
 * donor sees it on their letters and gets a mail ({@link az.asan.mektub.letter.thanks.ThankYouApproved}).
 * It never appears on a public page, and retention deletes it with the child's private data. Published
 * as {@code letter::thanks}: adoption shows the approved thank-you to its donor and mails them.
 */
@org.springframework.modulith.NamedInterface("thanks")
package az.asan.mektub.letter.thanks;
