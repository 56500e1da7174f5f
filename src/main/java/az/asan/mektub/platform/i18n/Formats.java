package az.asan.mektub.platform.i18n;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The program's formats for numbers, money and dates. In Azerbaijani and Russian: dates {@code dd.MM.yyyy}, numbers grouped
 * with a space ({@code 10 512}), money in manat ({@code 25,00 ₼}), percentages {@code 100,0 %}. In
 * English the English way: {@code 10,512}, {@code ₼25.00}, {@code 100.0%} (dates stay
 * {@code dd.MM.yyyy}, which an English reader in Azerbaijan reads without doubt). The language is the
 * request's; outside a request (mails, jobs, unit tests) Azerbaijani, the program's own. Templates use
 * it as {@code @formats}.
 */
@Component("formats")
public class Formats {

	public static final ZoneId BAKU = ZoneId.of("Asia/Baku");

	private static final Locale AZ = Locale.forLanguageTag("az");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	public String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(BAKU));
	}

	public String number(Number number) {
		return number(number, current());
	}

	public String number(Number number, Locale locale) {
		if (number == null) {
			return "";
		}
		return grouped("#,##0", locale).format(number);
	}

	public String money(BigDecimal amount) {
		return money(amount, current());
	}

	public String money(BigDecimal amount, Locale locale) {
		if (amount == null) {
			return "";
		}
		String sum = grouped("#,##0.00", locale).format(amount.setScale(2, RoundingMode.HALF_UP));
		if (english(locale)) {
			return sum.startsWith("-") ? "-₼" + sum.substring(1) : "₼" + sum;
		}
		return sum + " ₼";
	}

	public String decimal(double value) {
		return decimal(value, current());
	}

	public String decimal(double value, Locale locale) {
		return grouped("#,##0.0", locale).format(value);
	}

	public String percent(double ratio) {
		return percent(ratio, current());
	}

	public String percent(double ratio, Locale locale) {
		String number = grouped("#,##0.0", locale).format(ratio * 100);
		return english(locale) ? number + "%" : number + " %";
	}

	/** The reader's language: the request's, or Azerbaijani where there is no reader (a job, a test). */
	public static Locale current() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = context == null ? null : context.getLocale();
		return locale == null ? AZ : locale;
	}

	private static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	/** The grouping of a number in this language: 10,512.5 in English, 10 512,5 in Azerbaijani and Russian. */
	public static DecimalFormatSymbols symbols(Locale locale) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		if (english(locale)) {
			symbols.setGroupingSeparator(',');
			symbols.setDecimalSeparator('.');
		}
		else {
			symbols.setGroupingSeparator(' ');
			symbols.setDecimalSeparator(',');
		}
		return symbols;
	}

	private static DecimalFormat grouped(String pattern, Locale locale) {
		return new DecimalFormat(pattern, symbols(locale));
	}

}
