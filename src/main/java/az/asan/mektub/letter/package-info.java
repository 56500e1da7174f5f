/**
 * Letters: a child's wish and its life from registration to the child holding the gift. The
 * {@link az.asan.mektub.letter.Letter} aggregate decides every change of status (see
 * {@link az.asan.mektub.letter.LetterStatus}) and writes the history row with it; nothing else sets a
 * status. The child's private data lives in {@link az.asan.mektub.letter.Child} and never leaves the
 * volunteers' pages.
 * <p>
 * This package is the module's API: the aggregate, its status, repository, events and operations.
 * Beside it: {@code letter.query} (reads, published as {@code letter::query}), {@code letter.privacy}
 * (the personal-data check and retention, published as {@code letter::privacy}), {@code letter.thanks}
 * (the child's thank-you after the gift, published as {@code letter::thanks}), and the internal
 * {@code letter.web} (the volunteers' pages) and {@code letter.importing} (CSV import).
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.letter;
