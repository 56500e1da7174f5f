package az.asan.mektub.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A second pair of eyes on the public wish text before it goes on the tree: it finds the child's
 * surname, a phone number, an e-mail address or the contact typed into the private fields. It
 * cannot prove a text is clean, which is why a volunteer still confirms it, but it catches the
 * common slips.
 */
final class PersonalDataCheck {

	private static final Locale AZ = Locale.forLanguageTag("az");

	private static final Pattern PHONE = Pattern.compile("(\\+?\\d[\\d ()-]{6,}\\d)");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

	private PersonalDataCheck() {
	}

	/** Message keys of what the text gives away; empty when nothing was found. */
	static List<String> findings(String publicText, String surname, String contact) {
		List<String> found = new ArrayList<>();
		if (publicText == null || publicText.isBlank()) {
			return found;
		}
		String text = fold(publicText);
		if (surname != null && surname.strip().length() >= 3 && text.contains(fold(surname.strip()))) {
			found.add("letter.privacy.surname");
		}
		if (PHONE.matcher(publicText).find()) {
			found.add("letter.privacy.phone");
		}
		if (EMAIL.matcher(publicText).find()) {
			found.add("letter.privacy.email");
		}
		if (contact != null && contact.strip().length() >= 6 && text.contains(fold(contact.strip()))) {
			found.add("letter.privacy.contact");
		}
		return found;
	}

	/** The Java twin of the database's {@code az_fold}: Azerbaijani case, then plain Latin letters. */
	static String fold(String text) {
		String lower = text.toLowerCase(AZ);
		StringBuilder out = new StringBuilder(lower.length());
		for (char c : lower.toCharArray()) {
			out.append(switch (c) {
				case 'ə' -> 'e';
				case 'ı' -> 'i';
				case 'ş' -> 's';
				case 'ç' -> 'c';
				case 'ğ' -> 'g';
				case 'ö' -> 'o';
				case 'ü' -> 'u';
				default -> c;
			});
		}
		return out.toString();
	}

}
