package az.asan.mektub.adoption;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.PluralRules;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a countdown for the script that keeps it live ({@code static/js/countdown.js}): a
 * counted line of the bundle (ICU plural rules) said once for each plural category of the reader's
 * language, the number replaced by {@code #}, as {@code one:# day left|other:# days left}. The script
 * picks the category with the browser's {@code Intl.PluralRules}, so it says what the server would.
 */
@Component
class HoldCountdowns {

	private final MessageSource messages;

	private final Map<String, String> said = new ConcurrentHashMap<>();

	HoldCountdowns(MessageSource messages) {
		this.messages = messages;
	}

	/** The words of a countdown in a language, for {@code adoption/countdown :: timeLeft}. */
	public record Words(String days, String hours, String minutes) {
	}

	public Words words(Locale locale) {
		return new Words(forms("adoptions.timeLeft.days", locale), forms("adoptions.timeLeft.hours", locale),
				forms("adoptions.timeLeft.minutes", locale));
	}

	/** The forms of a counted line in a language. */
	String forms(String key, Locale locale) {
		return said.computeIfAbsent(key + "|" + locale.toLanguageTag(), k -> say(key, locale));
	}

	private String say(String key, Locale locale) {
		PluralRules rules = PluralRules.forLocale(locale);
		StringBuilder forms = new StringBuilder();
		for (String category : rules.getKeywords()) {
			Long sample = sample(rules, category);
			if (sample == null) {
				// a category only fractions fall into (Russian "other"): no whole count needs it
				continue;
			}
			String text = messages.getMessage(key, new Object[] { sample }, locale);
			int at = text.indexOf(String.valueOf(sample));
			if (at < 0) {
				continue;
			}
			if (!forms.isEmpty()) {
				forms.append('|');
			}
			forms.append(category).append(':').append(text, 0, at).append('#')
				.append(text.substring(at + String.valueOf(sample).length()));
		}
		return forms.toString();
	}

	/** A whole number of the category, the smallest above zero if there is one. */
	private static Long sample(PluralRules rules, String category) {
		for (long n = 1; n <= 200; n++) {
			if (rules.select(n).equals(category)) {
				return n;
			}
		}
		return rules.select(0).equals(category) ? 0L : null;
	}

}
