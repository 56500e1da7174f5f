package az.asan.mektub.report;

import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The figures of {@code /impact} as files anyone may take (journalists, partners): a CSV table in the
 * reader's language, a JSON document with names in the three languages, and an Atom feed of wishes
 * fulfilled. Stable addresses, public like the page, kept as long as the page's figures are.
 */
@Controller
class OpenFiguresController {

	static final MediaType ATOM = new MediaType("application", "atom+xml", java.nio.charset.StandardCharsets.UTF_8);

	private final OpenFigures open;

	private final FulfilledFeed feed;

	OpenFiguresController(OpenFigures open, FulfilledFeed feed) {
		this.open = open;
		this.feed = feed;
	}

	@GetMapping("/impact/figures.csv")
	ResponseEntity<byte[]> csv(Locale locale) {
		return open.csv(locale).as("csv");
	}

	@GetMapping("/impact/figures.json")
	ResponseEntity<OpenFigures.Document> json() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(open.json());
	}

	@GetMapping("/impact/fulfilled.atom")
	ResponseEntity<byte[]> atom(Locale locale) {
		String self = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/impact/fulfilled.atom")
			.queryParam("lang", locale.getLanguage())
			.toUriString();
		String page = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/impact")
			.queryParam("lang", locale.getLanguage())
			.toUriString();
		return ResponseEntity.ok().contentType(ATOM).body(feed.atom(locale, self, page));
	}

}
