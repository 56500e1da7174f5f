package az.asan.mektub.system;

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
