package az.asan.mektub.tree;

/**
 * What a kept letter page is kept by ({@code CacheConfiguration.LETTER_PAGES}): all that shapes it — signed
 * in or not, the language, the path prefix its links carry (a trusted proxy's) — and the letter.
 */
record LetterPageKey(boolean signedIn, String language, String contextPath, String code) {
}
