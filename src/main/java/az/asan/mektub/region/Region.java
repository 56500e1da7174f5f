package az.asan.mektub.region;

import java.util.Locale;

import az.asan.mektub.platform.i18n.Localized;

/**
 * A region a letter can belong to. {@code parentId} is set for Baku's city districts; reports roll
 * them up into Bakı. {@code ambiguous} marks a city that shares its name with a district (Şəki,
 * Lənkəran, Yevlax, Naxçıvan), so its label says which one it is.
 */
public record Region(int id, String code, Integer parentId, Localized name, String type,
		EconomicRegion economicRegion, boolean ambiguous) {

	public String name(Locale locale) {
		return name.in(locale);
	}

	/** The name a person should see in a list: unique even where two units share a name. */
	public String label(Locale locale, String typeLabel) {
		return ambiguous ? name(locale) + " (" + typeLabel + ")" : name(locale);
	}

	/** The first-level unit this region counts under in reports. */
	public int reportingRegionId() {
		return parentId != null ? parentId : id;
	}

	/** Letters are registered in concrete places, not in the autonomous republic as a whole. */
	public boolean acceptsLetters() {
		return !"autonomous_republic".equals(type);
	}

}
