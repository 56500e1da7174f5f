package az.asan.mektub.platform.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One rule for every "from … to …" filter (ages and costs on the tree, dates in the reports and the
 * audit log): a range typed the wrong way round ("cost 50 to 10") means the same as the right way
 * round, not "nothing". The filter swaps its ends ({@link #reversed}); the page says so in a short
 * note ({@code fragments/forms :: rangeSwapped}), whose flag {@link #swapped} reads from the request.
 */
public final class Ranges {

	private Ranges() {
	}

	/** Whether both ends are given and the first is the larger: then the filter swaps them. */
	public static <T extends Comparable<? super T>> boolean reversed(T low, T high) {
		return low != null && high != null && low.compareTo(high) > 0;
	}

	/**
	 * Whether the filter took this range swapped: the request's "from" is the applied upper end and
	 * its "to" the applied lower end (a value the filter dropped as senseless swaps nothing).
	 */
	public static boolean swapped(HttpServletRequest request, String lowParam, String highParam, Object low,
			Object high) {
		if (low == null || high == null) {
			return false;
		}
		String typedLow = request.getParameter(lowParam);
		// equal ends ("10 to 10") were not swapped
		return same(typedLow, high) && same(request.getParameter(highParam), low) && !same(typedLow, low);
	}

	private static boolean same(String typed, Object value) {
		if (typed == null || typed.isBlank()) {
			return false;
		}
		try {
			if (value instanceof LocalDate date) {
				return LocalDate.parse(typed.strip()).equals(date);
			}
			if (value instanceof Number number) {
				return WebConfiguration.parseDecimal(typed).compareTo(new BigDecimal(number.toString())) == 0;
			}
		}
		catch (ParseException | DateTimeParseException | NumberFormatException ex) {
			return false;
		}
		return false;
	}

}
