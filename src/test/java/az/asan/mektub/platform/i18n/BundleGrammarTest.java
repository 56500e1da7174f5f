package az.asan.mektub.platform.i18n;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.ibm.icu.text.MessagePattern;
import org.junit.jupiter.api.Test;

import static az.asan.mektub.platform.i18n.Bundles.RESOURCES;
import static az.asan.mektub.platform.i18n.Bundles.load;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundles read as a native speaker writes: no Azerbaijani line glues an ending to a placeholder,
 * no Russian or English line puts a bare number before a counted noun, every line is a valid ICU
 * message, and every plural names the forms its language needs. (The three bundles' keys are
 * compared by {@link I18nPropertiesSyncTest}.)
 */
class BundleGrammarTest {

	private static final Map<String, Locale> BUNDLES = Map.of("messages.properties", Locale.forLanguageTag("az"),
			"messages_en.properties", Locale.ENGLISH, "messages_ru.properties", Locale.forLanguageTag("ru"));

	/** "{0}-in", "{1}-ə", "{0}-dır", "{0}'in", "{0}nin": an ending glued to a placeholder. */
	private static final Pattern GLUED = Pattern.compile("\\{\\d+}['’‑-]?\\p{L}");

	/** A simple number placeholder, then (maybe after one adjective) a word. */
	private static final Pattern PLACEHOLDER_THEN_WORDS = Pattern
		.compile("\\{(\\d+)}\\s+(\\p{L}+)(?:\\.?\\s+(\\p{L}+))?");

	/** Nouns that are counted in the product's sentences; after a bare number they need a plural. */
	private static final Pattern COUNTED_NOUN = Pattern.compile("(?iu)(letters?|days?|years?|child(ren)?|characters?|"
			+ "months?|minutes?|seconds?|hours?|holds?|wish(es)?|regions?|gifts?|" + "пис[ье]м\\p{L}*|дн|дн[еяю]\\p{L}*|день|лет|год\\p{L}*|символ\\p{L}*|"
			+ "месяц\\p{L}*|мин|минут\\p{L}*|с|сек|секунд\\p{L}*|регион\\p{L}*|желани\\p{L}*|мечт\\p{L}*|"
			+ "подар\\p{L}*|дет\\p{L}*|ребён\\p{L}*|брон\\p{L}*|час\\p{L}*)");

	/** Lines where the placeholder before the noun is not a number, and what it is. */
	private static final Map<String, String> ALLOWED = Map.of("letterPage.photoAlt", "{0} is the child's name",
			"letter.age.outOfRange", "{3} is a date", "audit.sentence.LETTER_WITHDRAWN", "{0} is a person's name");

	@Test
	void noAzerbaijaniLineGluesAnEndingToAPlaceholder() throws IOException {
		Properties az = load("messages.properties");
		List<String> offences = new ArrayList<>();
		for (String key : az.stringPropertyNames()) {
			Matcher glued = GLUED.matcher(az.getProperty(key));
			while (glued.find()) {
				offences.add(key + ": " + glued.group() + " — write {0, suffix, genitive}, {0, suffix, ordinal} and the like");
			}
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void noRussianOrEnglishLinePutsABareNumberBeforeACountedNoun() throws IOException {
		List<String> offences = new ArrayList<>();
		for (String bundle : List.of("messages_en.properties", "messages_ru.properties")) {
			Properties properties = load(bundle);
			for (String key : properties.stringPropertyNames()) {
				Matcher matcher = PLACEHOLDER_THEN_WORDS.matcher(properties.getProperty(key));
				while (matcher.find()) {
					boolean counted = COUNTED_NOUN.matcher(matcher.group(2)).matches()
							|| (matcher.group(3) != null && COUNTED_NOUN.matcher(matcher.group(3)).matches());
					if (counted && !ALLOWED.containsKey(key)) {
						offences.add(bundle + " " + key + ": \"" + matcher.group() + "\" — use {" + matcher.group(1)
								+ ", plural, …}");
					}
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void everyLineIsAnIcuMessageAndEveryPluralHasItsLanguagesForms() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Map.Entry<String, Locale> bundle : BUNDLES.entrySet()) {
			Properties properties = load(bundle.getKey());
			List<String> forms = switch (bundle.getValue().getLanguage()) {
				case "ru" -> List.of("one", "few", "many", "other");
				case "en" -> List.of("one", "other");
				default -> List.of("other");
			};
			for (String key : properties.stringPropertyNames()) {
				String line = properties.getProperty(key);
				if (!line.contains("{")) {
					continue;
				}
				try {
					IcuMessageSource.compile(line, bundle.getValue());
					MessagePattern parsed = new MessagePattern(line);
					for (int at = 0; at < parsed.countParts(); at++) {
						MessagePattern.Part part = parsed.getPart(at);
						if (part.getType() == MessagePattern.Part.Type.ARG_START
								&& part.getArgType() == MessagePattern.ArgType.PLURAL) {
							String plural = line.substring(part.getIndex(),
									parsed.getPart(parsed.getLimitPartIndex(at)).getLimit());
							for (String form : forms) {
								if (!Pattern.compile("[\\s,]" + form + "\\s*\\{").matcher(plural).find()
										&& !plural.contains("=0")) {
									offences.add(bundle.getKey() + " " + key + ": plural without \"" + form + "\"");
								}
							}
						}
					}
				}
				catch (IllegalArgumentException ex) {
					offences.add(bundle.getKey() + " " + key + ": " + ex.getMessage());
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void apostrophesAreWrittenOnceAsIcuReadsThem() throws IOException {
		List<String> offences = new ArrayList<>();
		for (String bundle : BUNDLES.keySet()) {
			Properties properties = load(bundle);
			for (String key : properties.stringPropertyNames()) {
				String line = properties.getProperty(key);
				if (line.contains("''") || line.matches("(?s).*'[{}#|].*")) {
					offences.add(bundle + " " + key + ": " + line);
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	/**
	 * A bundle key named only after a constraint ({@code Pattern=}) would win over every annotation
	 * that brings its own message ({@code @Pattern(message = "{phone.invalid}")}); such constraints get
	 * field keys ({@code Pattern.language=}) instead.
	 */
	@Test
	void noGenericConstraintKeyHidesAnAnnotationsOwnMessage() throws IOException {
		Pattern ownMessage = Pattern.compile("@(\\w+)\\((?:[^()]|\\([^()]*\\))*message\\s*=");
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = ownMessage.matcher(Files.readString(file));
				while (matcher.find()) {
					for (String bundle : BUNDLES.keySet()) {
						if (load(bundle).containsKey(matcher.group(1))) {
							offences.add(bundle + " " + matcher.group(1) + " hides the message of " + file.getFileName());
						}
					}
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	/** A line that chooses a plural form gets the number itself, not a number already turned into text. */
	@Test
	void templatesGiveCountsToPluralLinesAsNumbers() throws IOException {
		Properties ru = load("messages_ru.properties");
		Pattern preformatted = Pattern.compile("#\\{([\\w.]+)\\([^)]*@formats\\.number");
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = preformatted.matcher(Files.readString(file));
				while (matcher.find()) {
					String line = ru.getProperty(matcher.group(1), "");
					if (line.contains("plural")) {
						offences.add(RESOURCES.relativize(file) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void noBundleSaysTheSameKeyTwice() throws IOException {
		// java.util.Properties keeps the last of two lines silently; the first one then lies to its reader.
		List<String> offences = new ArrayList<>();
		for (String bundle : List.of("messages.properties", "messages_en.properties", "messages_ru.properties")) {
			java.util.Set<String> seen = new java.util.HashSet<>();
			for (String line : Files.readAllLines(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || !trimmed.contains("=")) {
					continue;
				}
				String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
				if (!seen.add(key)) {
					offences.add(bundle + " " + key);
				}
			}
		}
		assertThat(offences).isEmpty();
	}

}
