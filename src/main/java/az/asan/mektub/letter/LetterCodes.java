package az.asan.mektub.letter;

import java.security.SecureRandom;

/**
 * Codes people see instead of database ids: the public code of a letter's page (unguessable, 60
 * bits) and the gift tag code a volunteer checks when the gift is handed in. Crockford's alphabet
 * leaves out letters that read like digits (I, L, O, U).
 */
public final class LetterCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private LetterCodes() {
	}

	public static String publicCode() {
		return random(12);
	}

	public static String giftTagCode() {
		String raw = random(8);
		return raw.substring(0, 4) + "-" + raw.substring(4);
	}

	/** What a volunteer types may differ in case, spaces and the dash; the code itself may not. */
	public static String normaliseTag(String typed) {
		if (typed == null) {
			return "";
		}
		String compact = typed.toUpperCase().replaceAll("[^0-9A-Z]", "");
		return compact.length() == 8 ? compact.substring(0, 4) + "-" + compact.substring(4) : compact;
	}

	private static String random(int length) {
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(out);
	}

}
