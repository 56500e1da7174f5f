package az.asan.mektub.letter;

/**
 * A change the lifecycle does not allow. It carries a message key so that the page can say why in
 * the user's language; the letter is left exactly as it was.
 */
public class LetterTransitionException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public LetterTransitionException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}

	/** The step asked for is the state the letter is already in: done before, by this person or another. */
	public boolean alreadyDone() {
		return "letter.error.transition".equals(messageKey) && arguments.length >= 2 && arguments[0] == arguments[1];
	}

}
