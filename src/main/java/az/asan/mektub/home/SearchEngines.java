package az.asan.mektub.home;

import java.util.List;

import az.asan.mektub.platform.web.Links;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What search engines may read: the public pages, listed in the sitemap in each language. The work
 * pages of volunteers, staff and donors are not for them, and neither are children's letters one by
 * one (their pages say {@code noindex}: a wish is short-lived and need not live on in search results).
 */
@RestController
class SearchEngines {

	static final List<String> PUBLIC_PAGES = List.of("/", "/tree", "/impact", "/about");

	private static final List<String> LANGUAGES = List.of("az", "en", "ru");

	private final Links links;

	SearchEngines(Links links) {
		this.links = links;
	}

	@GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	String robots() {
		return """
				User-agent: *
				Allow: /
				Disallow: /volunteer
				Disallow: /reports
				Disallow: /admin
				Disallow: /me
				Sitemap: %s
				""".formatted(links.absolute("/sitemap.xml"));
	}

	/** Each public page with its three languages as alternates (a language is chosen by {@code ?lang=}). */
	@GetMapping(value = "/sitemap.xml")
	ResponseEntity<String> sitemap() {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
				""");
		for (String page : PUBLIC_PAGES) {
			for (String language : LANGUAGES) {
				xml.append("  <url>\n    <loc>").append(address(page, language)).append("</loc>\n");
				for (String alternate : LANGUAGES) {
					xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(alternate).append("\" href=\"")
						.append(address(page, alternate)).append("\"/>\n");
				}
				xml.append("  </url>\n");
			}
		}
		xml.append("</urlset>\n");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
	}

	private String address(String page, String language) {
		return links.absolute(page) + "?lang=" + language;
	}

}
