package az.asan.mektub.platform.i18n;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The message bundles as they are in the source tree, for the tests that read them as files (issue 24). */
final class Bundles {

	static final Path RESOURCES = Path.of("src/main/resources");

	private Bundles() {
	}

	/** One bundle (e.g. {@code messages_en.properties}), read as UTF-8. */
	static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(Files.newInputStream(RESOURCES.resolve(bundle)),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
