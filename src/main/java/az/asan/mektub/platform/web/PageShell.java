package az.asan.mektub.platform.web;

import java.util.List;

/**
 * Asks for a page to be kept and served to everyone it looks the same for: put under
 * {@link #ATTRIBUTE} in the model, the page (layout and all) is rendered once per view, {@link #key()},
 * language, path prefix and kind of viewer (signed in or not, which menu), and kept for
 * {@code asan.tree.cache-seconds}. What is personal is put in per request: the reader's name at the
 * top, their CSRF token in every form, and the {@link #holes()} — model attributes holding HTML the
 * controller made for this request (a cached body, a person's own list), which the template shows
 * with {@code th:utext}.
 * <p>
 * The key must name everything else the page shows: any other model attribute the template reads is
 * taken from whoever asked first. A page with a flash message ({@code success}, {@code failure}) is
 * rendered for its reader alone.
 */
public record PageShell(String key, List<String> holes) {

	/** The model attribute. */
	public static final String ATTRIBUTE = "asanPageShell";

	public PageShell {
		holes = List.copyOf(holes);
	}

	public static PageShell of(String key, String... holes) {
		return new PageShell(key, List.of(holes));
	}

}
