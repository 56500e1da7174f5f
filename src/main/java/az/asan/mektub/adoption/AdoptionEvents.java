package az.asan.mektub.adoption;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.DonorLeaving;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.GiftMovedToCentre;
import az.asan.mektub.letter.HeldLetterWithdrawn;
import az.asan.mektub.letter.HoldEnded;
import az.asan.mektub.letter.HoldReleased;
import az.asan.mektub.letter.LetterFulfilled;
import az.asan.mektub.letter.LetterHolds;
import az.asan.mektub.letter.privacy.ChildDataAnonymised;
import az.asan.mektub.letter.query.DonorLetters;
import az.asan.mektub.letter.thanks.ThankYouApproved;
import az.asan.mektub.notification.Mailer;
import az.asan.mektub.platform.web.Links;

import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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

	private final LetterHolds holds;

	private final DonorLetters donorLetters;

	private final DonorMessages donorMessages;

	private final HandoverPoints handoverPoints;

	AdoptionEvents(AccountManagement accounts, Mailer mailer, Links links, HoldExpiry expiry, LetterHolds holds,
			DonorLetters donorLetters, DonorMessages donorMessages, HandoverPoints handoverPoints) {
		this.handoverPoints = handoverPoints;
		this.donorMessages = donorMessages;
		this.accounts = accounts;
		this.mailer = mailer;
		this.links = links;
		this.expiry = expiry;
		this.holds = holds;
		this.donorLetters = donorLetters;
	}

	/** The child has the gift: thank the donor (the gender lets Russian say получил or получила). */
	@EventListener
	void on(LetterFulfilled event) {
		DonorLetters.ChildName child = donorLetters.child(event.letterId());
		accounts.contact(event.donorId())
			.filter(AccountManagement.Contact::reachable)
			.ifPresent(donor -> mailer.queue(donor.email(), donor.language(), "thanks", donor.fullName(), child.firstName(),
					links.absolute("/me/adoptions"), child.gender().name()));
	}

	/**
	 * A second volunteer approved the child's thank-you: tell the donor, in their language, with a link
	 * to their letters (the picture stays there, behind their sign-in, never in a mail).
	 */
	@EventListener
	void on(ThankYouApproved event) {
		DonorLetters.ChildName child = donorLetters.child(event.letterId());
		accounts.contact(event.donorId())
			.filter(AccountManagement.Contact::reachable)
			.ifPresent(donor -> mailer.queue(donor.email(), donor.language(), "thankYou", donor.fullName(),
					child.firstName(), links.absolute("/me/adoptions/" + event.code()), child.gender().name()));
	}

	/** A hold past its due date went back on the tree (the job or a volunteer released it): tell the donor. */
	@EventListener
	void on(HoldReleased event) {
		String firstName = donorLetters.firstName(event.letterId());
		expiry.tellDonorTheHoldExpired(event.donorId(), firstName, event.dueDate());
	}

	/** The gift is now expected at another centre: tell the donor which, in their language. */
	@EventListener
	void on(GiftMovedToCentre event) {
		handoverPoints.byId(event.handoverPointId()).ifPresent(point -> {
			String firstName = donorLetters.firstName(event.letterId());
			accounts.contact(event.donorId())
				.filter(AccountManagement.Contact::reachable)
				.ifPresent(donor -> {
					java.util.Locale locale = java.util.Locale.forLanguageTag(donor.language() == null ? "az" : donor.language());
					mailer.queue(donor.email(), donor.language(), "movedToCentre", donor.fullName(), firstName,
							point.name(locale), point.address(locale), links.absolute("/me/adoptions/" + event.code()));
				});
		});
	}

	/**
	 * The program withdrew a letter the donor held: tell them why, in their language, and what to do with
	 * a gift they may have bought already.
	 */
	@EventListener
	void on(HeldLetterWithdrawn event) {
		accounts.contact(event.donorId())
			.filter(AccountManagement.Contact::reachable)
			.ifPresent(donor -> mailer.queue(donor.email(), donor.language(), "heldLetterWithdrawn", donor.fullName(),
					event.firstName(),
					new DefaultMessageSourceResolvable(new String[] { "withdrawReason." + event.reason().name() },
							event.reason().name()),
					links.absolute("/tree")));
	}

	/**
	 * A hold ended without a gift (given back, expired, released, the account deleted): the message its
	 * donor wrote belongs to that hold and goes with it.
	 */
	@EventListener
	void on(HoldEnded event) {
		donorMessages.deleteWithTheHold(event.letterId(), event.donorId());
	}

	/**
	 * Retention anonymised these letters' children: the donors' messages to them are the child's to
	 * read and go with the rest, in the retention's transaction.
	 */
	@EventListener
	void on(ChildDataAnonymised event) {
		donorMessages.deleteOfAnonymised(event.letterIds());
	}

	/**
	 * A donor deleting their account gives back what they hold (and an organisation what it reserved),
	 * so no child waits in vain.
	 */
	@EventListener
	void on(DonorLeaving event) {
		for (long id : donorLetters.heldBy(event.donorId())) {
			holds.cancel(id, event.donorId());
		}
		// an organisation leaving: the letters it reserved for its team go back to the tree too
		holds.releaseReservationsOf(event.donorId());
	}

}
