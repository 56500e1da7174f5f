package az.asan.mektub.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the browser tests look for Chromium and chromedriver, on a fake machine: a folder standing for
 * the file system's root, with executables (or plain files) put where each platform puts them.
 */
class ChromiumLocatorTest {

	@TempDir
	Path root;

	private final Map<String, String> env = new HashMap<>();

	private final Map<String, String> properties = new HashMap<>();

	@BeforeEach
	void noPath() {
		env.put("PATH", "");
	}

	private ChromiumLocator on(String os) {
		return new ChromiumLocator(env::get, properties::get, root, os);
	}

	private Path executable(String place) throws IOException {
		Path file = root.resolve(place.substring(1));
		Files.createDirectories(file.getParent());
		Files.writeString(file, "#!/bin/sh\n");
		file.toFile().setExecutable(true);
		return file;
	}

	@Test
	void debianPlacesWhenThePathHasNeither() throws IOException {
		Path chromium = executable("/usr/bin/chromium");
		Path driver = executable("/usr/lib/chromium/chromedriver");

		assertThat(on("Linux").browser()).isEqualTo(chromium);
		assertThat(on("Linux").driver()).isEqualTo(driver);
	}

	@Test
	void thePathComesBeforeTheFixedPlacesAndChromiumBeforeChrome() throws IOException {
		executable("/usr/bin/chromium");
		executable("/usr/bin/chromedriver");
		Path chrome = executable("/home/me/bin/google-chrome");
		Path chromium = executable("/opt/tools/chromium-browser");
		Path driver = executable("/opt/tools/chromedriver");
		env.put("PATH", root.resolve("home/me/bin") + ":" + root.resolve("nowhere") + ":" + root.resolve("opt/tools"));

		assertThat(on("Linux").browser()).isEqualTo(chromium).isNotEqualTo(chrome);
		assertThat(on("Linux").driver()).isEqualTo(driver);
	}

	@Test
	void anExplicitChoiceWinsPropertyFirst() throws IOException {
		executable("/usr/bin/chromium");
		executable("/usr/bin/chromedriver");
		Path fromEnv = executable("/srv/chrome-env/chrome");
		Path fromProperty = executable("/srv/chrome-prop/chrome");
		Path driver = executable("/srv/driver/chromedriver");
		env.put("CHROME_BIN", fromEnv.toString());
		env.put("CHROMEDRIVER", driver.toString());

		assertThat(on("Linux").browser()).isEqualTo(fromEnv);
		assertThat(on("Linux").driver()).isEqualTo(driver);

		properties.put("chrome.binary", fromProperty.toString());
		assertThat(on("Linux").browser()).isEqualTo(fromProperty);
	}

	@Test
	void anExplicitChoiceThatIsNotThereIsAnErrorNotSkipped() throws IOException {
		executable("/usr/bin/chromium");
		env.put("CHROME_BIN", root.resolve("typo/chromium").toString());

		assertThatThrownBy(() -> on("Linux").browser()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("CHROME_BIN names " + root.resolve("typo/chromium"))
			.hasMessageContaining("no executable file");
	}

	@Test
	void aFileThatCannotRunIsPassedOver() throws IOException {
		Path plain = root.resolve("usr/bin/chromium");
		Files.createDirectories(plain.getParent());
		Files.writeString(plain, "not a program");
		plain.toFile().setExecutable(false);
		Path snap = executable("/snap/bin/chromium");
		Path driver = executable("/snap/bin/chromium.chromedriver");

		assertThat(on("Linux").browser()).isEqualTo(snap);
		assertThat(on("Linux").driver()).isEqualTo(driver);
	}

	@Test
	void macApplicationsAndHomebrew() throws IOException {
		Path chrome = executable("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
		Path driver = executable("/opt/homebrew/bin/chromedriver");

		assertThat(on("Mac OS X").browser()).isEqualTo(chrome);
		assertThat(on("Mac OS X").driver()).isEqualTo(driver);

		Path chromium = executable("/Applications/Chromium.app/Contents/MacOS/Chromium");
		Files.delete(chrome);
		assertThat(on("Mac OS X").browser()).isEqualTo(chromium);
	}

	@Test
	void windowsReadsThePathWithItsSeparatorAndExe() throws IOException {
		Path chrome = executable("/Program Files/Google/Chrome/Application/google-chrome.exe");
		Path driver = executable("/tools/chromedriver.exe");
		env.put("PATH", chrome.getParent() + ";" + driver.getParent());

		assertThat(on("Windows 11").browser()).isEqualTo(chrome);
		assertThat(on("Windows 11").driver()).isEqualTo(driver);
	}

	@Test
	void nothingFoundNamesEveryPlaceLookedAt() {
		env.put("PATH", root.resolve("bin").toString());

		assertThatThrownBy(() -> on("Linux").driver()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("No chromedriver found")
			.hasMessageContaining("webdriver.chrome.driver (not set)")
			.hasMessageContaining("CHROMEDRIVER (not set)")
			.hasMessageContaining("PATH [chromedriver] in [" + root.resolve("bin") + "]")
			.hasMessageContaining("/usr/bin/chromedriver")
			.hasMessageContaining("/opt/homebrew/bin/chromedriver")
			.hasMessageContaining("apt-get install chromium chromium-driver");
		assertThatThrownBy(() -> on("Linux").browser()).hasMessageContaining("No Chromium (or Chrome) found")
			.hasMessageContaining("/Applications/Chromium.app/Contents/MacOS/Chromium");
	}

}
