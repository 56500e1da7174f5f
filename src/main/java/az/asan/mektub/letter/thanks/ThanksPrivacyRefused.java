package az.asan.mektub.letter.thanks;

import java.util.List;

import az.asan.mektub.letter.LetterTransitionException;

/**
 * The child's note may give away who or where the child is (a surname, an address, a phone number,
 * a guardian's or institution's name): nothing is stored, and the volunteer reads what was found.
 */
public class ThanksPrivacyRefused extends LetterTransitionException {

	private final List<String> findings;

	ThanksPrivacyRefused(List<String> findings) {
		super("thanks.error.privacy");
		this.findings = List.copyOf(findings);
	}

	/** Message keys of everything found. */
	public List<String> findings() {
		return findings;
	}

}
