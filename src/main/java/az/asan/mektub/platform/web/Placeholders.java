package az.asan.mektub.platform.web;

import az.asan.mektub.platform.security.Randomness;

/**
 * Stand-ins for what is personal in a page rendered once for many people (the reader's name, their
 * CSRF token, a part read per request): each is replaced before the page leaves the app. They carry a
 * random part chosen when the app starts, so no text a person can type (a child's wish, a name) is
 * ever taken for one.
 */
final class Placeholders {

	static final String NONCE = nonce();

	private static String nonce() {
		return Randomness.hex(12);
	}

	/** The signed-in reader's name in the layout. */
	static final String NAME = "asan-name-of-the-reader-" + NONCE;

	/** The reader's CSRF token in a form of a page or part rendered for many. */
	static final String CSRF = "asan-csrf-token-of-the-reader-" + NONCE;

	/** A part made for each reader, by its name, in a part kept for many ({@link PageShells#partPlaceholder}). */
	static String part(String name) {
		return "asan-part-" + NONCE + "-" + name + "-";
	}

	/** A part of the page read per request ({@link PageShell#holes()}), by its number. */
	static String hole(int index) {
		return "asan-hole-" + NONCE + "-" + index + "-";
	}

	private Placeholders() {
	}

}
