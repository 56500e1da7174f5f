package az.asan.mektub.campaign;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import az.asan.mektub.platform.i18n.Option;

import org.springframework.stereotype.Component;

/**
 * Campaigns as choices of a select field (registration, import, the letter list's and the reports'
 * filters, the tree): newest first, named in the user's language. The one place that builds them.
 */
@Component
public class CampaignOptions {

	private final Campaigns campaigns;

	CampaignOptions(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	/** Every campaign, for filters over past and present letters. */
	public List<Option> all(Locale locale) {
		return where(c -> true, locale);
	}

	/**
	 * The campaigns a letter can be registered or imported into: the open ones (a planned campaign takes
	 * letters once it opens). The same campaigns are the current ones of the public figures.
	 */
	public List<Option> takingLetters(Locale locale) {
		return where(Campaign::isOpen, locale);
	}

	public List<Option> where(Predicate<Campaign> filter, Locale locale) {
		return of(campaigns.findAllByOrderByStartsOnDesc().stream().filter(filter).toList(), locale);
	}

	/** Campaigns a caller already holds, in its order (the tree keeps its open campaigns for more). */
	public static List<Option> of(List<Campaign> list, Locale locale) {
		return list.stream().map(c -> new Option(String.valueOf(c.getId()), c.name(locale))).toList();
	}

}
