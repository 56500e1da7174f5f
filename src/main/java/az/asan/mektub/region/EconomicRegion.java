package az.asan.mektub.region;

import java.util.Locale;

import az.asan.mektub.platform.i18n.Localized;

public record EconomicRegion(int id, Localized name) {

	public String name(Locale locale) {
		return name.in(locale);
	}

}
