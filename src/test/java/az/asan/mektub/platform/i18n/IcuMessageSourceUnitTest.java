package az.asan.mektub.platform.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The message source of pages and mails: plural rules, Azerbaijani endings, apostrophes, grouping. */
class IcuMessageSourceUnitTest {

	private static final Locale AZ = Locale.forLanguageTag("az");

	private static final Locale RU = Locale.forLanguageTag("ru");

	private final IcuMessageSource source = bundles();

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			1     | 1 письмо
			2     | 2 письма
			4     | 4 письма
			5     | 5 писем
			11    | 11 писем
			21    | 21 письмо
			22    | 22 письма
			343   | 343 письма
			10512 | 10 512 писем
			""")
	void russianCountsTakeTheFormTheirNumberNeeds(long count, String expected) {
		assertThat(IcuMessageSource.format("{0, plural, one {# письмо} few {# письма} many {# писем} other {# письма}}",
				RU, count))
			.isEqualTo(expected);
	}

	@Test
	void englishCountsTooAndNumbersAreGroupedAsTheReadersLanguageGroupsThem() {
		String pattern = "{0, plural, one {# letter} other {# letters}}";
		assertThat(IcuMessageSource.format(pattern, Locale.ENGLISH, 1)).isEqualTo("1 letter");
		assertThat(IcuMessageSource.format(pattern, Locale.ENGLISH, 2)).isEqualTo("2 letters");
		assertThat(IcuMessageSource.format(pattern, Locale.ENGLISH, 10512)).isEqualTo("10,512 letters");
		assertThat(IcuMessageSource.format("{0} məktub", AZ, 10512)).isEqualTo("10 512 məktub");
		assertThat(IcuMessageSource.format("{0}", RU, 1000000L)).isEqualTo("1 000 000");
	}

	@Test
	void aSuffixArgumentAddsTheAzerbaijaniEnding() {
		assertThat(IcuMessageSource.format("{0, suffix, genitive} məktubu", AZ, "Səbinə")).isEqualTo("Səbinənin məktubu");
		assertThat(IcuMessageSource.format("hədiyyənizi {1, suffix, dative} çatdırdı, {0}", AZ, "Aysel", "Murad"))
			.isEqualTo("hədiyyənizi Murada çatdırdı, Aysel");
		assertThat(IcuMessageSource.format("Uşağın yaşı {0, suffix, copula}", AZ, 15)).isEqualTo("Uşağın yaşı 15-dir");
		assertThat(IcuMessageSource.format("faylın {0, suffix, ordinal} sətrində", AZ, 6))
			.isEqualTo("faylın 6-cı sətrində");
		assertThat(IcuMessageSource.format("{0} — {0, suffix, genitive}", AZ, "Mələk")).isEqualTo("Mələk — Mələyin");
	}

	@Test
	void apostrophesStayApostrophesWithAndWithoutArguments() {
		assertThat(source.getMessage("public.title", new Object[] { "Sabina" }, Locale.ENGLISH))
			.isEqualTo("Sabina's letter — ASAN Məktub");
		assertThat(source.getMessage("app.tagline", null, Locale.ENGLISH)).isEqualTo("Children's wish letters");
		assertThat(IcuMessageSource.format("the child's wish: {0}", Locale.ENGLISH, "a bike"))
			.isEqualTo("the child's wish: a bike");
	}

	@Test
	void theBundlesAreReadThroughIt() {
		assertThat(source.getMessage("public.title", new Object[] { "Səbinə" }, AZ))
			.isEqualTo("Səbinənin məktubu — ASAN Məktub");
		assertThat(source.getMessage("tree.age", new Object[] { 3 }, RU)).isEqualTo("3 года");
		assertThat(source.getMessage("tree.age", new Object[] { 5 }, RU)).isEqualTo("5 лет");
		assertThat(source.getMessage("tree.age", new Object[] { 1 }, Locale.ENGLISH)).isEqualTo("age 1");
		assertThat(source.getMessage("no.such.key", new Object[] { 1 }, "fallback {0}", RU)).isEqualTo("fallback 1");
	}

	@Test
	void manyThreadsFormatTheSameMessagesAtOnceAndEachGetsItsOwnAnswer() throws Exception {
		// given: what each line says when one thread formats it
		String[] names = { "Səbinə", "Orxan", "Mələk", "Aysel", "Murad", "Kamal" };
		int rounds = 400;
		int threads = 12;
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			expected.add(line(i, names));
		}
		// when: many threads format the same compiled lines at the same moment
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CyclicBarrier start = new CyclicBarrier(threads);
		try {
			List<Future<List<String>>> answers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t * 37;
				answers.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					List<String> mine = new ArrayList<>();
					for (int i = 0; i < rounds; i++) {
						mine.add(line((i + offset) % rounds, names));
					}
					return mine;
				}));
			}
			// then: each thread got the answers one thread alone gets
			for (int t = 0; t < threads; t++) {
				List<String> mine = answers.get(t).get(30, TimeUnit.SECONDS);
				for (int i = 0; i < rounds; i++) {
					assertThat(mine.get(i)).isEqualTo(expected.get((i + t * 37) % rounds));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String line(int i, String[] names) {
		long count = i * 997L;
		return source.getMessage("tree.age", new Object[] { count }, RU) + " | "
				+ source.getMessage("tree.age", new Object[] { i }, Locale.ENGLISH) + " | "
				+ source.getMessage("public.title", new Object[] { names[i % names.length] }, AZ);
	}

	static IcuMessageSource bundles() {
		IcuMessageSource source = new IcuMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
