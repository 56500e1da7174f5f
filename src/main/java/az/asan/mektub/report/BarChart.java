package az.asan.mektub.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import az.asan.mektub.platform.i18n.Formats;

/**
 * A horizontal bar chart as {@code reports/charts.html} draws it in SVG on the server: no chart
 * library, no script. Every number is already written in the reader's language, every position
 * worked out here, so the fragment only places what it is given.
 * <p>
 * Each row is the bar's name on a line of its own with the bar beneath it and its value after the
 * bar. Lengths are percentages of the chart's width and heights are pixels, so the chart fills its
 * column at any width while its text keeps the page's size: a chart scaled by a {@code viewBox}
 * would shrink its words to 9 px on a phone. The longest bar takes {@link #AREA} of the width,
 * leaving the rest for its value. The page keeps a table with the same figures beside the chart.
 *
 * @param title what the chart shows, in the reader's language
 * @param bars one per row, in the order given
 * @param ticks the value axis: whole, round steps from 0 to at least the largest value
 */
record BarChart(String title, List<Bar> bars, List<Tick> ticks) {

	/** The share of the width the longest bar may take. */
	static final double AREA = 0.8;

	/** Pixels from the top of one row to the next. */
	static final int ROW = 40;

	/** Pixels below the last row for the value axis' numbers. */
	static final int AXIS = 28;

	/** A name longer than this is cut with an ellipsis in the drawing; the table keeps it whole. */
	static final int LABEL = 40;

	/**
	 * @param label the whole name
	 * @param shownLabel the name as drawn, cut to {@link #LABEL} characters
	 * @param value the figure
	 * @param shown the figure in the reader's number format
	 * @param index the row, from 0
	 * @param width the bar's length, in percent of the chart's width
	 */
	record Bar(String label, String shownLabel, long value, String shown, int index, double width) {

		public int labelY() {
			return index * ROW + 15;
		}

		public int barY() {
			return index * ROW + 21;
		}

		public int valueY() {
			return barY() + 11;
		}

		public String x() {
			return width + "%";
		}

	}

	/**
	 * @param value where the line stands
	 * @param shown the value in the reader's number format
	 * @param position in percent of the chart's width
	 */
	record Tick(long value, String shown, double position) {

		public String x() {
			return position + "%";
		}

		/** The first number starts at the chart's left edge, the others are centred on their lines. */
		public String anchor() {
			return value == 0 ? "start" : "middle";
		}

	}

	BarChart {
		bars = List.copyOf(bars);
		ticks = List.copyOf(ticks);
	}

	/**
	 * The chart of these values, one bar per label in the given order, numbers written as the
	 * reader writes them ({@code 10 512} in Azerbaijani and Russian, {@code 10,512} in English).
	 */
	static BarChart of(String title, List<String> labels, List<? extends Number> values, Formats formats,
			Locale locale) {
		if (labels.size() != values.size()) {
			throw new IllegalArgumentException(labels.size() + " labels for " + values.size() + " values");
		}
		long largest = values.stream().mapToLong(Number::longValue).max().orElse(0);
		long step = step(largest);
		long top = Math.max(step, (largest + step - 1) / step * step);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			long value = Math.max(0, values.get(i).longValue());
			bars.add(new Bar(labels.get(i), cut(labels.get(i)), value, formats.number(value, locale), i,
					percent(value, top)));
		}
		List<Tick> ticks = new ArrayList<>();
		for (long value = 0; value <= top; value += step) {
			ticks.add(new Tick(value, formats.number(value, locale), percent(value, top)));
		}
		return new BarChart(title, bars, ticks);
	}

	/** The drawing's height in pixels: its rows and the axis beneath them. */
	public int height() {
		return bars.size() * ROW + AXIS;
	}

	/** Where the rows end and the axis' numbers begin. */
	public int plotHeight() {
		return bars.size() * ROW;
	}

	public int axisY() {
		return plotHeight() + 18;
	}

	/** The first of the largest bars, which the chart's description names. */
	public Bar largest() {
		Bar largest = null;
		for (Bar bar : bars) {
			if (largest == null || bar.value() > largest.value()) {
				largest = bar;
			}
		}
		return largest;
	}

	public boolean isEmpty() {
		return bars.isEmpty();
	}

	/**
	 * The smallest of 1, 2, 5, 10, 20, 50, … that reaches the largest value in at most five steps:
	 * whole numbers, since what is counted here (letters, wishes) comes whole.
	 */
	static long step(long largest) {
		for (long magnitude = 1;; magnitude *= 10) {
			for (long m : new long[] { 1, 2, 5 }) {
				if (m * magnitude * 5 >= largest) {
					return m * magnitude;
				}
			}
		}
	}

	/** Percent of the width, to a tenth: enough for a screen and short in the page. */
	private static double percent(long value, long top) {
		return Math.round(value * AREA * 1000 / top) / 10.0;
	}

	private static String cut(String label) {
		if (label.length() <= LABEL) {
			return label;
		}
		return label.substring(0, LABEL - 1).stripTrailing() + "…";
	}

}
