package az.asan.mektub.platform.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts from the bundles in the current user's language, for messages built in controllers (flash
 * messages after a redirect) and for choices of select fields. An enum argument is shown by its own
 * key ({@code status.PUBLISHED}), never by its Java name. Numbers stay numbers, so that a line can
 * choose its plural form; the message source groups them the program's way ({@code 10 512}).
 */
@Component
public class Messages {

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	public String get(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		Object[] shown = Arrays.stream(args == null ? new Object[0] : args)
			.map(arg -> shown(arg, locale))
			.toArray();
		return source.getMessage(key, shown, key, locale);
	}

	/**
	 * A text to show later, in the language of whoever reads it then: a flash message kept as its key and
	 * arguments (serialisable, as the session is), resolved by {@link #shown(Object)} when the page shows it.
	 */
	public org.springframework.context.MessageSourceResolvable later(String key, Object... args) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { key },
				args == null ? new Object[0] : args, key);
	}

	/**
	 * A flash message after a redirect: its text now (as {@code name}, what tests and older pages read)
	 * and its key and arguments (as {@code name + "Later"}), which the page shows in the reader's language.
	 */
	public void flash(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String name, String key,
			Object... args) {
		redirect.addFlashAttribute(name, get(key, args));
		redirect.addFlashAttribute(name + "Later", later(key, args));
	}

	/** A flash message as shown: a {@link #later} text in the current language, anything else as it is. */
	public String shown(Object flash) {
		if (flash instanceof org.springframework.context.MessageSourceResolvable later && later.getCodes() != null
				&& later.getCodes().length > 0) {
			return get(later.getCodes()[0], later.getArguments());
		}
		return flash == null ? null : String.valueOf(flash);
	}

	/**
	 * A page's own description ({@code meta.} and its template's name) or else the program's, looked up
	 * without the exception Thymeleaf's {@code #messages.msgOrNull} throws and catches on every page
	 * that has none (most of them, signed in).
	 */
	public String description(String templateName) {
		Locale locale = LocaleContextHolder.getLocale();
		String own = source.getMessage("meta." + templateName.replace('/', '.'), null, null, locale);
		return own != null ? own : source.getMessage("meta.description", null, "", locale);
	}

	private Object shown(Object arg, Locale locale) {
		if (arg instanceof Enum<?> e) {
			return source.getMessage(enumKey(e), null, e.name(), locale);
		}
		return arg;
	}

	/** One option per constant, labelled by {@code prefix + name}. */
	public <E extends Enum<E>> List<Option> options(String prefix, E[] values) {
		return Arrays.stream(values).map(v -> new Option(v.name(), get(prefix + v.name()))).toList();
	}

	private static String enumKey(Enum<?> value) {
		String type = value.getDeclaringClass().getSimpleName();
		String prefix = switch (type) {
			case "LetterStatus" -> "status";
			default -> Character.toLowerCase(type.charAt(0)) + type.substring(1);
		};
		return prefix + "." + value.name();
	}

}
