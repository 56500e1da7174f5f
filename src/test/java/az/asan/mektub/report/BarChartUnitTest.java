package az.asan.mektub.report;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import az.asan.mektub.platform.i18n.Formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The bar chart's model: its scale, its rows and its numbers as the reader writes them. */
class BarChartUnitTest {

	private static final Locale AZ = Locale.forLanguageTag("az");

	private final Formats formats = new Formats();

	private BarChart chart(List<String> labels, List<? extends Number> values, Locale locale) {
		return BarChart.of("Gerçəkləşən arzular", labels, values, formats, locale);
	}

	@Test
	void theScaleRunsInRoundStepsFromZeroToJustAboveTheLargestValue() {
		// given the regions of the demo data, Bakı far ahead
		BarChart chart = chart(List.of("Bakı", "Sumqayıt", "Abşeron"), List.of(2423, 341, 310), AZ);

		// then the axis reads 0, 500, … 2 500 and the longest bar reaches 2 423 of 2 500 of the drawing's 80 %
		assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 500L, 1000L, 1500L, 2000L, 2500L);
		assertThat(chart.ticks()).extracting(BarChart.Tick::x)
			.containsExactly("0.0%", "16.0%", "32.0%", "48.0%", "64.0%", "80.0%");
		assertThat(chart.bars()).extracting(BarChart.Bar::width).containsExactly(77.5, 10.9, 9.9);
		assertThat(chart.bars().get(0).x()).isEqualTo("77.5%");
		assertThat(chart.largest().label()).isEqualTo("Bakı");
	}

	@Test
	void stepsAreOneTwoOrFiveTimesAPowerOfTenAndNeverAFraction() {
		assertThat(BarChart.step(0)).isEqualTo(1);
		assertThat(BarChart.step(1)).isEqualTo(1);
		assertThat(BarChart.step(3)).isEqualTo(1);
		assertThat(BarChart.step(7)).isEqualTo(2);
		assertThat(BarChart.step(20)).isEqualTo(5);
		assertThat(BarChart.step(21)).isEqualTo(5);
		assertThat(BarChart.step(26)).isEqualTo(10);
		assertThat(BarChart.step(1427)).isEqualTo(500);
		assertThat(BarChart.step(10_512)).isEqualTo(5000);
		assertThat(BarChart.step(4_000_000)).isEqualTo(1_000_000);
	}

	@Test
	void aValueOnAStepEndsTheScaleThereAndTheLongestBarFillsTheArea() {
		BarChart chart = chart(List.of("2024", "2025"), List.of(500, 1000), AZ);

		assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 200L, 400L, 600L, 800L, 1000L);
		assertThat(chart.bars()).extracting(BarChart.Bar::width).containsExactly(40.0, 80.0);
	}

	@Test
	void zeroValuesDrawNoBarButStillSayTheirZero() {
		// given a year whose campaign has just opened
		BarChart chart = chart(List.of("2025", "2026"), List.of(1427, 0), AZ);

		BarChart.Bar open = chart.bars().get(1);
		assertThat(open.width()).isZero();
		assertThat(open.shown()).isEqualTo("0");
		assertThat(open.x()).isEqualTo("0.0%");
	}

	@Test
	void onlyZerosStillMakeAScaleOfOneStep() {
		BarChart chart = chart(List.of("2026"), List.of(0), AZ);

		assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 1L);
		assertThat(chart.bars().get(0).width()).isZero();
		assertThat(chart.largest().label()).isEqualTo("2026");
	}

	@Test
	void oneValueIsOneRowAboveTheAxis() {
		BarChart chart = chart(List.of("Bakı"), List.of(7), AZ);

		assertThat(chart.bars()).hasSize(1);
		assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 2L, 4L, 6L, 8L);
		assertThat(chart.bars().get(0).width()).isEqualTo(70.0);
		assertThat(chart.height()).isEqualTo(BarChart.ROW + BarChart.AXIS);
		assertThat(chart.axisY()).isGreaterThan(chart.bars().get(0).valueY());
	}

	@Test
	void rowsStackDownwardsEachNameAboveItsBar() {
		BarChart chart = chart(List.of("a", "b", "c"), List.of(1, 2, 3), AZ);

		for (BarChart.Bar bar : chart.bars()) {
			assertThat(bar.labelY()).isLessThan(bar.barY());
			assertThat(bar.valueY()).isBetween(bar.barY(), bar.barY() + 12);
			assertThat(bar.valueY()).isLessThan(bar.index() * BarChart.ROW + BarChart.ROW);
		}
		assertThat(chart.bars()).extracting(BarChart.Bar::index).containsExactly(0, 1, 2);
		assertThat(chart.plotHeight()).isEqualTo(3 * BarChart.ROW);
	}

	@Test
	void noBarsIsAnEmptyChartThatThePageLeavesOut() {
		BarChart chart = chart(List.of(), List.of(), AZ);

		assertThat(chart.isEmpty()).isTrue();
		assertThat(chart.largest()).isNull();
		assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 1L);
	}

	@Test
	void aLongNameIsCutInTheDrawingAndKeptWholeForTheReader() {
		String longName = "Şərqi Zəngəzur iqtisadi rayonu və Naxçıvan Muxtar Respublikası";
		BarChart chart = chart(List.of(longName, "Bakı"), List.of(5, 9), AZ);

		BarChart.Bar bar = chart.bars().get(0);
		assertThat(bar.label()).isEqualTo(longName);
		assertThat(bar.shownLabel()).hasSizeLessThanOrEqualTo(BarChart.LABEL).endsWith("…")
			.startsWith("Şərqi Zəngəzur iqtisadi rayonu");
		assertThat(chart.bars().get(1).shownLabel()).isEqualTo("Bakı");
	}

	@Test
	void numbersAreWrittenAsTheReaderWritesThemInEachLanguage() {
		List<String> years = List.of("2024", "2025");
		List<Long> fulfilled = List.of(10_512L, 1_427L);

		BarChart az = chart(years, fulfilled, AZ);
		BarChart ru = chart(years, fulfilled, Locale.forLanguageTag("ru"));
		BarChart en = chart(years, fulfilled, Locale.ENGLISH);

		assertThat(az.bars()).extracting(BarChart.Bar::shown).containsExactly("10 512", "1 427");
		assertThat(ru.bars()).extracting(BarChart.Bar::shown).containsExactly("10 512", "1 427");
		assertThat(en.bars()).extracting(BarChart.Bar::shown).containsExactly("10,512", "1,427");
		assertThat(az.ticks()).extracting(BarChart.Tick::shown).containsExactly("0", "5 000", "10 000", "15 000");
		assertThat(en.ticks()).extracting(BarChart.Tick::shown).containsExactly("0", "5,000", "10,000", "15,000");
		// positions are for the drawing, not the reader: always a decimal point
		assertThat(az.bars().get(0).x()).isEqualTo(en.bars().get(0).x()).isEqualTo("56.1%");
	}

	@Test
	void theFirstTickStartsAtTheEdgeAndTheOthersAreCentred() {
		BarChart chart = chart(List.of("a"), List.of(10), AZ);

		assertThat(chart.ticks()).extracting(BarChart.Tick::anchor).startsWith("start").containsOnlyOnce("start");
	}

	@Test
	void aLabelForEveryValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> chart(List.of("a", "b"), List.of(1), AZ));
	}

}
