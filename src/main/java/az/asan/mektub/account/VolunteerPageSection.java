package az.asan.mektub.account;

import org.springframework.ui.Model;

/**
 * A part another module adds to the staff's page of a volunteer (the handover module: the ASAN
 * service centres the volunteer works at), so that the account module need not know that module.
 */
public interface VolunteerPageSection {

	/** Puts what the section's fragment needs into the page's model. */
	void addTo(long volunteerId, Model model);

}
