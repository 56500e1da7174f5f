package az.asan.mektub.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import az.asan.mektub.account.Role;
import az.asan.mektub.account.SignedInUser;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.i18n.Localized;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Creating and changing campaigns, and moving them from planned to open to closed. Whatever cannot be
 * taken back by the person who did it, or surprises, is confirmed first: closing always; opening when
 * it warns of something ({@link OpeningWarning}). An administrator may reopen a closed campaign for
 * {@link Campaign#REOPEN_WINDOW}.
 */
@Service
public class CampaignManagement {

	/** What the page that confirms opening (or reopening) a campaign says. */
	public record OpeningCheck(Campaign campaign, Set<OpeningWarning> warnings, List<Campaign> othersOpen,
			LocalDate holdDueToday) {

		public boolean warns(OpeningWarning warning) {
			return warnings.contains(warning);
		}

	}

	/** What the page that confirms closing a campaign says. */
	public record ClosingCheck(Campaign campaign, CampaignLetters.InPlay letters) {
	}

	/** The result of a step: done, or nothing changed because these warnings were not confirmed. */
	public record Step(Set<OpeningWarning> unconfirmed) {

		public boolean done() {
			return unconfirmed.isEmpty();
		}

	}

	private final Campaigns campaigns;

	private final CampaignLetters letters;

	private final org.springframework.context.ApplicationEventPublisher events;

	CampaignManagement(Campaigns campaigns, CampaignLetters letters,
			org.springframework.context.ApplicationEventPublisher events) {
		this.campaigns = campaigns;
		this.letters = letters;
		this.events = events;
	}

	private void changed(Campaign campaign) {
		events.publishEvent(new CampaignStatusChanged(campaign.getId(), campaign.getStatus()));
	}

	/**
	 * The checks that need the database: the code is unique; an open campaign is not moved to end
	 * before today (closing it is the way to stop it, with its own confirmation).
	 */
	@Transactional(readOnly = true)
	public void check(CampaignForm form, Long id, Errors errors) {
		if (form.code() != null && !errors.hasFieldErrors("code")) {
			campaigns.findByCode(form.code())
				.filter(other -> !other.getId().equals(id))
				.ifPresent(other -> errors.rejectValue("code", "campaign.code.taken"));
		}
		if (id != null && form.endsOn() != null && !errors.hasFieldErrors("endsOn")) {
			campaigns.findById(id)
				.filter(Campaign::isOpen)
				.filter(c -> !form.endsOn().equals(c.getEndsOn()) && form.endsOn().isBefore(LocalDate.now(Formats.BAKU)))
				.ifPresent(c -> errors.rejectValue("endsOn", "campaign.endsOn.past"));
		}
	}

	/**
	 * What saving the form to an open campaign would do to holds, confirmed first as when opening:
	 * a hold taken today would be cut short by the (new) end, or holds running now are due after an end
	 * moved earlier. Null when its end and hold days do not change, or nothing is cut short.
	 */
	public record HoldsCutShort(boolean newHolds, long runningPastEnd) {
	}

	/** What the form would cut short ({@link HoldsCutShort}), or null. */
	@Transactional(readOnly = true)
	public HoldsCutShort holdsCutShort(long id, CampaignForm form) {
		Campaign campaign = campaigns.findById(id).orElseThrow(NotFound::new);
		if (!campaign.isOpen() || form.endsOn() == null || form.holdDays() == null) {
			return null;
		}
		boolean changed = !form.endsOn().equals(campaign.getEndsOn()) || form.holdDays() != campaign.getHoldDays();
		if (!changed) {
			return null;
		}
		boolean newHolds = LocalDate.now(Formats.BAKU).plusDays(form.holdDays()).isAfter(form.endsOn());
		long running = form.endsOn().isBefore(campaign.getEndsOn()) ? letters.heldDueAfter(id, form.endsOn()) : 0;
		return newHolds || running > 0 ? new HoldsCutShort(newHolds, running) : null;
	}

	@Transactional
	public Campaign create(CampaignForm form) {
		Campaign campaign = new Campaign(form.code(), new Localized(form.nameAz().strip(), form.nameEn().strip(),
				form.nameRu().strip()), form.kind(), form.startsOn(), form.endsOn(), form.minAge(), form.maxAge(),
				form.ageReferenceDate(), form.holdDays(), form.donorLimit(), form.targetWishes());
		return campaigns.save(campaign);
	}

	@Transactional
	public void update(long id, CampaignForm form) {
		campaigns.findById(id).orElseThrow(NotFound::new).update(form);
	}

	/** What opening (or reopening) the campaign today would warn of. */
	@Transactional(readOnly = true)
	public OpeningCheck openingCheck(long id) {
		Campaign campaign = campaigns.findById(id).orElseThrow(NotFound::new);
		return openingCheck(campaign, campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.OPEN));
	}

	/**
	 * The planned campaigns whose opening today would warn of something: their "Open" button leads to
	 * the page that asks first, and says so with "…" as "Close…" does.
	 */
	@Transactional(readOnly = true)
	public Set<Long> openingAsksFirst(List<Campaign> list) {
		List<Campaign> open = campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.OPEN);
		return list.stream()
			.filter(c -> c.getStatus() == CampaignStatus.PLANNED)
			.filter(c -> !openingCheck(c, open).warnings().isEmpty())
			.map(Campaign::getId)
			.collect(java.util.stream.Collectors.toSet());
	}

	/** What closing the campaign would touch. */
	@Transactional(readOnly = true)
	public ClosingCheck closingCheck(long id) {
		Campaign campaign = campaigns.findById(id).orElseThrow(NotFound::new);
		return new ClosingCheck(campaign, letters.inPlay(id));
	}

	/**
	 * PLANNED → OPEN when every warning opening gives now was {@code confirmed}; else nothing changes
	 * and the step names the warnings still to confirm.
	 */
	@Transactional
	public Step open(long id, Set<OpeningWarning> confirmed) {
		Campaign campaign = lockedWithItsKind(id);
		if (campaign.getStatus() != CampaignStatus.PLANNED) {
			throw new IllegalStateException("campaign.error.notPlanned");
		}
		Step step = step(campaign, confirmed);
		if (step.done()) {
			campaign.open();
			changed(campaign);
		}
		return step;
	}

	/** OPEN → CLOSED, only with the confirmation of its page. */
	@Transactional
	public boolean close(long id, boolean confirmed) {
		Campaign campaign = campaigns.findById(id).orElseThrow(NotFound::new);
		if (campaign.getStatus() == CampaignStatus.CLOSED) {
			throw new IllegalStateException("campaign.error.closed");
		}
		if (!confirmed) {
			return false;
		}
		campaign.close();
		changed(campaign);
		return true;
	}

	/**
	 * CLOSED → OPEN by an administrator within {@link Campaign#REOPEN_WINDOW} of closing, with the same
	 * warnings as opening.
	 */
	@Transactional
	public Step reopen(long id, Set<OpeningWarning> confirmed, SignedInUser actor) {
		if (actor.role() != Role.ADMIN) {
			throw new AccessDeniedException("Only administrators reopen campaigns");
		}
		Campaign campaign = lockedWithItsKind(id);
		if (!campaign.reopenableAt(Instant.now())) {
			throw new IllegalStateException(campaign.getStatus() == CampaignStatus.CLOSED
					? "campaign.error.reopenTooLate" : "campaign.error.notClosed");
		}
		Step step = step(campaign, confirmed);
		if (step.done()) {
			campaign.reopen(Instant.now());
			changed(campaign);
		}
		return step;
	}

	/**
	 * The campaign, with every campaign of its kind locked: two people opening two campaigns of one
	 * kind at once are then told of each other's.
	 */
	private Campaign lockedWithItsKind(long id) {
		Campaign campaign = campaigns.findById(id).orElseThrow(NotFound::new);
		campaigns.lockByKind(campaign.getKind());
		return campaigns.findById(id).orElseThrow(NotFound::new);
	}

	private Step step(Campaign campaign, Set<OpeningWarning> confirmed) {
		Set<OpeningWarning> unconfirmed = EnumSet.noneOf(OpeningWarning.class);
		unconfirmed.addAll(openingCheck(campaign, campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.OPEN)).warnings());
		unconfirmed.removeAll(confirmed);
		return new Step(unconfirmed);
	}

	private static OpeningCheck openingCheck(Campaign campaign, List<Campaign> open) {
		LocalDate today = LocalDate.now(Formats.BAKU);
		List<Campaign> others = open.stream()
			.filter(c -> c.getKind() == campaign.getKind() && !c.getId().equals(campaign.getId()))
			.toList();
		return new OpeningCheck(campaign, campaign.openingWarnings(today, !others.isEmpty()), others,
				campaign.holdDueDate(today));
	}

}
