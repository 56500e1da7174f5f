package az.asan.mektub.letter.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A second pair of eyes on the public wish text before it goes on the tree: it finds the child's
 * surname, a phone number, an e-mail address or the contact typed into the private fields (refused),
 * and warns of what may be personal: an address, a birth date, a guardian's or institution's name,
 * a social-media handle or link, a phone number spelled out in words. It cannot prove a text is
 * clean, which is why a volunteer still confirms it, but it catches the common slips. Donors'
 * messages to a child pass the same check.
 */
public final class PersonalDataCheck {

	private static final Locale AZ = Locale.forLanguageTag("az");

	private static final Pattern PHONE = Pattern.compile("(\\+?\\d[\\d ()-]{6,}\\d)");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

	/** An address spelled out to get past the check: "test at example dot com", "test [at] mail (dot) ru". */
	private static final Pattern SPELLED_EMAIL = Pattern.compile("[\\w.+-]+\\s*[\\[(]?\\s*\\b(at|et|собака|sobaka)\\b\\s*[\\])]?"
			+ "\\s*[\\w-]+\\s*[\\[(]?\\s*\\b(dot|точка|tochka|noqte|nokta)\\b\\s*[\\])]?\\s*(com|az|ru|net|org|info|io|ua|tr|me|edu|gov)\\b",
			Pattern.UNICODE_CHARACTER_CLASS);

	private PersonalDataCheck() {
	}

	/** Message keys of what the text gives away; empty when nothing was found. */
	public static List<String> findings(String publicText, String surname, String contact) {
		List<String> found = new ArrayList<>();
		if (publicText == null || publicText.isBlank()) {
			return found;
		}
		String plain = normalize(publicText);
		String text = fold(plain);
		String joined = joinSpelledOut(plain);
		surname = surname == null ? null : normalize(surname);
		contact = contact == null ? null : normalize(contact);
		if (surname != null && surname.strip().length() >= 3 && (text.contains(fold(surname.strip()))
				|| sounds(skeleton(plain), skeleton(surname.strip())) || fold(joined).contains(fold(surname.strip()))
				|| sounds(skeleton(joined), skeleton(surname.strip())) || family(plain, surname.strip())
				// the whole surname with a space somewhere inside it ("Məmmə dov")
				|| (surname.strip().length() >= 5
						&& skeleton(plain.replaceAll("\\s+", "")).contains(skeleton(surname.strip().replaceAll("\\s+", "")))))) {
			found.add("letter.privacy.surname");
		}
		if (PHONE.matcher(plain).find()) {
			found.add("letter.privacy.phone");
		}
		if (EMAIL.matcher(plain).find() || SPELLED_EMAIL.matcher(text).find()) {
			found.add("letter.privacy.email");
		}
		if (contact != null && contact.strip().length() >= 6 && text.contains(fold(contact.strip()))) {
			found.add("letter.privacy.contact");
		}
		return found;
	}

	private static final Pattern ADDRESS = Pattern.compile("\\b(kucesi|kuc\\.|prospekti|pr-ti|dongesi|dalani|sosesi"
			+ "|mehellesi|kendi|kendinde|kendinden|qesebesi|qesebesinde|mikrorayon|m/r|menzil|men\\.|ulica|ул\\.?|улица"
			+ "|проспект|переулок|квартира|кв\\.|деревня|посёлок|поселок|street|avenue|apartment|apt\\.|village)(?![\\p{L}])"
			+ "|\\b(ev|bina|korpus|дом|house|flat)\\s*(№|no\\.?|nomre(li)?)?\\s*\\d+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern INSTITUTION = Pattern.compile("\\d+\\s*-?\\s*(sayli|nomreli|№)\\s*\\p{L}"
			+ "|№\\s*\\d+|internat|uşaq evi|usaq evi|детский дом|школа-интернат|orphanage", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern DATE = Pattern.compile("\\b\\d{1,2}\\s*[./-]\\s*\\d{1,2}\\s*[./-]\\s*(\\d{4}|\\d{2})\\b"
			+ "|\\b(19|20)\\d{2}\\s*[./-]\\s*\\d{1,2}\\s*[./-]\\s*\\d{1,2}\\b"
			+ "|\\b\\d{1,2}\\s*(-?\\s*(ci|cu|ий|го|th|st|nd|rd))?\\s*(yanvar|fevral|mart|aprel|may|iyun|iyul|avqust"
			+ "|sentyabr|oktyabr|noyabr|dekabr|january|february|march|april|june|july|august|september|october"
			+ "|november|december|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
			+ "|\\b(19|20)\\d{2}\\s*-?\\s*(ci|cu)?\\s*(il\\p{L}*\\s+)?(dogul|anadan)"
			+ "|\\b(born|родил\\p{L}*)\\s+(in\\s+|в\\s+)?(19|20)\\d{2}", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern HANDLE = Pattern.compile("(^|[^\\w.])@[\\w.]{2,}|https?://"
			+ "|\\b(ig|insta|inst|tg|fb|tt|vk|yt|snap|tiktok|tw)\\s*[:=/]\\s*@?[\\w.]{3,}|\\bwww\\.|\\bt\\.me\\b"
			+ "|\\binsta(gram)?|telegram|tiktok|facebook|\\bfb\\.|whatsapp|\\bvk\\.com|youtube|snapchat|\\.(com|az|ru|net|org)\\b"
			+ "|инстаграм|телеграм|тикток|ватсап|вотсап", Pattern.UNICODE_CHARACTER_CLASS);

	/** Digits written as words, folded (az), in Russian and in English. */
	private static final java.util.Set<String> NUMBER_WORDS = java.util.Set.of("sifir", "bir", "iki", "uc", "dord",
			"bes", "alti", "yeddi", "sekkiz", "doqquz", "on", "iyirmi", "otuz", "qirx", "elli", "altmis", "yetmis",
			"seksen", "doxsan", "yuz", "min", "ноль", "нуль", "один", "одна", "два", "две", "три", "четыре", "пять", "шесть",
			"семь", "восемь", "девять", "десять", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят",
			"семьдесят", "восемьдесят", "девяносто", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот",
			"семьсот", "восемьсот", "девятьсот", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать",
			"пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать", "zero", "one", "two", "three", "four", "five", "six", "seven",
			"eight", "nine", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
			"hundred", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
			"nineteen", "oh");

	/** Words of a contact field that say who someone is, not which person: never flagged as a name. */
	private static final java.util.Set<String> CONTACT_WORDS = java.util.Set.of("anasi", "atasi", "nenesi", "babasi",
			"xalasi", "bibisi", "dayisi", "emisi", "qardasi", "bacisi", "qeyyum", "qeyyumu", "mudir", "mudiru",
			"direktor", "direktoru", "terbiyeci", "telefon", "tel", "unvan", "usaq", "evi", "mekteb", "internat",
			"sayli", "nomreli", "mama", "мама", "папа", "бабушка", "дедушка", "опекун", "директор", "телефон",
			"mother", "father", "grandmother", "grandfather", "guardian", "director", "phone", "baki", "baku");

	/**
	 * Message keys of what the text may give away beyond the certain findings above: an address, a
	 * date that looks like a birth date, a name from the letter's contact field (a guardian, an
	 * institution), a social-media handle or link, digits written as words. These can be innocent
	 * ("ev üçün", a wish for a birthday), so the volunteer is warned and decides.
	 */
	public static List<String> warnings(String publicText, String firstName, String contact) {
		List<String> found = new ArrayList<>();
		if (publicText == null || publicText.isBlank()) {
			return found;
		}
		String text = fold(normalize(publicText));
		String joined = fold(joinSpelledOut(normalize(publicText)));
		contact = contact == null ? null : normalize(contact);
		if (ADDRESS.matcher(text).find() || Addresses.found(normalize(publicText))) {
			found.add("letter.privacy.address");
		}
		if (INSTITUTION.matcher(text).find() || namesFrom(contact, firstName).stream()
			.map(name -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(name) + "(?![\\p{L}])"))
			.anyMatch(name -> name.matcher(text).find() || name.matcher(joined).find())) {
			found.add("letter.privacy.guardian");
		}
		if (DATE.matcher(text).find()) {
			found.add("letter.privacy.birthDate");
		}
		if (HANDLE.matcher(text).find()) {
			found.add("letter.privacy.handle");
		}
		if (numberWordsRun(text) >= 5) {
			found.add("letter.privacy.numberWords");
		}
		return found;
	}

	/** The names in a contact field: its words of four letters or more, but the child's own first name. */
	private static List<String> namesFrom(String contact, String firstName) {
		if (contact == null || contact.isBlank()) {
			return List.of();
		}
		String child = firstName == null ? "" : fold(firstName.strip());
		List<String> names = new ArrayList<>();
		for (String word : fold(contact).split("[^\\p{L}]+")) {
			if (word.length() >= 4 && !word.equals(child) && !CONTACT_WORDS.contains(word)) {
				names.add(word);
			}
		}
		return names;
	}

	/** The longest run of digits written as words (or digits among them), as a phone number spelled out. */
	private static int numberWordsRun(String folded) {
		int longest = 0;
		int run = 0;
		int words = 0;
		for (String token : folded.split("[^\\p{L}\\p{N}]+")) {
			if (token.isEmpty()) {
				continue;
			}
			boolean word = NUMBER_WORDS.contains(token);
			if (word || token.chars().allMatch(Character::isDigit)) {
				run++;
				words += word ? 1 : 0;
				if (words >= 3) {
					longest = Math.max(longest, run);
				}
			}
			else {
				run = 0;
				words = 0;
			}
		}
		return longest;
	}

	/**
	 * The text as a person reads it: compatibility forms folded (fullwidth letters and digits, ligatures)
	 * and every decimal digit of any script (Arabic-Indic, Devanagari, …) written as its ASCII digit,
	 * so that "０５０" and "٠٥٠" are checked as "050".
	 */
	static String normalize(String text) {
		String nfkc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(nfkc.length());
		nfkc.codePoints().forEach(cp -> {
			if (cp > 127 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
				out.append((char) ('0' + Character.digit(cp, 10)));
			}
			else if (Character.getType(cp) != Character.FORMAT) {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

	/**
	 * A run of two or more single letters, each apart from the next by one or two spaces, dots,
	 * hyphens, underscores or other signs: a word spelled out to get past the check
	 * ("Q u l i y e v a", "Q.u.l.i.y.e.v.a", "Q-u-l-i-y-e-v-a").
	 */
	private static final Pattern SPELLED_OUT = Pattern.compile(
			"(?<![\\p{L}\\p{N}])\\p{L}(?:[\\s\\p{P}\\p{S}]{1,2}\\p{L}(?![\\p{L}\\p{N}]))+",
			Pattern.UNICODE_CHARACTER_CLASS);

	/**
	 * The text with every word spelled out letter by letter written as one word ("Velosiped,
	 * Q u l i y e v a" reads "Velosiped, Quliyeva"); the rest of the text as it was. Only for finding
	 * a name: initials in an ordinary sentence ("A. B.") become a two-letter word that spells no name.
	 */
	static String joinSpelledOut(String text) {
		return SPELLED_OUT.matcher(text)
			.replaceAll(run -> java.util.regex.Matcher.quoteReplacement(run.group().replaceAll("[^\\p{L}]", "")));
	}

	/**
	 * Endings of Azerbaijani and Russian surnames, as their skeletons ({@code -yeva} is {@code eva},
	 * {@code -lı} is {@code li}, {@code -zadə} is {@code zada}), longest first.
	 */
	private static final List<String> SURNAME_ENDINGS = List.of("zada", "ova", "eva", "ov", "ev", "li", "lu");

	/** Below this a surname's root is too likely a common word ("Ali", "Nur") to be looked for. */
	private static final int MIN_ROOT = 4;

	/**
	 * The family's name in another form than the child's surname: its root, without the surname's
	 * ending, at the start of a word of the text, whatever follows it ("Abbasova" gives "Abbas",
	 * "Abbasov", "Abbasovlar", "Abbaslı"), in either alphabet and whichever of a/e/ə a spelling
	 * chose ("Məmmədov" gives "Мамедов"). Only roots of four letters or more, and only as written: a
	 * root spelled out letter by letter is as likely initials ("Q u l i Aysu"), while the whole surname
	 * spelled out is still found above.
	 */
	static boolean family(String plain, String surname) {
		String root = root(skeleton(surname));
		if (root.length() < MIN_ROOT) {
			return false;
		}
		String wanted = vowels(root);
		return sounds(vowels(skeleton(plain)), wanted);
	}

	/** A surname's skeleton without its ending: the family's root. */
	static String root(String surnameSkeleton) {
		for (String ending : SURNAME_ENDINGS) {
			if (surnameSkeleton.endsWith(ending) && surnameSkeleton.length() - ending.length() >= MIN_ROOT) {
				return surnameSkeleton.substring(0, surnameSkeleton.length() - ending.length());
			}
		}
		return surnameSkeleton;
	}

	/** Russian writes ə as е or а: for a root, the two are one, and a doubled letter once again. */
	private static String vowels(String skeleton) {
		String merged = skeleton.replace('e', 'a');
		StringBuilder out = new StringBuilder(merged.length());
		for (int i = 0; i < merged.length(); i++) {
			if (i == 0 || merged.charAt(i) != merged.charAt(i - 1)) {
				out.append(merged.charAt(i));
			}
		}
		return out.toString();
	}

	/** The skeleton of a word appears at the start of a word of the text. */
	private static boolean sounds(String textSkeleton, String surnameSkeleton) {
		if (surnameSkeleton.length() < 3) {
			return false;
		}
		return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(surnameSkeleton)).matcher(textSkeleton).find();
	}

	/**
	 * How a name sounds, written the same from Azerbaijani Latin and from Russian Cyrillic
	 * ("Sınaqova" and "Сынагова", "Əliyev" and "Алиев"): Cyrillic transliterated, then letters that
	 * the two spellings render differently merged (q/k/g, ı/i/ы, ə/a, ş/ш, y dropped, doubled letters
	 * once). Only for comparing a surname; never shown.
	 */
	public static String skeleton(String text) {
		String lower = text.toLowerCase(AZ).replace("дж", "c");
		StringBuilder latin = new StringBuilder(lower.length());
		for (char c : lower.toCharArray()) {
			latin.append(switch (c) {
				case 'а', 'я', 'ə', 'ä' -> "a";
				case 'б' -> "b";
				case 'в' -> "v";
				case 'г', 'ғ', 'ğ', 'q', 'k', 'к' -> "g";
				case 'д' -> "d";
				case 'е', 'ё', 'э', 'є' -> "e";
				case 'ж' -> "j";
				case 'з' -> "z";
				case 'и', 'ы', 'і', 'й', 'ı' -> "i";
				case 'л' -> "l";
				case 'м' -> "m";
				case 'н' -> "n";
				case 'о', 'ö' -> "o";
				case 'п' -> "p";
				case 'р' -> "r";
				case 'с', 'ş', 'ш', 'щ' -> "s";
				case 'т' -> "t";
				case 'у', 'ю', 'ü' -> "u";
				case 'ф' -> "f";
				case 'х', 'һ' -> "x";
				case 'ц' -> "ts";
				case 'ч', 'ç' -> "c";
				case 'ъ', 'ь', 'y' -> "";
				default -> String.valueOf(c);
			});
		}
		StringBuilder out = new StringBuilder(latin.length());
		for (int i = 0; i < latin.length(); i++) {
			if (i == 0 || latin.charAt(i) != latin.charAt(i - 1)) {
				out.append(latin.charAt(i));
			}
		}
		return out.toString();
	}

	/** The Java twin of the database's {@code az_fold}: Azerbaijani case, then plain Latin letters. */
	public static String fold(String text) {
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
