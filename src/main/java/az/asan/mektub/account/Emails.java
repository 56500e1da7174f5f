package az.asan.mektub.account;

import java.text.Normalizer;

/**
 * E-mail addresses as typed into a form: compatibility forms folded (NFKC turns "ａｄｍｉｎ" into
 * "admin") and surrounding space removed. What remains must be printable ASCII
 * ({@link #PRINTABLE_ASCII}): an invisible character or a look-alike letter from another script
 * ("demо.az" with a Cyrillic о) would otherwise open a second account that reads like another's.
 * An internationalised domain is typed in its punycode form (xn--…).
 */
final class Emails {

	static final String PRINTABLE_ASCII = "^[\\x21-\\x7E]*$";

	private Emails() {
	}

	static String normalize(String email) {
		return email == null ? null : Normalizer.normalize(email, Normalizer.Form.NFKC).strip();
	}

}
