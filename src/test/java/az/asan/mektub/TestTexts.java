package az.asan.mektub;

/** Texts a test expects that follow a language's rules, written out once (issue 24). */
public final class TestTexts {

	private TestTexts() {
	}

	/**
	 * "N days left" in Russian, in the plural form the number takes: Остался 1 день, Осталось 2 дня,
	 * Осталось 5 дней.
	 */
	public static String russianDays(long n) {
		long lastTwo = n % 100;
		long last = n % 10;
		if (last == 1 && lastTwo != 11) {
			return "Остался " + n + " день";
		}
		if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
			return "Осталось " + n + " дня";
		}
		return "Осталось " + n + " дней";
	}

}
