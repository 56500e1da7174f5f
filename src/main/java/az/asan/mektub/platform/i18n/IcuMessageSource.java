package az.asan.mektub.platform.i18n;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.DecimalFormatSymbols;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

/**
 * The bundles of every page and mail, formatted by ICU's message format instead of
 * {@code java.text.MessageFormat}, so that a line can agree with its numbers and names:
 * <ul>
 * <li>{@code {0, plural, one {# письмо} few {# письма} many {# писем} other {# письма}}} picks
 * the form by the language's plural rules;</li>
 * <li>{@code {0, suffix, genitive}} adds the Azerbaijani ending by vowel harmony
 * ({@link AzerbaijaniSuffixes}): Səbinənin, Orxanın, 6-cı;</li>
 * <li>numbers, in {@code {0}} and in a plural's {@code #}, are grouped the program's way
 * ({@code 10 512}; {@code 10,512} in English), as {@link Formats#number} writes them.</li>
 * </ul>
 * A line with arguments keeps ICU's apostrophe rule: a single {@code '} is a plain apostrophe unless
 * it stands before a brace, and {@code ''} is one apostrophe too. A line without arguments is shown
 * as written, as before.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

	private static final Log logger = LogFactory.getLog(IcuMessageSource.class);

	/** The argument type of {@code {0, suffix, genitive}}. */
	static final String SUFFIX = "suffix";

	private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d \u00a0\u202f]*([.,]\\d+)?");

	private static final @Nullable Field STOCK_NUMBER_FORMATTER = stockNumberFormatterField();

	private final Map<Locale, Map<String, Compiled>> compiled = new ConcurrentHashMap<>();

	@Override
	protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args,
			@Nullable Locale locale) {
		if (code == null) {
			return null;
		}
		Locale shown = locale == null ? Locale.getDefault() : locale;
		if (ObjectUtils.isEmpty(args) && !isAlwaysUseMessageFormat()) {
			return super.getMessageInternal(code, args, shown);
		}
		String pattern = resolveCodeWithoutArguments(code, shown);
		if (pattern == null) {
			return super.getMessageInternal(code, args, shown);
		}
		Compiled message;
		try {
			message = compiled.computeIfAbsent(shown, l -> new ConcurrentHashMap<>())
				.computeIfAbsent(pattern, p -> compile(p, shown));
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Message " + code + " is not an ICU message format pattern: " + ex.getMessage());
			return super.getMessageInternal(code, args, shown);
		}
		return message.format(resolveArguments(args, shown));
	}

	/** Formats one pattern with the arguments; what the bundle check and the unit tests use too. */
	public static String format(String pattern, Locale locale, Object... args) {
		return compile(pattern, locale).format(args == null ? new Object[0] : args);
	}

	static Compiled compile(String pattern, Locale locale) {
		MessagePattern parsed = new MessagePattern(pattern);
		int firstFree = 0;
		List<int[]> ranges = new ArrayList<>();
		List<Suffixed> suffixes = new ArrayList<>();
		Set<Integer> counts = new TreeSet<>();
		for (int at = 0; at < parsed.countParts(); at++) {
			MessagePattern.Part part = parsed.getPart(at);
			if (part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
				firstFree = Math.max(firstFree, part.getValue() + 1);
			}
			if (part.getType() == MessagePattern.Part.Type.ARG_START && part.getArgType().hasPluralStyle()
					&& parsed.getPart(at + 1).getType() == MessagePattern.Part.Type.ARG_NUMBER) {
				counts.add(parsed.getPart(at + 1).getValue());
			}
			if (part.getType() == MessagePattern.Part.Type.ARG_START
					&& part.getArgType() == MessagePattern.ArgType.SIMPLE) {
				MessagePattern.Part name = parsed.getPart(at + 1);
				MessagePattern.Part type = parsed.getPart(at + 2);
				if (SUFFIX.equals(parsed.getSubstring(type))) {
					MessagePattern.Part style = parsed.getPart(at + 3);
					if (style.getType() != MessagePattern.Part.Type.ARG_STYLE
							|| name.getType() != MessagePattern.Part.Type.ARG_NUMBER) {
						throw new IllegalArgumentException("write {0, suffix, genitive}: " + pattern);
					}
					MessagePattern.Part limit = parsed.getPart(parsed.getLimitPartIndex(at));
					ranges.add(new int[] { part.getIndex(), limit.getLimit() });
					suffixes.add(new Suffixed(name.getValue(),
							AzerbaijaniSuffixes.Case.named(parsed.getSubstring(style))));
				}
			}
		}
		StringBuilder icuPattern = new StringBuilder(pattern);
		for (int j = ranges.size() - 1; j >= 0; j--) {
			int[] range = ranges.get(j);
			icuPattern.replace(range[0], range[1], "{" + (firstFree + j) + "}");
		}
		Compiled message = new Compiled(icuPattern.toString(), locale, new ConcurrentLinkedQueue<>(), firstFree,
				List.copyOf(suffixes), Set.copyOf(counts), "en".equals(locale.getLanguage()));
		// Parsed once here, so that a wrong pattern fails now and the first copy is ready.
		message.idle().add(message.newFormat());
		return message;
	}

	/**
	 * ICU groups numbers by each language's custom (10.512 in Azerbaijani); the program writes 10 512
	 * in Azerbaijani and Russian and 10,512 in English, as {@link Formats#number} does. A plain
	 * {@code {0}} and a plural's {@code #} both use the format's stock number formatter, which ICU
	 * offers no setter for.
	 */
	private static void groupNumbersTheProgramsWay(MessageFormat format, Locale locale) {
		if (STOCK_NUMBER_FORMATTER == null) {
			return;
		}
		java.text.DecimalFormatSymbols grouping = Formats.symbols(locale);
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(ULocale.ROOT);
		symbols.setGroupingSeparator(grouping.getGroupingSeparator());
		symbols.setDecimalSeparator(grouping.getDecimalSeparator());
		NumberFormat numbers = new DecimalFormat("#,##0.##", symbols);
		try {
			STOCK_NUMBER_FORMATTER.set(format, numbers);
		}
		catch (IllegalAccessException ex) {
			logger.warn("Numbers in messages keep ICU's grouping: " + ex.getMessage());
		}
	}

	private static @Nullable Field stockNumberFormatterField() {
		try {
			Field field = MessageFormat.class.getDeclaredField("stockNumberFormatter");
			field.setAccessible(true);
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("Numbers in messages keep ICU's grouping: " + ex.getMessage());
			return null;
		}
	}

	record Suffixed(int argument, AzerbaijaniSuffixes.Case grammaticalCase) {
	}

	/**
	 * One message, ready to format. An ICU {@code MessageFormat} and its number formatter are not safe
	 * for concurrent use, and a clone shares its cached sub-formats; so each formatting takes a copy of
	 * its own from {@code idle} (a lock-free queue) and puts it back, and a copy is built only when every
	 * other one is in use. No thread waits for another, and a message has as many copies as the most
	 * threads that ever formatted it at once, not one per thread of the server.
	 */
	record Compiled(String icuPattern, Locale locale, Queue<MessageFormat> idle, int firstFree,
			List<Suffixed> suffixes, Set<Integer> counts, boolean english) {

		MessageFormat newFormat() {
			MessageFormat format = new MessageFormat(icuPattern, ULocale.forLocale(locale));
			groupNumbersTheProgramsWay(format, locale);
			return format;
		}

		String format(Object[] args) {
			Object[] all = Arrays.copyOf(args, Math.max(args.length, firstFree + suffixes.size()));
			for (int count : counts) {
				// A count that arrives as text ("12", "10 512") still chooses its plural form.
				if (count < all.length && all[count] instanceof CharSequence text
						&& NUMBER.matcher(text).matches()) {
					String plain = text.toString().replaceAll("[ \u00a0\u202f]", "");
					// "10,512" is ten thousand and more in English, ten and a half in Azerbaijani and Russian.
					all[count] = new BigDecimal(english ? plain.replace(",", "") : plain.replace(',', '.'));
				}
			}
			for (int j = 0; j < suffixes.size(); j++) {
				Suffixed suffixed = suffixes.get(j);
				Object value = suffixed.argument() < args.length ? args[suffixed.argument()] : null;
				all[firstFree + j] = AzerbaijaniSuffixes.attach(value, suffixed.grammaticalCase());
			}
			MessageFormat format = idle.poll();
			if (format == null) {
				format = newFormat();
			}
			String formatted = format.format(all);
			idle.add(format);
			return formatted;
		}

	}

}
