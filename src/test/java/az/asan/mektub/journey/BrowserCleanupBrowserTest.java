package az.asan.mektub.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A test run leaves no Chromium profile or download folder behind in the temporary folder. */
class BrowserCleanupBrowserTest {

	@Test
	void closingTheBrowserRemovesItsProfileAndDownloads() throws Exception {
		Browser browser = new Browser(8110);
		Path downloads = browser.downloads();
		assertThat(downloads).exists();
		long profilesBefore = profiles();
		browser.close();
		assertThat(downloads).doesNotExist();
		assertThat(profiles()).isLessThan(profilesBefore);
	}

	private static long profiles() throws Exception {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter(f -> f.getFileName().toString().startsWith("asan-chromium-")).count();
		}
	}

}
