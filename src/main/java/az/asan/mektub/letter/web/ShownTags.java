package az.asan.mektub.letter.web;

/**
 * What a person's session remembers at the handover desk: the gifts with no centre chosen that it found
 * by their exact tag code (the attribute's name is kept from when the desk held it, so sessions in
 * PostgreSQL carry on).
 */
final class ShownTags {

	private ShownTags() {
	}

	/**
	 * The codes of gifts with no centre chosen that this session found by their exact tag code: only
	 * those open at a centre's desk, so a letter's public code alone shows no donor.
	 */
	@SuppressWarnings("unchecked")
	static java.util.Set<String> of(jakarta.servlet.http.HttpSession session) {
		Object shown = session.getAttribute(SHOWN_TAGS);
		return shown instanceof java.util.Set<?> set ? (java.util.Set<String>) set : java.util.Set.of();
	}

	/** Set anew (sessions are rows in PostgreSQL: a changed attribute is written when it is set); the latest 50. */
	static void remember(jakarta.servlet.http.HttpSession session, String code) {
		java.util.LinkedHashSet<String> shown = new java.util.LinkedHashSet<>(of(session));
		shown.remove(code);
		shown.add(code);
		while (shown.size() > 50) {
			shown.remove(shown.iterator().next());
		}
		session.setAttribute(SHOWN_TAGS, shown);
	}

	private static final String SHOWN_TAGS = HandoverDeskController.class.getName() + ".shownTags";

}
