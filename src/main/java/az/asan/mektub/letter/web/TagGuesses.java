package az.asan.mektub.letter.web;

import java.util.Optional;

import az.asan.mektub.letter.LetterTransitionException;
import az.asan.mektub.platform.security.GuessThrottle;
import az.asan.mektub.platform.security.LoginThrottle;
import az.asan.mektub.platform.i18n.Messages;

import org.springframework.stereotype.Component;

/**
 * Every form that checks a gift's tag code (the desk's search, its "received" step, the letter page's
 * "gift received") is paced per person alike, with the desk search's {@link GuessThrottle} count: wrong
 * codes typed on any of them count, and while the person must wait no code is checked anywhere.
 */
@Component
class TagGuesses {

	private final GuessThrottle throttle;

	private final Messages messages;

	TagGuesses(GuessThrottle throttle, Messages messages) {
		this.throttle = throttle;
		this.messages = messages;
	}

	/** Why the person may not try a code now, if they may not. */
	Optional<String> mustWait(long personId) {
		LoginThrottle.Verdict verdict = throttle.check(HandoverDeskController.TAG_GUESS, personId);
		if (verdict.allowed()) {
			return Optional.empty();
		}
		return Optional.of(verdict.locked()
				? messages.get("handoverDesk.locked", Math.max(1, (verdict.waitSeconds() + 59) / 60))
				: messages.get("handoverDesk.wait", verdict.waitSeconds()));
	}

	/** Runs a step that checks a typed tag code; a wrong code is counted (and still refused as before). */
	void check(long personId, Runnable step) {
		try {
			step.run();
		}
		catch (LetterTransitionException ex) {
			if ("letter.error.tagMismatch".equals(ex.messageKey())) {
				throttle.failed(HandoverDeskController.TAG_GUESS, personId);
			}
			throw ex;
		}
	}

}
