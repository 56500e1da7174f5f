package az.asan.mektub.platform.i18n;

import java.util.Locale;

/**
 * A text kept in the three languages of the application. Azerbaijani is the default and the
 * fallback for any other locale.
 */
public record Localized(String az, String en, String ru) {

	public String in(Locale locale) {
		if (locale == null) {
			return az;
		}
		return switch (locale.getLanguage()) {
			case "en" -> en;
			case "ru" -> ru;
			default -> az;
		};
	}

}
