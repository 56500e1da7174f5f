package az.asan.mektub.handover;

import java.util.Locale;

import az.asan.mektub.system.Localized;

public record HandoverPoint(long id, int regionId, Localized name, String address, String hours, boolean accepting) {

	public String name(Locale locale) {
		return name.in(locale);
	}

}
