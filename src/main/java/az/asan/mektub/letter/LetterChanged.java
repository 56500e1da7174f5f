package az.asan.mektub.letter;

/**
 * A letter changed (its status, its wish, its centre…), or many did at once ({@link #many()}): published
 * by the letter module for every write to the letter table — the aggregate's saves and the set-based
 * writers alike — on this node once the change is committed (at once without a transaction), and on
 * every other node a moment later (see {@link LetterChanges}). A module that keeps pages showing letters
 * forgets its own here, by its own keys; nothing outside it knows them. Listen with
 * {@code @TransactionalEventListener(fallbackExecution = true)}: the default phase waits for the commit.
 *
 * @param code the letter's code; null when many letters changed
 * @param regionId the child's region; null when many letters changed
 */
public record LetterChanged(String code, Integer regionId) {

	/** Many letters changed: forget everything kept of letters. */
	public static LetterChanged many() {
		return new LetterChanged(null, null);
	}

	public boolean isMany() {
		return code == null;
	}

	/** As sent to the other nodes: one short line. */
	String text() {
		return isMany() ? "*" : code + " " + (regionId == null ? "" : regionId);
	}

	/** Read back from {@link #text()}; empty for a line in another format. */
	static java.util.Optional<LetterChanged> of(String text) {
		if ("*".equals(text)) {
			return java.util.Optional.of(many());
		}
		String[] parts = text.split(" ", -1);
		if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9]{1,32}") || !parts[1].matches("\\d{0,9}")) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new LetterChanged(parts[0], parts[1].isEmpty() ? null : Integer.valueOf(parts[1])));
	}

}
