package az.asan.mektub.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import az.asan.mektub.letter.query.FulfilledLetters;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Messages;
import az.asan.mektub.platform.web.CacheConfiguration;
import az.asan.mektub.region.RegionOptions;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * An Atom 1.0 feed of wishes fulfilled: per letter a first name, an age, a region and the kind of
 * wish, nothing else (no surname, birth date, wish text or the letter's code, which would open its
 * page). A wish is told the day after it was fulfilled at the earliest (Baku time), so the feed never
 * says where a child was today, and a letter still on its way never appears. The letters are read once a
 * minute ({@link CacheConfiguration#IMPACT}); the XML is written per request in the reader's language.
 */
@Component
class FulfilledFeed {

	/** How many wishes the feed tells: the latest. */
	static final int SIZE = 50;

	/** The feed's own identifier, the same wherever the application runs. */
	static final String FEED_ID = "urn:uuid:6d1f0c9e-27a4-4e52-9f3b-a5a3e2b8c104";

	static final String ATOM = "http://www.w3.org/2005/Atom";

	private final FulfilledLetters fulfilled;

	private final RegionOptions regionOptions;

	private final Messages messages;

	private final Cache cache;

	FulfilledFeed(FulfilledLetters fulfilled, RegionOptions regionOptions, Messages messages, CacheManager caches) {
		this.fulfilled = fulfilled;
		this.regionOptions = regionOptions;
		this.messages = messages;
		this.cache = caches.getCache(CacheConfiguration.IMPACT);
	}

	/** The feed in the current language; {@code self} is its own address, {@code page} that of /impact. */
	byte[] atom(Locale locale, String self, String page) {
		LocalDate today = LocalDate.now(Formats.BAKU);
		List<FulfilledLetters.Fulfilled> letters = CacheConfiguration.get(cache, "fulfilled " + today,
				() -> fulfilled.before(today, SIZE));
		String updated = letters.isEmpty() ? time(today) : time(letters.get(0).fulfilledOn());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(ATOM);
			xml.writeStartElement(ATOM, "feed");
			xml.writeDefaultNamespace(ATOM);
			xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", locale.getLanguage());
			text(xml, "id", FEED_ID);
			text(xml, "title", messages.get("impact.feed.title"));
			text(xml, "subtitle", messages.get("impact.feed.subtitle"));
			text(xml, "updated", updated);
			link(xml, "self", "application/atom+xml", self);
			link(xml, "alternate", "text/html", page);
			xml.writeStartElement(ATOM, "author");
			text(xml, "name", "ASAN Məktub");
			xml.writeEndElement();
			for (FulfilledLetters.Fulfilled letter : letters) {
				xml.writeStartElement(ATOM, "entry");
				text(xml, "id", entryId(letter.code()));
				text(xml, "title", messages.get("impact.feed.entry.title", letter.firstName(), letter.age(),
						regionOptions.name(letter.regionId())));
				text(xml, "updated", time(letter.fulfilledOn()));
				text(xml, "summary", messages.get("impact.feed.entry.summary",
						messages.get("category." + letter.category().name())));
				link(xml, "alternate", "text/html", page);
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The same identifier for a letter every time, which does not show its code: the code is twelve
	 * random characters, too many to try until one matches, and even then it opens only the letter's
	 * public page.
	 */
	static String entryId(String code) {
		return "urn:uuid:" + UUID.nameUUIDFromBytes(("asan-mektub fulfilled " + code).getBytes(StandardCharsets.UTF_8));
	}

	/** A day as Atom's date-time: its start in Baku. */
	private static String time(LocalDate day) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.of(day.atStartOfDay(), Formats.BAKU.getRules()
			.getOffset(day.atStartOfDay())));
	}

	private static void text(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(ATOM, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
		xml.writeEmptyElement(ATOM, "link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("type", type);
		xml.writeAttribute("href", href);
	}

}
