package az.asan.mektub.journey;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;

/**
 * A journey through the app in a real browser, on the app started on a random port with real
 * PostgreSQL. One browser serves a test class; each test starts signed out with no cookies.
 */
@IntegrationTest
@ExtendWith(Browser.SaveOnFailure.class)
abstract class JourneyTest extends IntegrationTestBase {

	private static Browser shared;

	Browser browser;

	@BeforeEach
	void browser() throws IOException {
		if (shared == null) {
			shared = new Browser(port, chromiumArguments());
		}
		browser = shared;
		browser.driver().manage().deleteAllCookies();
		Browser.SaveOnFailure.watch(browser);
	}

	/** Chromium flags this class's journeys need beyond the usual ones. */
	java.util.List<String> chromiumArguments() throws IOException {
		return java.util.List.of();
	}

	@AfterAll
	static void closeBrowser() {
		if (shared != null) {
			shared.close();
			shared = null;
		}
	}

}
