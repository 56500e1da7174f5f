package az.asan.mektub.platform.i18n;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Azerbaijani case endings by vowel harmony, for the cases the product's sentences use. A word (a
 * child's or a donor's name, a region) takes the ending directly, with the buffer consonant after a
 * vowel and the consonant change the language makes (Səbinənin, Səbinəyə, Orxanın, Mələyin,
 * Sadığın). A number takes it after a hyphen, in harmony with the last word read aloud (15-dir
 * because "on beş", 6-cı because "altı", 100-cü because "yüz", 0-dır because "sıfır").
 *
 * <p>
 * Bundles reach it through the message format: {@code {0, suffix, genitive}}
 * ({@link IcuMessageSource}), so no bundle glues {@code }-in} to a placeholder again.
 */
public final class AzerbaijaniSuffixes {

	/** The endings the product's sentences need. */
	public enum Case {

		/** -ın/-in/-un/-ün, after a vowel -nın: Səbinənin məktubu. */
		GENITIVE,
		/** -a/-ə, after a vowel -ya/-yə: Səbinəyə. */
		DATIVE,
		/** -ı/-i/-u/-ü, after a vowel -nı: Səbinəni. */
		ACCUSATIVE,
		/** -da/-də: Bakıda. */
		LOCATIVE,
		/** -dan/-dən: 5-dən. */
		ABLATIVE,
		/** -dır/-dir/-dur/-dür: 15-dir. */
		COPULA,
		/** -cı/-ci/-cu/-cü after a number (6-cı), -ıncı/-inci/... after a word (altıncı). */
		ORDINAL;

		/** The case named in a bundle, {@code genitive} or {@code GENITIVE}. */
		public static Case named(String name) {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}

	}

	private static final Locale AZ = Locale.forLanguageTag("az");

	private static final String VOWELS = "aıoueəiöü";

	private static final String BACK = "aıou";

	private static final String ROUNDED = "ouöü";

	/** Whole numbers as the product writes them: digits, maybe grouped by (non-breaking) spaces. */
	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,3}([ \u00a0\u202f]?\\d{3})*|-?\\d+");

	/** The last vowel of each digit's, ten's and power's name, and whether that name ends in a vowel. */
	private static final String[] UNITS = { "sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz",
			"doqquz" };

	private static final String[] TENS = { "", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən",
			"doxsan" };

	private static final String[] POWERS = { "min", "milyon", "milyard", "trilyon", "kvadrilyon", "kvintilyon" };

	private AzerbaijaniSuffixes() {
	}

	/** The value with its ending: a number (or digits) after a hyphen, any other text directly. */
	public static String attach(Object value, Case grammaticalCase) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number number && isWhole(number)) {
			BigInteger whole = new java.math.BigDecimal(number.toString()).toBigIntegerExact();
			return grouped(whole) + "-" + ending(spoken(whole), grammaticalCase, true);
		}
		String text = value.toString().strip();
		if (text.isEmpty()) {
			return text;
		}
		if (WHOLE_NUMBER.matcher(text).matches()) {
			BigInteger whole = new BigInteger(text.replaceAll("[ \u00a0\u202f]", ""));
			return text + "-" + ending(spoken(whole), grammaticalCase, true);
		}
		return word(text, grammaticalCase);
	}

	/** How the last word of a whole number is read aloud: 15 "beş", 40 "qırx", 1000 "min". */
	static String spoken(BigInteger number) {
		BigInteger n = number.abs();
		if (n.signum() == 0) {
			return UNITS[0];
		}
		BigInteger thousand = BigInteger.valueOf(1000);
		int power = -1;
		while (n.mod(thousand).signum() == 0) {
			n = n.divide(thousand);
			power++;
		}
		if (power >= 0) {
			// 1 000 is "min", 3 000 000 "üç milyon": the power word is the last one read.
			return POWERS[Math.min(power, POWERS.length - 1)];
		}
		int group = n.mod(thousand).intValue();
		if (group % 10 != 0) {
			return UNITS[group % 10];
		}
		if (group % 100 != 0) {
			return TENS[(group / 10) % 10];
		}
		return "yüz";
	}

	private static String word(String text, Case grammaticalCase) {
		String lower = text.toLowerCase(AZ);
		int lastVowel = lastVowelIndex(lower);
		if (lastVowel < 0) {
			// No vowel to follow (an abbreviation): read it as a front word, with a hyphen.
			return text + "-" + ending("e", grammaticalCase, false);
		}
		char last = lower.charAt(lower.length() - 1);
		String ending = ending(lower, grammaticalCase, false);
		if (text.equals(text.toUpperCase(AZ))) {
			// A name typed in capitals (SƏBİNƏ) keeps them: SƏBİNƏNİN.
			ending = ending.toUpperCase(AZ);
		}
		boolean vowelFollows = VOWELS.indexOf(Character.toLowerCase(ending.charAt(0))) >= 0
				|| ending.charAt(0) == 'I' || ending.charAt(0) == 'İ';
		if (vowelFollows && VOWELS.indexOf(last) < 0 && polysyllabic(lower)) {
			char before = lower.charAt(lower.length() - 2);
			// Mələk → Mələyin; Sadıq → Sadığın, but Tofiq stays Tofiqin (q after a front vowel keeps).
			if (last == 'k' && VOWELS.indexOf(before) >= 0) {
				return text.substring(0, text.length() - 1) + (Character.isUpperCase(text.charAt(text.length() - 1)) ? "Y" : "y")
						+ ending;
			}
			if (last == 'q' && BACK.indexOf(before) >= 0) {
				return text.substring(0, text.length() - 1) + (Character.isUpperCase(text.charAt(text.length() - 1)) ? "Ğ" : "ğ")
						+ ending;
			}
		}
		return text + ending;
	}

	/** The ending for a word (lower case) whose last vowel and last letter decide the harmony. */
	private static String ending(String lowerWord, Case grammaticalCase, boolean afterHyphen) {
		char vowel = lowerWord.charAt(lastVowelIndex(lowerWord));
		boolean endsInVowel = VOWELS.indexOf(lowerWord.charAt(lowerWord.length() - 1)) >= 0;
		boolean back = BACK.indexOf(vowel) >= 0;
		boolean rounded = ROUNDED.indexOf(vowel) >= 0;
		String a = back ? "a" : "ə";
		String i = back ? (rounded ? "u" : "ı") : (rounded ? "ü" : "i");
		return switch (grammaticalCase) {
			case GENITIVE -> (endsInVowel ? "n" : "") + i + "n";
			case DATIVE -> (endsInVowel ? "y" : "") + a;
			case ACCUSATIVE -> (endsInVowel ? "n" : "") + i;
			case LOCATIVE -> "d" + a;
			case ABLATIVE -> "d" + a + "n";
			case COPULA -> "d" + i + "r";
			case ORDINAL -> afterHyphen ? "c" + i : (endsInVowel ? "" : i) + "nc" + i;
		};
	}

	private static int lastVowelIndex(String lower) {
		for (int at = lower.length() - 1; at >= 0; at--) {
			if (VOWELS.indexOf(lower.charAt(at)) >= 0) {
				return at;
			}
		}
		return -1;
	}

	private static boolean polysyllabic(String lower) {
		int vowels = 0;
		for (int at = lower.lastIndexOf(' ') + 1; at < lower.length(); at++) {
			if (VOWELS.indexOf(lower.charAt(at)) >= 0) {
				vowels++;
			}
		}
		return vowels > 1;
	}

	private static boolean isWhole(Number number) {
		if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
				|| number instanceof BigInteger) {
			return true;
		}
		try {
			new java.math.BigDecimal(number.toString()).toBigIntegerExact();
			return true;
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return false;
		}
	}

	/** Numbers grouped the program's way ({@code 10 512}), as {@link Formats#number} writes them. */
	private static String grouped(BigInteger number) {
		String digits = number.abs().toString();
		StringBuilder out = new StringBuilder();
		for (int at = 0; at < digits.length(); at++) {
			if (at > 0 && (digits.length() - at) % 3 == 0) {
				out.append(' ');
			}
			out.append(digits.charAt(at));
		}
		return (number.signum() < 0 ? "-" : "") + out;
	}

}
