package az.asan.mektub.platform.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static az.asan.mektub.platform.i18n.Bundles.RESOURCES;
import static az.asan.mektub.platform.i18n.Bundles.load;
import static org.assertj.core.api.Assertions.assertThat;

/** Every text a person reads comes from the bundles, and the three bundles say the same things. */
class I18nPropertiesSyncTest {

	private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]+)<");

	/** Digits, punctuation, symbols and white space are not language. */
	private static final Pattern NOT_LANGUAGE = Pattern.compile("[\\s\\p{P}\\p{S}\\p{N}]*");

	@Test
	void theThreeBundlesHaveTheSameKeys() throws IOException {
		Set<String> az = keys("messages.properties");
		assertThat(keys("messages_en.properties")).as("English keys").isEqualTo(az);
		assertThat(keys("messages_ru.properties")).as("Russian keys").isEqualTo(az);
	}

	@Test
	void noBundleHasAnEmptyValue() throws IOException {
		for (String bundle : List.of("messages.properties", "messages_en.properties", "messages_ru.properties")) {
			Properties properties = load(bundle);
			assertThat(properties.stringPropertyNames()).as(bundle)
				.allSatisfy(key -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
		}
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file)
					.replaceAll("(?s)<!--.*?-->", "")
					.replaceAll("(?s)<script.*?</script>", "")
					.replaceAll("(?s)<svg.*?</svg>", "");
				Matcher matcher = TEXT_NODE.matcher(html);
				while (matcher.find()) {
					String text = matcher.group(1);
					if (!NOT_LANGUAGE.matcher(text).matches()) {
						offences.add(RESOURCES.relativize(file) + ": \"" + text.strip() + "\"");
					}
				}
			}
		}
		assertThat(offences).as("literal text in templates; use th:text=\"#{…}\"").isEmpty();
	}

	private static Set<String> keys(String bundle) throws IOException {
		return new TreeSet<>(load(bundle).stringPropertyNames());
	}

}
