package az.asan.mektub.letter.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Addresses as people in Azerbaijan write them, beyond the street words of {@link PersonalDataCheck}
 * (pen test 2, item 3): the abbreviations of Azerbaijani, Russian and English addresses ({@code küç.},
 * {@code pr.}, {@code m.}, {@code mən.}, {@code r.}, {@code ray.}, {@code qəs.}, {@code ş.},
 * {@code ул.}, {@code д.}, {@code кв.}, {@code пр-т}, {@code р-н}, {@code Ave.}, {@code Rd.}), the word
 * {@code ünvan}, a capitalised street name followed by a house number where the text ends or goes on
 * with a comma ({@code Şərifzadə 14, m. 3}) unless the word is a brand or a size ({@code Lego 60}),
 * and a district, region or settlement name (from the region data, {@code privacy/*}) followed by the
 * word for what it is or by a street and number ({@code Yasamal, Şərifzadə 14}). Numbers of years,
 * pieces, sizes and classes stay ordinary wishes ({@code 14 yaşlı qardaşım üçün}).
 */
final class Addresses {

	/** On the folded text (see PersonalDataCheck#fold): abbreviations and words of addresses. */
	private static final Pattern WORDS = Pattern.compile(
			// an abbreviation after a name: "Yasamal r.", "Azadlıq pr.", "Bakıxanov qəs.", "Bakı ş.", "Nizami küç."
			"(?<![\\p{L}])\\p{L}{3,}\\s+(r|ray|qes|s|pr|pros|prosp|kuc|mkr|dal|dong)\\.(?![\\p{L}])"
					// an abbreviation before a name or number: "pr. Azadlıq", "mkr. 8", "m. 3", "mən. 12"
					+ "|(?<![\\p{L}])(kuc|prosp|mkr|qes)\\.\\s*\\p{L}{3,}"
					+ "|(?<![\\p{L}\\d])(m|men|menz|mkr|mkr-n|ev|bina|kv|korp|d)\\.\\s*\\d+"
					+ "|(?<![\\p{L}])(unvan\\p{L}*|rayonu(nda|n)?|r-nu|r-nunda|qesebes(i|inde)|kuces(i|inde)"
					+ "|prospekt(i|inde)|seheri|mikrorayon\\p{L}*|sose(si)?|dongesi)(?![\\p{L}])"
					// without the dot, before a number: "küç 14", "kv 5", "apt 5", "пр 12", "otaq 214"
					+ "|(?<![\\p{L}])(kuc|kuce|prosp|mkr|kv|apt|korp|bina|otaq|mertebe)\\s*\\d+"
					// an ordinal house, turn or block: "14-cü ev", "1-ci döngə 7", "5-ci mkr"
					+ "|(?<![\\p{L}\\d])\\d{1,4}\\s*-?\\s*(ci|cu|inci|uncu|nci|ncu)\\s+(ev|bina|menzil|donge\\p{L}*|dalan\\p{L}*|mkr|mikrorayon\\p{L}*|korpus)(?![\\p{L}])"
					+ "|(?<![\\p{L}])(mkr|sosse(si)?|yataqxana\\p{L}*|poct\\s+indeks\\p{L}*|indeksi|кучеси|проспекти|гесебеси|шоссе|общежити\\p{L}*|почтовый\\s+индекс|postal\\s+code|postcode|zip\\s+code)(?![\\p{L}])"
					// Russian
					+ "|(?<![\\p{L}])(ул|пр|просп|пер|пос|мкр|г)\\.\\s*\\p{L}{2,}"
					+ "|(?<![\\p{L}])(ул|пр|просп|пер|мкр)\\s*\\d+"
					+ "|(?<![\\p{L}])(ул\\.|пр-т|пр-кт|р-н|мкр|адрес\\p{L}*|район(е|а)?|микрорайон\\p{L}*|посёлок|поселок|пос\\.)(?![\\p{L}])"
					+ "|(?<![\\p{L}])(д|дом|кв|корп|стр)\\.?\\s*\\d+"
					// English
					+ "|(?<![\\p{L}])(st|rd|ave|blvd|apt)\\.(?=[\\s,]|$)|(?<![\\p{L}])(address|district|settlement|road|lane|flat\\s+\\d+)(?![\\p{L}])",
			Pattern.UNICODE_CHARACTER_CLASS);

	/**
	 * On the text as written: a name in any case ("Şərifzadə", "şərifzadə", "ŞƏRİFZADƏ"), a house number
	 * after a space, hyphen or comma, perhaps a flat ("10-5", "14/2"), then a comma, a flat or the end.
	 */
	private static final Pattern HOUSE = Pattern.compile(
			"(?<![\\p{L}\\d])(\\p{L}{3,})(\\s+|\\s*[-,]\\s*)\\d{1,4}(\\s?[a-zA-ZəƏаАбБ])?([/-]\\d{1,3})?(?=\\s*([,;)]|$))",
			Pattern.UNICODE_CHARACTER_CLASS);

	/** A house number before a capitalised street name at a comma or the end ("14 Şərifzadə"). */
	private static final Pattern NUMBER_FIRST = Pattern.compile(
			"(?<![\\p{L}\\d-])\\d{1,4}\\s+(\\p{Lu}\\p{Ll}{2,})(?=\\s*([,;)]|$))", Pattern.UNICODE_CHARACTER_CLASS);

	/** A postcode as written: "AZ 1073", "AZ1000". */
	private static final Pattern POSTCODE = Pattern.compile("(?<![\\p{L}])AZ\\s?-?\\d{4}(?!\\d)");

	/** Words before a number that make it a size, a class, a model or an age, not a house (folded). */
	private static final Set<String> NOT_STREETS = Set.of("lego", "iphone", "ipad", "playstation", "xbox", "barbie",
			"minecraft", "fifa", "samsung", "galaxy", "nintendo", "switch", "potter", "marvel", "roblox", "pubg",
			"wheels", "nike", "adidas", "puma", "mario", "sonic", "pokemon", "toyota", "bmw", "mercedes", "ferrari",
			"apple", "airpods", "huawei", "xiaomi", "redmi", "honor", "windows", "macbook", "lenovo", "asus", "acer",
			"monopoly", "city", "technic", "duplo", "sinif", "sinfi", "olcu", "olcum", "nomre", "nomresi", "yas",
			"yasim", "yasi", "boy", "boyum", "razmer", "размер", "класс", "возраст", "size", "age", "grade", "class",
			"number", "part", "volume", "cild", "hisse", "kitab", "seriya", "level", "model", "version", "mart",
			"may", "aprel", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr", "yanvar", "fevral",
			"мне", "ему", "ей", "нам", "mene", "ona", "bize", "mən", "men", "biz", "siz", "uşaq", "usaq", "top",
			// footballers' shirts and other words a number follows in a wish ("Messi 10", "books 1-3")
			"messi", "ronaldo", "neymar", "mbappe", "haaland", "salah", "books", "book", "kitabi", "oyun", "oyunu",
			"game", "games", "set", "dest", "desti", "eded", "shirt", "forma", "formasi", "nomreli", "sinifler",
			"classes", "часть", "том", "номер", "игра", "набор", "pieces", "hisseli", "ps", "gta", "mortal");

	private static final Pattern PLACE = places();

	/**
	 * Living in a settlement ("Masazırda yaşayırıq"): a settlement is small enough to be part of an
	 * address, unlike a city or a district ("Bakıda yaşayıram" stays an ordinary sentence).
	 */
	private static final Pattern SETTLED = settled();

	private Addresses() {
	}

	static boolean found(String plain) {
		String folded = PersonalDataCheck.fold(plain);
		if (WORDS.matcher(folded).find() || PLACE.matcher(folded).find()) {
			return true;
		}
		if (POSTCODE.matcher(plain).find() || SETTLED.matcher(folded).find()) {
			return true;
		}
		for (Pattern pattern : List.of(HOUSE, NUMBER_FIRST)) {
			var house = pattern.matcher(plain);
			while (house.find()) {
				if (!NOT_STREETS.contains(PersonalDataCheck.fold(house.group(1)))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A district, region or settlement followed by what it is ("Yasamal rayonu", "Buzovna qəsəbəsi",
	 * "Nasimi district", "Bakı şəhəri") or by a comma and a street with a number ("Yasamal, Şərifzadə 14").
	 */
	private static Pattern places() {
		Set<String> names = new LinkedHashSet<>();
		for (String file : List.of("privacy/baku_districts.csv", "privacy/az_regions.csv")) {
			List<String> lines = lines(file);
			for (String line : lines.subList(1, lines.size())) {
				String[] cells = line.split(",");
				if (cells.length > 2) {
					names.add(PersonalDataCheck.fold(cells[1].strip()));
					names.add(PersonalDataCheck.fold(cells[2].strip()));
				}
			}
		}
		lines("privacy/settlements.txt").stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.forEach(line -> names.add(PersonalDataCheck.fold(line.strip())));
		names.removeIf(name -> name.length() < 3);
		String alternatives = names.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
		return Pattern.compile("(?<![\\p{L}])(" + alternatives + ")(\\s+(r|ray|qes|s)(\\.|(?![\\p{L}]))|\\s+(rayonu|rayonunda|r-nu|qesebesi"
				+ "|qesebesinde|seheri|seherinde|kendi|district|settlement|village|city)(?![\\p{L}])"
				+ "|\\s*,\\s*\\p{L}{3,}(\\s+\\p{L}{3,})?\\s+\\d{1,4}(?![\\p{L}\\d-]))", Pattern.UNICODE_CHARACTER_CLASS);
	}

	private static Pattern settled() {
		String alternatives = lines("privacy/settlements.txt").stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> PersonalDataCheck.fold(line.strip()))
			.filter(name -> name.length() >= 3)
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
		return Pattern.compile("(?<![\\p{L}])(" + alternatives + ")(da|de|ta|te)\\s+(yasa|qal|olur)\\p{L}*",
				Pattern.UNICODE_CHARACTER_CLASS);
	}

	private static List<String> lines(String resource) {
		try (InputStream in = Addresses.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing " + resource);
			}
			List<String> lines = new ArrayList<>();
			new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().forEach(lines::add);
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
