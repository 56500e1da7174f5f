package az.asan.mektub.adoption;

import java.util.List;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.DonorLeaving;
import az.asan.mektub.letter.HoldReleased;
import az.asan.mektub.letter.Letter;
import az.asan.mektub.letter.LetterFulfilled;
import az.asan.mektub.letter.Letters;
import az.asan.mektub.notification.Mailer;
import az.asan.mektub.system.Links;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What adoption does when something happens elsewhere. The listeners run inside the transaction of
 * the change, so the donor's mail is queued exactly when the change commits.
 */
@Component
class AdoptionEvents {

	private final AccountManagement accounts;

	private final Mailer mailer;

	private final Links links;

	private final HoldExpiry expiry;

	private final Letters letters;

	private final JdbcClient jdbc;

	AdoptionEvents(AccountManagement accounts, Mailer mailer, Links links, HoldExpiry expiry, Letters letters,
			JdbcClient jdbc) {
		this.accounts = accounts;
		this.mailer = mailer;
		this.links = links;
		this.expiry = expiry;
		this.letters = letters;
		this.jdbc = jdbc;
	}

	/** The child has the gift: thank the donor (the gender lets Russian say получил or получила). */
	@EventListener
	void on(LetterFulfilled event) {
		String[] child = jdbc.sql("SELECT first_name, gender FROM letter WHERE id = ?")
			.param(event.letterId())
			.query((rs, n) -> new String[] { rs.getString("first_name"), rs.getString("gender") })
			.single();
		accounts.contact(event.donorId())
			.filter(AccountManagement.Contact::reachable)
			.ifPresent(donor -> mailer.queue(donor.email(), donor.language(), "thanks", donor.fullName(), child[0],
					links.absolute("/me/adoptions"), child[1]));
	}

	/** A volunteer released an overdue hold: the donor hears it as from the job. */
	@EventListener
	void on(HoldReleased event) {
		String firstName = jdbc.sql("SELECT first_name FROM letter WHERE id = ?")
			.param(event.letterId())
			.query(String.class)
			.single();
		expiry.tellDonorTheHoldExpired(event.donorId(), firstName, event.dueDate());
	}

	/** A donor deleting their account gives back what they hold, so no child waits in vain. */
	@EventListener
	void on(DonorLeaving event) {
		List<Long> held = jdbc.sql("SELECT id FROM letter WHERE donor_id = ? AND status = 'ADOPTED'")
			.param(event.donorId())
			.query(Long.class)
			.list();
		for (long id : held) {
			Letter letter = letters.lockById(id).orElseThrow();
			letter.cancelAdoption(event.donorId());
		}
	}

}
