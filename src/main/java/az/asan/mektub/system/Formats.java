package az.asan.mektub.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The formats of product.md, the same in every language: dates {@code dd.MM.yyyy}, numbers grouped
 * with a space ({@code 10 512}), money in manat ({@code 25,00 ₼}). Templates use it as
 * {@code @formats}.
 */
@Component("formats")
public class Formats {

	public static final ZoneId BAKU = ZoneId.of("Asia/Baku");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	public String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(BAKU));
	}

	public String number(Number number) {
		if (number == null) {
			return "";
		}
		return grouped("#,##0").format(number);
	}

	public String money(BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		return grouped("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP)) + " ₼";
	}

	public String decimal(double value) {
		return grouped("#,##0.0").format(value);
	}

	public String percent(double ratio) {
		DecimalFormat format = grouped("#,##0.0");
		return format.format(ratio * 100) + " %";
	}

	private static DecimalFormat grouped(String pattern) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		symbols.setGroupingSeparator(' ');
		symbols.setDecimalSeparator(',');
		return new DecimalFormat(pattern, symbols);
	}

}
