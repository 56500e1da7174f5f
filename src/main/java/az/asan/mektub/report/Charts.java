package az.asan.mektub.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Chart.js configurations as JSON, written into a {@code data-chart} attribute and drawn by
 * {@code /js/charts.js}: no inline script, so the strict Content-Security-Policy holds. Every chart
 * stands beside a table with the same figures, for readers who do not see it.
 */
final class Charts {

	private Charts() {
	}

	static String bar(List<String> labels, String label, List<? extends Number> values, boolean horizontal) {
		return "{\"type\":\"bar\",\"data\":{\"labels\":" + strings(labels) + ",\"datasets\":[{\"label\":" + string(label)
				+ ",\"data\":" + numbers(values) + ",\"backgroundColor\":\"#2f7d4f\"}]},\"options\":{\"indexAxis\":\""
				+ (horizontal ? "y" : "x") + "\",\"maintainAspectRatio\":false,\"animation\":false,\"plugins\":{\"legend\":{\"display\":false}}}}";
	}

	private static String strings(List<String> values) {
		return values.stream().map(Charts::string).collect(Collectors.joining(",", "[", "]"));
	}

	private static String numbers(List<? extends Number> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
	}

	static String string(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '<' -> out.append("\\u003c");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
