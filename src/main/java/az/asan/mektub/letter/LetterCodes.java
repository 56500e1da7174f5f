package az.asan.mektub.letter;

import az.asan.mektub.platform.security.Randomness;

/**
 * Codes people see instead of database ids: the public code of a letter's page (unguessable, 60
 * bits) and the gift tag code a volunteer checks when the gift is handed in. Crockford's alphabet
 * leaves out letters that read like digits (I, L, O, U).
 */
public final class LetterCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private LetterCodes() {
	}

	public static String publicCode() {
		return random(12);
	}

	public static String giftTagCode() {
		String raw = random(8);
		return raw.substring(0, 4) + "-" + raw.substring(4);
	}

	/**
	 * A letter's public code as a person typed it: {@link #compact(String)}, so that a code read off a
	 * tag with its spaces or dashes, in lower case or with an O for a zero, finds its letter.
	 */
	public static String normaliseCode(String typed) {
		return compact(typed);
	}

	/** A gift tag code as a person typed it: {@link #compact(String)}, with the dash put back after four. */
	public static String normaliseTag(String typed) {
		String compact = compact(typed);
		return compact.length() == 8 ? compact.substring(0, 4) + "-" + compact.substring(4) : compact;
	}

	/**
	 * The one rule for every typed code: trimmed, without spaces, dashes or dots, in capitals, and with
	 * the letters the alphabet leaves out read as the digits they look like (O as 0, I and L as 1), as
	 * Crockford's alphabet intends. Anything else that is no letter or digit is dropped too.
	 */
	public static String compact(String typed) {
		if (typed == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(typed.length());
		for (char c : typed.strip().toUpperCase(java.util.Locale.ROOT).toCharArray()) {
			switch (c) {
				case 'O' -> out.append('0');
				case 'I', 'L', '\u0130' -> out.append('1'); // İ, an Azerbaijani keyboard's capital i
				default -> {
					if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static String random(int length) {
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = ALPHABET[Randomness.below(ALPHABET.length)];
		}
		return new String(out);
	}

}
