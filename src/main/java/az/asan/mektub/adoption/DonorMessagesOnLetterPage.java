package az.asan.mektub.adoption;

import java.util.List;

import az.asan.mektub.letter.LetterPageSection;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The donor's messages to the child, on the volunteer's page of the letter, to read and approve. */
@Component
class DonorMessagesOnLetterPage implements LetterPageSection {

	private final DonorMessages donorMessages;

	DonorMessagesOnLetterPage(DonorMessages donorMessages) {
		this.donorMessages = donorMessages;
	}

	@Override
	public void addTo(long letterId, Model model) {
		model.addAttribute("donorMessages", donorMessages.of(List.of(letterId)));
	}

}
