package az.asan.mektub.account;

import java.util.List;

import org.springframework.ui.Model;

/**
 * A part another module adds to the staff's page of a volunteer (the handover module: the ASAN
 * service centres the volunteer works at), so that the account module need not know that module.
 * The same part is offered on the form that opens a new volunteer's account; what is ticked there
 * reaches the module with {@link VolunteerCreated}.
 */
public interface VolunteerPageSection {

	/** Puts what the section's fragment needs into the page's model. */
	void addTo(long volunteerId, Model model);

	/**
	 * Puts what the section needs on the new-volunteer form into its model, with what staff chose
	 * (kept when the form comes back with an error).
	 */
	default void addToNewVolunteer(List<Long> chosen, Model model) {
	}

}
