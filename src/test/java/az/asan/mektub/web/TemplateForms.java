package az.asan.mektub.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every {@code <form>} in the templates, as {@code METHOD /path} with variables as {@code {}}: the
 * list a new page adds to, which the form inventory holds against the forms tests submit.
 */
public final class TemplateForms {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.DOTALL);

	private static final Pattern ACTION = Pattern.compile("\\b(th:action|action)=\"([^\"]*)\"");

	private static final Pattern METHOD = Pattern.compile("\\bmethod=\"([^\"]*)\"");

	/** A fragment whose action its callers give: {@code filters('/reports/donors')}. */
	private static final Pattern FILTERS_CALL = Pattern.compile("reports/nav :: filters\\('([^']+)'\\)");

	private TemplateForms() {
	}

	/** The path of a link expression {@code @{/a/{code}/b(code=${x})}} starting after its {@code @{}. */
	private static String linkPath(String expression, int start) {
		StringBuilder path = new StringBuilder();
		int depth = 0;
		for (int i = start; i < expression.length(); i++) {
			char c = expression.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				if (depth == 0) {
					break;
				}
				depth--;
			}
			else if (c == '(' && depth == 0) {
				break;
			}
			path.append(c);
		}
		return path.toString();
	}

	public static Set<String> all() {
		Set<String> forms = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				Matcher form = FORM.matcher(html);
				while (form.find()) {
					String tag = form.group();
					Matcher method = METHOD.matcher(tag);
					String verb = method.find() ? method.group(1).toUpperCase() : "GET";
					Matcher action = ACTION.matcher(tag);
					if (!action.find()) {
						if (tag.contains("th:replace")) {
							continue; // a fragment call; the fragment's own form is listed below
						}
						throw new AssertionError("A form without an action in " + file + ": " + tag);
					}
					String expression = action.group(2);
					if (expression.equals("${action}")) {
						continue; // the report filters' fragment, listed through its callers
					}
					boolean any = false;
					for (int at = expression.indexOf("@{"); at >= 0; at = expression.indexOf("@{", at + 2)) {
						forms.add(SubmittedForms.key(verb, linkPath(expression, at + 2)));
						any = true;
					}
					if (!any) {
						forms.add(SubmittedForms.key(verb, expression));
					}
				}
				Matcher filters = FILTERS_CALL.matcher(html);
				while (filters.find()) {
					forms.add(SubmittedForms.key("GET", filters.group(1)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return forms;
	}

}
