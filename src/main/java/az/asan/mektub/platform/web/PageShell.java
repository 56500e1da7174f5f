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
 * Rendering sees only what is declared (issue 23): the holes, as placeholders, and the {@link #shared()}
 * model attributes, which must be the same for everyone the key names. A model holding anything else
 * is refused (an {@link IllegalStateException}, seen by the first test that opens the page), the
 * request it renders with carries no parameter and no attribute of the app's own, and no one is signed
 * in while it renders. A page with a message for its reader (a flash attribute) is rendered for that
 * reader alone, as any other page.
 */
public record PageShell(String key, List<String> holes, List<String> shared) {

	/** The model attribute. */
	public static final String ATTRIBUTE = "asanPageShell";

	public PageShell {
		holes = List.copyOf(holes);
		shared = List.copyOf(shared);
	}

	/** A page kept per {@code key}, with these per-request parts and nothing else from the model. */
	public static PageShell of(String key, String... holes) {
		return new PageShell(key, List.of(holes), List.of());
	}

	/** The same, also reading these model attributes, the same for everyone the key names. */
	public PageShell sharing(String... names) {
		return new PageShell(this.key, this.holes, List.of(names));
	}

	/** Whether the page may show this model attribute. */
	boolean declares(String name) {
		return ATTRIBUTE.equals(name) || this.holes.contains(name) || this.shared.contains(name);
	}

}
