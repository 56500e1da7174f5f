package az.asan.mektub.letter.privacy;

import java.util.List;

import az.asan.mektub.letter.LetterTransitionException;

/**
 * The public text may hold personal data (see {@link PersonalDataCheck#warnings}): nothing changed,
 * and the volunteer is shown what was found and may publish it as it is after checking.
 */
public class PrivacyWarning extends LetterTransitionException {

	private final List<String> findings;

	public PrivacyWarning(List<String> findings) {
		super("letter.privacy.review");
		this.findings = List.copyOf(findings);
	}

	/** Message keys of everything found. */
	public List<String> findings() {
		return findings;
	}

}
