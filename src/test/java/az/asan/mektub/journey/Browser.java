package az.asan.mektub.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chromium, headless, driven through its chromedriver, both found where the platform puts them
 * ({@link ChromiumLocator}: CHROME_BIN/CHROMEDRIVER, the PATH, Debian/Ubuntu, macOS): nothing is
 * downloaded (Selenium is handed both paths, so Selenium Manager never runs), and the flags keep
 * Chromium off the network. Every page a journey visits is checked with axe-core for
 * serious or critical WCAG 2.1 AA violations.
 */
final class Browser implements AutoCloseable {

	static final Path FAILURES = Path.of("target", "browser-failures");

	/** axe-core's options for the check of every page: the WCAG 2.1 A and AA rules. */
	private static final String WCAG = """
			{"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}""";

	/** The axe-core that AxeBuilder puts into a page: the one this axe-core-selenium version carries. */
	private static final String AXE = axeSource();

	/**
	 * Runs axe-core on the document as it is now and answers its violations as JSON, or says that the page has no
	 * axe yet or has frames (which AxeBuilder checks from inside).
	 */
	private static final String AXE_RUN = """
			var done = arguments[arguments.length - 1];
			if (!window.axe || typeof window.axe.run !== 'function') { done('{"missing": true}'); return; }
			if (window.frames.length > 0) { done('{"frames": true}'); return; }
			window.axe.run(document, JSON.parse(arguments[0])).then(function (results) {
				done(JSON.stringify({violations: results.violations}));
			}, function (error) {
				done(JSON.stringify({error: String(error && error.stack || error)}));
			});""";

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	/**
	 * Marks the document a click starts on, and notes when it starts leaving for another document (a link, a form
	 * sent, a script's redirect): the Navigation API's navigate event, with unload's events as a second sign.
	 */
	private static final String MARK = """
			var w = window;
			if (!w.__journeyClick) {
				w.__journeyClick = {leaving: false};
				var leave = function () { w.__journeyClick.leaving = true; };
				if (w.navigation) {
					w.navigation.addEventListener('navigate', function (e) {
						if (!e.destination.sameDocument) { leave(); }
					});
				}
				w.addEventListener('beforeunload', leave);
				w.addEventListener('pagehide', leave);
			}
			w.__journeyClick.leaving = false;""";

	/**
	 * Where a click stands: "new" (another document, loaded), "loading" (another document, still loading),
	 * "leaving" (the old document, on its way out), "busy" (the old document, htmx still asking or swapping) or
	 * "stayed" (the old document, with nothing going on).
	 */
	private static final String SETTLED = """
			if (!window.__journeyClick) { return document.readyState === 'complete' ? 'new' : 'loading'; }
			if (window.__journeyClick.leaving) { return 'leaving'; }
			if (document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')) { return 'busy'; }
			return 'stayed';""";

	/** Whether a transition or animation is still running on the page (a button fading to its hover colour). */
	private static final String ANIMATING = """
			return document.getAnimations().some(function (a) { return a.playState === 'running'; });""";

	private final ChromeDriver driver;

	private final String base;

	private final Path downloads;

	private final Path profile;

	Browser(int port) throws IOException {
		this(port, List.of());
	}

	/** With Chromium flags a journey needs beyond the usual ones (a fake camera, say). */
	Browser(int port, List<String> extraArguments) throws IOException {
		ChromiumLocator locator = ChromiumLocator.here();
		Path chromium = locator.browser();
		Path chromedriver = locator.driver();
		System.setProperty("webdriver.chrome.driver", chromedriver.toString());
		this.downloads = Files.createTempDirectory("asan-downloads-");
		this.profile = Files.createTempDirectory("asan-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1000",
				"--user-data-dir=" + profile);
		options.addArguments(extraArguments);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriver.toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		this.base = "http://localhost:" + port;
	}

	WebDriver driver() {
		return driver;
	}

	Path downloads() {
		return downloads;
	}

	/** Opens a page of the app and checks it for accessibility. */
	void open(String path) {
		driver.get(path.startsWith("http") ? path : base + path);
		checkAccessibility();
	}

	/** The page the browser is on now must have no serious or critical WCAG 2.1 AA violation. */
	void checkAccessibility() {
		List<Rule> bad = violations(WCAG).stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(bad).as(() -> "axe on " + driver.getCurrentUrl() + ":\n" + bad.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n    "
					+ rule.getNodes().stream().limit(5).map(n -> String.valueOf(n.getHtml())).collect(Collectors.joining("\n    ")))
			.collect(Collectors.joining("\n"))).isEmpty();
	}

	/**
	 * What axe-core, run with these options (axe's own JSON), finds wrong on the page now. The same engine, rules and
	 * document as AxeBuilder's analyze, run the cheaper way: axe goes into a document once (a second check of the
	 * same document finds it there) and runs there with axe.run, and only the violations come back
	 * (resultTypes), where AxeBuilder sends axe's 550 kB twice a check (the second time into an about:blank window
	 * it opens and closes to finish the run in) and gets every passing node back, with its selector and HTML. A page
	 * with frames goes to AxeBuilder, which checks inside them.
	 */
	List<Rule> violations(String options) {
		String withOptions = onlyViolations(options);
		for (int attempt = 1;; attempt++) {
			JsonNode answer;
			try {
				answer = runAxe(withOptions);
				if (answer.has("missing")) {
					driver.executeScript(AXE);
					answer = runAxe(withOptions);
				}
			}
			catch (org.openqa.selenium.JavascriptException | com.fasterxml.jackson.core.JsonProcessingException ex) {
				// the page changed under axe (a redirect still arriving on a busy machine): check the page now there
				if (attempt == 2) {
					throw new IllegalStateException("axe could not run on " + driver.getCurrentUrl(), ex);
				}
				waitForPage();
				continue;
			}
			if (answer.has("frames")) {
				AxeBuilder axe = new AxeBuilder();
				axe.setOptions(options);
				return axe.analyze(driver).getViolations();
			}
			if (answer.has("violations")) {
				return JSON.convertValue(answer.get("violations"), new TypeReference<List<Rule>>() {
				});
			}
			if (attempt == 2) {
				throw new IllegalStateException("axe could not run on " + driver.getCurrentUrl() + ": " + answer);
			}
			waitForPage();
		}
	}

	private JsonNode runAxe(String options) throws com.fasterxml.jackson.core.JsonProcessingException {
		Object answer = driver.executeAsyncScript(AXE_RUN, options);
		return JSON.readTree(answer instanceof String json ? json : "{\"missing\": true}");
	}

	private static String onlyViolations(String options) {
		try {
			ObjectNode all = (ObjectNode) JSON.readTree(options);
			all.putArray("resultTypes").add("violations");
			return JSON.writeValueAsString(all);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalArgumentException("axe options that are not JSON: " + options, ex);
		}
	}

	private static String axeSource() {
		try {
			return new EmbeddedResourceAxeProvider().getScript();
		}
		catch (Exception ex) {
			throw new IllegalStateException("axe-core's script is not on the class path", ex);
		}
	}

	WebElement find(String css) {
		return new WebDriverWait(driver, Duration.ofSeconds(10), POLL)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	void choose(String css, String value) {
		new Select(find(css)).selectByValue(value);
	}

	/** Submits by clicking, then waits for the next page and checks it. */
	void click(String css) {
		WebElement element = find(css);
		driver.executeScript("arguments[0].scrollIntoView({block:'center'})", element);
		driver.executeScript(MARK);
		String downloadsBefore = downloadsSeen();
		String type = element.getDomAttribute("type");
		Duration quiet = "checkbox".equals(type) || "radio".equals(type) ? QUIET_AFTER_A_TICK : QUIET;
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException ex) {
			// Something drawn on top at that spot (a sticky footer while scrolling): click it as a script would.
			driver.executeScript("arguments[0].click()", element);
		}
		settle(downloadsBefore, quiet);
		checkAccessibility();
	}

	/**
	 * Waits for what a click started: a form's answer or a link's page is a new document, loaded; an htmx action is
	 * answered when htmx has swapped and settled; an action in place that starts nothing (a radio button ticked) is
	 * done when the page has stayed quiet for {@link #QUIET}. Chromium's driver already holds its commands while a page is
	 * loading, so a page still on its way shows as "loading" or never shows at all. A page that left and did not
	 * come is answered when a download shows in the downloads folder (compared with the folder before the click), or
	 * after {@link #LEFT_WITHOUT_ARRIVING}.
	 */
	private void settle(String downloadsBefore, Duration quiet) {
		long start = System.nanoTime();
		long quietSince = -1;
		while (true) {
			long now = System.nanoTime();
			String state;
			try {
				state = (String) driver.executeScript(SETTLED);
			}
			catch (org.openqa.selenium.UnhandledAlertException ex) {
				throw ex;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				// the document went while the script ran: ask the next one
				state = "loading";
			}
			if ("new".equals(state)) {
				return;
			}
			if ("stayed".equals(state)) {
				if (quietSince < 0) {
					quietSince = now;
				}
				else if (now - quietSince >= quiet.toNanos()) {
					return;
				}
			}
			else {
				quietSince = -1;
			}
			if ("leaving".equals(state) && (!downloadsSeen().equals(downloadsBefore)
					&& !Boolean.TRUE.equals(driver.executeScript(ANIMATING))
					|| now - start > LEFT_WITHOUT_ARRIVING.toNanos())) {
				// a download: answered once the link clicked has finished changing colour (axe reads it next)
				return;
			}
			if (now - start > Duration.ofSeconds(15).toNanos()) {
				throw new org.openqa.selenium.TimeoutException("A click on the page " + driver.getCurrentUrl()
						+ " did not settle in 15 s (" + state + ")");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/** How often a wait looks again (Selenium's own default is every half second). */
	static final Duration POLL = Duration.ofMillis(50);

	/**
	 * How long a page a click left in place must stay quiet to count as the click's answer: as long as the wait
	 * for the old page to go was before, as a form whose sending a script starts late (on a busy machine) was read
	 * as answered in place after a quarter of a second (VolunteerJourneyBrowserTest read the old status once).
	 */
	private static final Duration QUIET = Duration.ofSeconds(3);

	/**
	 * The same for a box ticked or a choice made (a checkbox, a radio button): it sends nothing by itself, and a
	 * script that answers its change (htmx) starts at once, so half a second of quiet is enough.
	 */
	private static final Duration QUIET_AFTER_A_TICK = Duration.ofMillis(500);

	/**
	 * How long a page that started leaving may stay without a download starting. A download leaves the page there
	 * and is seen in the downloads folder at once; a form's answer that is merely slow (a busy machine) must be
	 * waited for: three seconds were once too few, and the old page's status was read (VolunteerJourneyBrowserTest).
	 */
	private static final Duration LEFT_WITHOUT_ARRIVING = Duration.ofSeconds(12);

	/** What the downloads folder holds, by name, size and time: it changes when a download starts or ends. */
	private String downloadsSeen() {
		try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
			return files.map(f -> f.getFileName() + ":" + f.toFile().length() + ":" + f.toFile().lastModified())
				.sorted()
				.collect(java.util.stream.Collectors.joining("|"));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private void waitForPage() {
		new WebDriverWait(driver, Duration.ofSeconds(15), POLL).until(d -> "complete"
			.equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	String text(String css) {
		return find(css).getText();
	}

	String url() {
		return driver.getCurrentUrl();
	}

	String page() {
		return driver.getPageSource();
	}

	void signIn(String email, String password) {
		open("/login");
		type("#email", email);
		type("#password", password);
		click("main form button[type=submit]");
	}

	void saveFailure(String name) {
		try {
			Files.createDirectories(FAILURES);
			Files.write(FAILURES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
			Files.writeString(FAILURES.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
		}
		catch (Exception ex) {
			System.err.println("Could not save the failure of " + name + ": " + ex);
		}
	}

	/** Quits Chromium and removes its profile and download folders, so no run leaves them in /tmp. */
	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			delete(profile);
			delete(downloads);
		}
	}

	private static void delete(Path folder) {
		try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			System.err.println("Could not remove " + folder + ": " + ex);
		}
	}

	/** A failing journey leaves a screenshot and the page's source under target/browser-failures. */
	static final class SaveOnFailure implements TestWatcher {

		private static final ThreadLocal<Browser> CURRENT = new ThreadLocal<>();

		static void watch(Browser browser) {
			CURRENT.set(browser);
		}

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			Browser browser = CURRENT.get();
			if (browser != null) {
				browser.saveFailure(context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_"));
			}
		}

	}

}
