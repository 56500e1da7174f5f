package az.asan.mektub.handover;

import java.util.Locale;

import az.asan.mektub.platform.i18n.Localized;

/**
 * An ASAN service centre that takes gifts. Its address and opening hours are kept in the three
 * languages like its name; English and Russian may be missing, and then the Azerbaijani text shows.
 */
public record HandoverPoint(long id, int regionId, Localized name, Localized address, Localized hours,
		boolean accepting) {

	public String name(Locale locale) {
		return name.in(locale);
	}

	/** The address in the reader's language, or in Azerbaijani where it has not been translated. */
	public String address(Locale locale) {
		return orAzerbaijani(address, locale);
	}

	/** The opening hours in the reader's language, or in Azerbaijani where they have not been translated. */
	public String hours(Locale locale) {
		return orAzerbaijani(hours, locale);
	}

	private static String orAzerbaijani(Localized text, Locale locale) {
		String shown = text.in(locale);
		return shown == null || shown.isBlank() ? text.az() : shown;
	}

}
