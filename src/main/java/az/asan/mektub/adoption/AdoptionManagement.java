package az.asan.mektub.adoption;

import java.time.LocalDate;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.RegionScope;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.Letter;
import az.asan.mektub.letter.LetterCodes;
import az.asan.mektub.letter.LetterHolds;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.LetterTransitionException;
import az.asan.mektub.letter.Letters;
import az.asan.mektub.letter.query.DonorLetters;
import az.asan.mektub.notification.Mailer;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.web.Links;
import az.asan.mektub.platform.web.NotFound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking a letter from the tree, choosing the handover point, giving it back.
 * <p>
 * Adopting locks no account row: the letter module serialises one donor's presses with an advisory
 * lock on their holdings and changes the letter in one statement guarded by its status and the
 * donor's count, so two adoptions by one donor cannot both slip under the limit and two donors on one
 * letter get one winner. A walk-in at a desk locks the letter's row and meets the same guard.
 */
@Service
public class AdoptionManagement {

	/** A letter in these states was taken by someone (online or at a centre). */
	private static final java.util.Set<LetterStatus> TAKEN_STATES = java.util.EnumSet.of(LetterStatus.ADOPTED,
			LetterStatus.GIFT_RECEIVED, LetterStatus.FULFILLED);

	private final Letters letters;

	private final Campaigns campaigns;

	private final AccountManagement accounts;

	private final HandoverPoints handoverPoints;

	private final Mailer mailer;

	private final Links links;

	private final Formats formats;

	private final Counter adoptions;

	private final LetterHolds holds;

	private final DonorLetters donorLetters;

	private final int organisationLimit;

	AdoptionManagement(Letters letters, Campaigns campaigns, AccountManagement accounts, HandoverPoints handoverPoints,
			Mailer mailer, Links links, Formats formats, MeterRegistry meters, LetterHolds holds,
			DonorLetters donorLetters, az.asan.mektub.platform.settings.AsanProperties asan) {
		this.organisationLimit = asan.organisations().adoptionLimit();
		this.holds = holds;
		this.donorLetters = donorLetters;
		this.adoptions = Counter.builder("asan.adoptions")
			.description("Letters adopted by donors (committed) on this node")
			.register(meters);
		this.letters = letters;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.handoverPoints = handoverPoints;
		this.mailer = mailer;
		this.links = links;
		this.formats = formats;
	}

	/**
	 * How many letters of a campaign a donor may hold at once: a person, the campaign's limit; an
	 * organisation, the limit staff gave it, else the organisations' setting (never less than a person's).
	 */
	int limit(AccountManagement.Standing standing, int campaignLimit) {
		if (!standing.organisation()) {
			return campaignLimit;
		}
		return standing.adoptionLimit() != null ? standing.adoptionLimit()
				: Math.max(organisationLimit, campaignLimit);
	}

	/** Where a signed-in reader of a letter's page stands, as its adoption part shows it. */
	record ReaderStanding(Kind kind, int limit, long holding) {

		enum Kind {

			/** May press "adopt" (the press itself still checks everything). */
			MAY_ADOPT,
			/** Holds as many letters of the campaign as allowed. */
			AT_LIMIT,
			/** An organisation staff have not confirmed. */
			AWAITING_CONFIRMATION

		}

	}

	/**
	 * What a signed-in person may do on the page of a letter on the tree of this campaign, read for
	 * them alone: two short queries. People who are not donors, or whose address is unconfirmed, get the
	 * button: pressing it tells them why not, as before.
	 */
	@Transactional(readOnly = true)
	ReaderStanding readerStanding(long personId, long campaignId, int campaignLimit) {
		AccountManagement.Standing standing = accounts.standing(personId);
		if (!standing.donor() || standing.locked() || !standing.emailConfirmed()) {
			return new ReaderStanding(ReaderStanding.Kind.MAY_ADOPT, 0, 0);
		}
		if (standing.awaitingConfirmation()) {
			return new ReaderStanding(ReaderStanding.Kind.AWAITING_CONFIRMATION, 0, 0);
		}
		int limit = limit(standing, campaignLimit);
		long holding = donorLetters.holding(personId, campaignId);
		return new ReaderStanding(holding >= limit ? ReaderStanding.Kind.AT_LIMIT : ReaderStanding.Kind.MAY_ADOPT, limit,
				holding);
	}

	/** The letter is the donor's until {@code dueDate}; the gift goes in with {@code tagCode} on it. */
	public record Adopted(String code, LocalDate dueDate, String tagCode) {
	}

	/**
	 * One press of "adopt": one short transaction of five statements, with no lock on the donor's
	 * account. The letter module locks the donor's holdings (an advisory lock, so two presses of one
	 * donor count one after the other) and then changes the letter in one statement that holds only
	 * while it is on the tree and the donor under the limit; of many donors on one letter, the first
	 * statement wins and the others find it taken.
	 */
	@Transactional
	public Adopted adopt(String code, long donorId) {
		return adopt(code, donorId, null);
	}

	/**
	 * The same press, by a person of an organisation's team for the organisation ({@code takenBy}):
	 * the organisation is the donor, so its standing and its limit decide, and the letter may be one it
	 * reserved for its team. Null {@code takenBy}: a donor for themselves.
	 */
	@Transactional
	Adopted adopt(String code, long donorId, Long takenBy) {
		LetterHolds.Adoptable letter = holds.forAdoption(code, donorId).orElseThrow(NotFound::new);
		if (letter.status() != LetterStatus.PUBLISHED) {
			throw new AdoptionRefused(AdoptionRefused.Reason.TAKEN);
		}
		AccountManagement.Adopter adopter = accounts.adopter(donorId);
		AccountManagement.Standing standing = adopter.standing();
		if (!standing.donor() || standing.locked()) {
			throw new AdoptionRefused(AdoptionRefused.Reason.NOT_A_DONOR);
		}
		if (!standing.emailConfirmed()) {
			throw new AdoptionRefused(AdoptionRefused.Reason.UNCONFIRMED);
		}
		if (standing.awaitingConfirmation()) {
			throw new AdoptionRefused(AdoptionRefused.Reason.ORGANISATION_UNCONFIRMED);
		}
		Campaign campaign = campaigns.findById(letter.campaignId()).orElseThrow(NotFound::new);
		if (!campaign.isOpen()) {
			throw new AdoptionRefused(AdoptionRefused.Reason.CAMPAIGN_CLOSED);
		}
		java.util.Optional<LetterHolds.Reservation> reservation = letter.reservation();
		if (reservation.filter(r -> r.organisationId() != donorId).isPresent()) {
			throw reserved(reservation.get());
		}
		if (takenBy != null && reservation.isEmpty()) {
			// the team takes from the pool its officer chose, not any letter of the tree
			throw new AdoptionRefused(AdoptionRefused.Reason.NOT_IN_POOL);
		}
		int limit = limit(standing, campaign.getDonorLimit());
		LocalDate due = campaign.holdDueDate(LocalDate.now(Formats.BAKU));
		java.util.Optional<LetterHolds.Adopted> taken = holds.adoptIfAvailable(code, donorId, takenBy, due, limit);
		if (taken.isEmpty()) {
			// not changed: taken meanwhile, or (the letter still on the tree) the donor holds enough already
			boolean onTree = donorLetters.statusOf(code).filter(LetterStatus.PUBLISHED::equals).isPresent();
			if (!onTree) {
				throw new AdoptionRefused(AdoptionRefused.Reason.TAKEN);
			}
			// reserved meanwhile for another organisation's team: that, not a limit the donor is under
			java.util.Optional<LetterHolds.Reservation> now = holds.reservation(code);
			if (now.filter(r -> r.organisationId() != donorId).isPresent()) {
				throw reserved(now.get());
			}
			if (takenBy != null && now.isEmpty()) {
				throw new AdoptionRefused(AdoptionRefused.Reason.NOT_IN_POOL);
			}
			throw new AdoptionRefused(AdoptionRefused.Reason.LIMIT, limit);
		}
		LetterHolds.Adopted adopted = taken.get();
		adopter.contact()
			.ifPresent(donor -> mailer.queue(donor.email(), donor.language(), "adopted", donor.fullName(),
					adopted.firstName(), formats.date(due), adopted.giftTagCode(),
					links.absolute("/me/adoptions/" + adopted.code())));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				adoptions.increment();
			}
		});
		return new Adopted(adopted.code(), due, adopted.giftTagCode());
	}

	/**
	 * A walk-in donor at a service centre's desk takes the letter, with the same lock and the same
	 * check as an online adoption: whoever locks the letter's row first wins, the other finds it taken.
	 * The letter leaves the online tree and every paper tree at once (both show published letters only).
	 */
	@Transactional
	public Adopted adoptWalkIn(String code, RegionScope scope, long volunteerId, long handoverPointId,
			String donorName, String donorPhone) {
		String normalised = LetterCodes.normaliseCode(code);
		Letter letter = letters.lockByCode(normalised).filter(l -> scope.includes(l.getRegionId()))
			.orElseThrow(() -> new AdoptionRefused(AdoptionRefused.Reason.UNKNOWN_CODE));
		if (letter.getStatus() != LetterStatus.PUBLISHED) {
			throw new AdoptionRefused(TAKEN_STATES.contains(letter.getStatus()) ? AdoptionRefused.Reason.TAKEN
					: AdoptionRefused.Reason.NOT_ON_TREE);
		}
		// reserved for an organisation's team: its row is locked now, so no reservation comes between;
		// nobody took it, so the desk hears until when it is reserved, not "taken"
		java.util.Optional<LetterHolds.Reservation> reservation = holds.reservation(normalised);
		if (reservation.isPresent()) {
			throw reserved(reservation.get());
		}
		Campaign campaign = campaigns.findById(letter.getCampaignId()).orElseThrow(NotFound::new);
		if (!campaign.isOpen()) {
			throw new AdoptionRefused(AdoptionRefused.Reason.CAMPAIGN_CLOSED);
		}
		LocalDate due = campaign.holdDueDate(LocalDate.now(Formats.BAKU));
		holds.adoptWalkIn(letter, volunteerId, donorName, donorPhone, handoverPointId, due);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				adoptions.increment();
			}
		});
		return new Adopted(letter.getCode(), due, letter.getGiftTagCode());
	}

	private AdoptionRefused reserved(LetterHolds.Reservation reservation) {
		return new AdoptionRefused(AdoptionRefused.Reason.RESERVED, 0, formats.dateTime(reservation.until()));
	}

	@Transactional
	public void chooseHandoverPoint(String code, long donorId, Long handoverPointId) {
		if (handoverPointId == null || handoverPoints.byId(handoverPointId).filter(p -> p.accepting()).isEmpty()) {
			throw new LetterTransitionException("letter.gift.handoverPointRequired");
		}
		Letter letter = letters.lockByCode(code).filter(l -> Long.valueOf(donorId).equals(l.getDonorId()))
			.orElseThrow(NotFound::new);
		holds.chooseHandoverPoint(letter, donorId, handoverPointId);
	}

	/** The donor gives the letter back; it goes on the tree again at once. */
	@Transactional
	public void cancel(String code, long donorId) {
		Letter letter = letters.lockByCode(code).filter(l -> Long.valueOf(donorId).equals(l.getDonorId()))
			.orElseThrow(NotFound::new);
		holds.cancel(letter, donorId);
	}

}
