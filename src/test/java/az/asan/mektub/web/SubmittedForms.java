package az.asan.mektub.web;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forms tests have submitted as served, by method and address with codes and ids left out
 * ({@code POST /volunteer/letters/{}/edit}). The form inventory compares them with the templates.
 */
public final class SubmittedForms {

	private static final Set<String> SUBMITTED = ConcurrentHashMap.newKeySet();

	private SubmittedForms() {
	}

	static void record(String method, String path) {
		SUBMITTED.add(key(method, path));
	}

	public static Set<String> all() {
		return new TreeSet<>(SUBMITTED);
	}

	/** {@code POST /letters/{}/adopt}: segments that are codes or numbers become {@code {}}. */
	public static String key(String method, String path) {
		StringBuilder out = new StringBuilder(method.toUpperCase()).append(' ');
		String clean = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		if (clean.equals("/")) {
			return out.append('/').toString();
		}
		for (String segment : clean.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			out.append('/').append(isVariable(segment) ? "{}" : segment);
		}
		return out.toString();
	}

	static boolean isVariable(String segment) {
		return segment.matches("\\d+") || segment.matches("[0-9A-Z]{12}") || segment.equals("{}")
				|| segment.matches("\\{[a-zA-Z]+\\}");
	}

}
