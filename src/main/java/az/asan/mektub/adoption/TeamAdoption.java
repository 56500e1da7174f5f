package az.asan.mektub.adoption;

import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.Teams;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.letter.LetterHolds;
import az.asan.mektub.letter.query.DonorLetters;
import az.asan.mektub.letter.query.OrganisationLetters;
import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company adopting together (issue 27.2): a person of an organisation's team adopts for it, from
 * the tree or from the letters it reserved for its team, against the organisation's limit (the
 * organisation is the letter's donor, the person is who took it); and the organisation reserves a
 * batch of free letters for its team for {@code asan.organisations.reservation-hours}. Both go through
 * the letter module's one conditional statement, so a letter is never both reserved for one and
 * adopted by another; the reservation's end is {@link ReservationExpiry}'s.
 */
@Service
public class TeamAdoption {

	private final AdoptionManagement adoptions;

	private final Teams teams;

	private final AccountManagement accounts;

	private final Campaigns campaigns;

	private final LetterHolds holds;

	private final DonorLetters donorLetters;

	private final Duration reservation;

	private final OrganisationLetters organisationLetters;

	TeamAdoption(AdoptionManagement adoptions, Teams teams, AccountManagement accounts, Campaigns campaigns,
			LetterHolds holds, DonorLetters donorLetters, OrganisationLetters organisationLetters, AsanProperties asan) {
		this.organisationLetters = organisationLetters;
		this.adoptions = adoptions;
		this.teams = teams;
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.holds = holds;
		this.donorLetters = donorLetters;
		this.reservation = asan.organisations().reservation();
	}

	/**
	 * A person of a team takes a letter for their organisation. Refused when they are in no team or
	 * may not adopt themselves (unconfirmed, locked); the rest is the organisation's press.
	 */
	@Transactional
	public AdoptionManagement.Adopted adoptForOrganisation(String code, long memberId) {
		long organisationId = teams.organisationOf(memberId)
			.orElseThrow(() -> new AdoptionRefused(AdoptionRefused.Reason.NOT_IN_TEAM));
		AccountManagement.Standing member = accounts.standing(memberId);
		if (!member.donor() || member.locked()) {
			throw new AdoptionRefused(AdoptionRefused.Reason.NOT_A_DONOR);
		}
		if (!member.emailConfirmed()) {
			throw new AdoptionRefused(AdoptionRefused.Reason.UNCONFIRMED);
		}
		return adoptions.adopt(code, organisationId, memberId);
	}

	/**
	 * The letters a person of a team took for their organisation and that it still holds or helped:
	 * theirs to buy for, to hand in, and to print the tag of. Empty for a person in no team.
	 */
	@Transactional(readOnly = true)
	public List<OrganisationLetters.Held> takenBy(long memberId) {
		return teams.organisationOf(memberId)
			.map(organisation -> organisationLetters.held(organisation)
				.stream()
				.filter(h -> Long.valueOf(memberId).equals(h.takenBy()))
				.toList())
			.orElse(List.of());
	}

	/**
	 * A person of a team says at which centre they will hand in the gift of a letter they took for the
	 * organisation: the donor's own choice (the organisation is the letter's donor), with its rules.
	 * A letter they did not take, or one no longer held, is not found.
	 */
	@Transactional
	public void chooseCentre(String code, long memberId, Long handoverPointId) {
		long organisationId = teams.organisationOf(memberId)
			.orElseThrow(() -> new AccessDeniedException("Only a team's people choose a centre for its letters"));
		if (takenBy(memberId).stream().noneMatch(h -> h.code().equals(code) && h.toHandIn())) {
			throw new NotFound();
		}
		adoptions.chooseHandoverPoint(code, organisationId, handoverPointId);
	}

	/**
	 * The organisation ends one of its reservations early; only a confirmed organisation manages its
	 * reservations. False when the letter is not reserved for it.
	 */
	@Transactional
	public boolean cancelReservation(long organisationId, String code) {
		if (!teams.mayLeadATeam(organisationId)) {
			throw new AccessDeniedException("Only a confirmed organisation manages its reservations");
		}
		return holds.releaseReservation(organisationId, code);
	}

	/** How many hours a reservation lasts (the setting). */
	public long reservationHours() {
		return reservation.toHours();
	}

	/** What a reservation came to: the letters reserved and until when; none when nothing was free. */
	public record Reserved(List<String> codes, Instant until) {
	}

	/** The campaigns whose letters a team may reserve: the open ones, the one started last first. */
	List<Campaign> openCampaigns() {
		return campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.OPEN);
	}

	/**
	 * How many more letters of a campaign the organisation may reserve now: its limit there less what
	 * it holds and has reserved (0 for a campaign that is not open).
	 */
	@Transactional(readOnly = true)
	public int mayReserve(long organisationId, long campaignId) {
		Optional<Campaign> campaign = campaigns.findById(campaignId).filter(Campaign::isOpen);
		if (campaign.isEmpty() || !teams.mayLeadATeam(organisationId)) {
			return 0;
		}
		int limit = adoptions.limit(accounts.standing(organisationId), campaign.get().getDonorLimit());
		long taken = donorLetters.holding(organisationId, campaignId) + holds.reservedCount(organisationId, campaignId);
		return (int) Math.max(0, limit - taken);
	}

	/**
	 * Reserves up to {@code count} free letters of an open campaign for the organisation's team, no
	 * more than {@link #mayReserve} (its limit counts what it holds and reserved), each until the
	 * setting's hours from now. Only a confirmed organisation reserves. The organisation's letters are
	 * counted under an advisory lock on its holdings, the one its adoptions take, so two reservations
	 * (or a reservation and an adoption) of one organisation cannot both slip under the limit.
	 */
	@Transactional
	public Reserved reserve(long organisationId, long campaignId, int count) {
		if (!teams.mayLeadATeam(organisationId)) {
			throw new AccessDeniedException("Only a confirmed organisation reserves letters");
		}
		Campaign campaign = campaigns.findById(campaignId)
			.filter(Campaign::isOpen)
			.orElseThrow(() -> new AdoptionRefused(AdoptionRefused.Reason.CAMPAIGN_CLOSED));
		holds.lockHoldings(organisationId);
		int allowed = mayReserve(organisationId, campaignId);
		if (allowed <= 0) {
			throw new AdoptionRefused(AdoptionRefused.Reason.LIMIT,
					adoptions.limit(accounts.standing(organisationId), campaign.getDonorLimit()));
		}
		Instant until = Instant.now().plus(reservation);
		return new Reserved(holds.reserve(organisationId, campaignId, Math.min(count, allowed), until), until);
	}

}
