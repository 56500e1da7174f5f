package az.asan.mektub.letter;

import org.springframework.ui.Model;

/**
 * What another module shows on a volunteer's page of one letter, beside what the letter itself
 * says: adoption adds the donor's messages to the child. The letter module names the place and the
 * module that owns the data fills it, so that letter knows nothing of that module.
 */
public interface LetterPageSection {

	/** Adds this section's model attributes for the page of the letter with the given id. */
	void addTo(long letterId, Model model);

}
