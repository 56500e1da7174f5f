package az.asan.mektub.journey;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds Chromium (or Chrome) and its chromedriver where the platform puts them, so that the browser
 * tests run on Debian, Ubuntu and macOS alike and nothing is ever downloaded (Selenium Manager is never
 * asked: Selenium is handed both paths). In this order, the first executable file wins:
 * <ol>
 * <li>an explicit choice: the system property {@code chrome.binary} or the environment variable
 * {@code CHROME_BIN} for the browser, {@code webdriver.chrome.driver} or {@code CHROMEDRIVER} for the
 * driver; one that names no executable file is an error, not something to look past;</li>
 * <li>the {@code PATH}: {@code chromium}, {@code chromium-browser}, {@code google-chrome},
 * {@code google-chrome-stable}; {@code chromedriver};</li>
 * <li>Debian and Ubuntu: {@code /usr/bin}, {@code /usr/lib/chromium}, the snap in {@code /snap/bin};</li>
 * <li>macOS: the applications in {@code /Applications}, Homebrew's {@code /opt/homebrew/bin} and
 * {@code /usr/local/bin}.</li>
 * </ol>
 * When nothing is found, the error names every place looked at and how to install the two.
 */
final class ChromiumLocator {

	static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
			"google-chrome-stable");

	static final List<String> BROWSER_PLACES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/lib/chromium/chromium", "/snap/bin/chromium", "/usr/bin/google-chrome",
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
			"/Applications/Chromium.app/Contents/MacOS/Chromium", "/opt/homebrew/bin/chromium",
			"/usr/local/bin/chromium");

	static final List<String> DRIVER_PLACES = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
			"/usr/lib/chromium-browser/chromedriver", "/snap/bin/chromium.chromedriver",
			"/opt/homebrew/bin/chromedriver", "/usr/local/bin/chromedriver");

	private static final String INSTALL = "Install them (Debian/Ubuntu: apt-get install chromium chromium-driver; "
			+ "macOS: brew install --cask chromium and brew install chromedriver) or name them with "
			+ "CHROME_BIN and CHROMEDRIVER.";

	private final Function<String, String> environment;

	private final Function<String, String> properties;

	private final Path root;

	private final boolean windows;

	/**
	 * @param environment environment variables by name (null when unset)
	 * @param properties system properties by name (null when unset)
	 * @param root where the fixed places are looked up: "/" on a real machine, a folder in tests
	 * @param osName the {@code os.name} system property
	 */
	ChromiumLocator(Function<String, String> environment, Function<String, String> properties, Path root, String osName) {
		this.environment = environment;
		this.properties = properties;
		this.root = root;
		this.windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
	}

	/** The locator of this machine. */
	static ChromiumLocator here() {
		Map<String, String> env = System.getenv();
		return new ChromiumLocator(env::get, System::getProperty, Path.of(File.separator).toAbsolutePath().getRoot(),
				System.getProperty("os.name", ""));
	}

	Path browser() {
		return find("Chromium (or Chrome)", "chrome.binary", "CHROME_BIN", BROWSER_NAMES, BROWSER_PLACES);
	}

	Path driver() {
		return find("chromedriver", "webdriver.chrome.driver", "CHROMEDRIVER", List.of("chromedriver"), DRIVER_PLACES);
	}

	private Path find(String what, String property, String variable, List<String> names, List<String> places) {
		List<String> searched = new ArrayList<>();
		Optional<Path> chosen = explicit(what, property, properties.apply(property), searched);
		if (chosen.isEmpty()) {
			chosen = explicit(what, variable, environment.apply(variable), searched);
		}
		if (chosen.isPresent()) {
			return chosen.get();
		}
		String path = Optional.ofNullable(environment.apply("PATH")).orElse("");
		List<String> folders = path.isBlank() ? List.of() : List.of(path.split(windows ? ";" : File.pathSeparator));
		for (String name : names) {
			for (String folder : folders) {
				Optional<Path> found = executable(folder, name + (windows ? ".exe" : ""));
				if (found.isPresent()) {
					return found.get();
				}
			}
		}
		searched.add("PATH " + names + " in " + (folders.isEmpty() ? "(PATH is empty)" : folders));
		for (String place : places) {
			Path candidate = root.resolve(place.substring(1));
			if (isExecutable(candidate)) {
				return candidate;
			}
		}
		searched.addAll(places);
		throw new IllegalStateException("No " + what + " found for the browser tests. Looked at: "
				+ String.join("; ", searched) + ". " + INSTALL);
	}

	private Optional<Path> explicit(String what, String name, String value, List<String> searched) {
		if (value == null || value.isBlank()) {
			searched.add(name + " (not set)");
			return Optional.empty();
		}
		Path candidate = Path.of(value);
		if (!isExecutable(candidate)) {
			throw new IllegalStateException(name + " names " + value + " as " + what
					+ ", but that is no executable file. " + INSTALL);
		}
		return Optional.of(candidate);
	}

	private static Optional<Path> executable(String folder, String name) {
		try {
			Path candidate = Path.of(folder).resolve(name);
			return isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
		}
		catch (InvalidPathException ex) {
			return Optional.empty();
		}
	}

	private static boolean isExecutable(Path candidate) {
		return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
	}

}
