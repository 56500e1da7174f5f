/**
 * Letters: a child's wish and its life from registration to the child holding the gift. The
 * {@link az.asan.mektub.letter.Letter} aggregate decides every change of status (see
 * {@link az.asan.mektub.letter.LetterStatus}) and writes the history row with it; nothing else sets a
 * status. The child's private data lives in {@link az.asan.mektub.letter.Child} and never leaves the
 * volunteers' pages.
 */
package az.asan.mektub.letter;
