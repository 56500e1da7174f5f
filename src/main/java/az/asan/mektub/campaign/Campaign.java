package az.asan.mektub.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import az.asan.mektub.platform.i18n.Localized;

@Entity
public class Campaign {

	public enum Kind {

		YEAR_ROUND, SEASONAL

	}

	/** How long after closing an administrator may still reopen a campaign. */
	public static final Duration REOPEN_WINDOW = Duration.ofDays(30);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String nameAz;

	private String nameEn;

	private String nameRu;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private LocalDate startsOn;

	private LocalDate endsOn;

	@Enumerated(EnumType.STRING)
	private CampaignStatus status;

	private short minAge;

	private short maxAge;

	private LocalDate ageReferenceDate;

	private int holdDays;

	private int donorLimit;

	private Integer targetWishes;

	private Instant closedAt;

	private Instant createdAt;

	@Version
	private int version;

	protected Campaign() {
	}

	public Campaign(String code, Localized name, Kind kind, LocalDate startsOn, LocalDate endsOn, int minAge,
			int maxAge, LocalDate ageReferenceDate, int holdDays, int donorLimit, Integer targetWishes) {
		this.code = code;
		this.nameAz = name.az();
		this.nameEn = name.en();
		this.nameRu = name.ru();
		this.kind = kind;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.minAge = (short) minAge;
		this.maxAge = (short) maxAge;
		this.ageReferenceDate = ageReferenceDate;
		this.holdDays = holdDays;
		this.donorLimit = donorLimit;
		this.targetWishes = targetWishes;
		this.status = CampaignStatus.PLANNED;
		this.createdAt = Instant.now();
	}

	/** The child's age in whole years on the campaign's reference date. */
	public int ageOn(LocalDate birthDate) {
		return Period.between(birthDate, ageReferenceDate).getYears();
	}

	public boolean acceptsAge(int age) {
		return age >= minAge && age <= maxAge;
	}

	/** A hold runs for the campaign's hold days and never past its end. */
	public LocalDate holdDueDate(LocalDate today) {
		LocalDate due = today.plusDays(holdDays);
		return due.isAfter(endsOn) ? endsOn : due;
	}

	public boolean isOpen() {
		return status == CampaignStatus.OPEN;
	}

	/** Whether it has started by {@code today} (a campaign opened early has not). */
	public boolean startedBy(LocalDate today) {
		return !startsOn.isAfter(today);
	}

	/**
	 * The campaign running on {@code today} among {@code open} ones: started on or before today, the
	 * latest start first; when none has started yet, the one that starts soonest. The usual choice of
	 * the tree and of a new letter, so that a campaign opened early never hides the one running now.
	 */
	public static Optional<Campaign> running(List<Campaign> open, LocalDate today) {
		Optional<Campaign> started = open.stream()
			.filter(c -> c.startedBy(today))
			.max(Comparator.comparing(Campaign::getStartsOn).thenComparing(Campaign::getId));
		return started.isPresent() ? started
				: open.stream().min(Comparator.comparing(Campaign::getStartsOn).thenComparing(Campaign::getId));
	}

	/** PLANNED → OPEN: letters and adoptions start. */
	public void open() {
		if (status != CampaignStatus.PLANNED) {
			throw new IllegalStateException("campaign.error.notPlanned");
		}
		this.status = CampaignStatus.OPEN;
	}

	/** OPEN (or a plan given up) → CLOSED: no new letters or adoptions; gifts in progress finish. */
	public void close() {
		if (status == CampaignStatus.CLOSED) {
			throw new IllegalStateException("campaign.error.closed");
		}
		this.status = CampaignStatus.CLOSED;
		this.closedAt = Instant.now();
	}

	/**
	 * CLOSED → OPEN, by an administrator within {@link #REOPEN_WINDOW} of closing: a campaign closed by
	 * mistake takes letters and adoptions again, as it was (its letters never left it).
	 */
	public void reopen(Instant now) {
		if (status != CampaignStatus.CLOSED) {
			throw new IllegalStateException("campaign.error.notClosed");
		}
		if (!reopenableAt(now)) {
			throw new IllegalStateException("campaign.error.reopenTooLate");
		}
		this.status = CampaignStatus.OPEN;
		this.closedAt = null;
	}

	/** Whether an administrator may still reopen it at {@code now}. */
	public boolean reopenableAt(Instant now) {
		return status == CampaignStatus.CLOSED && closedAt != null && now.isBefore(closedAt.plus(REOPEN_WINDOW));
	}

	public boolean isReopenable() {
		return reopenableAt(Instant.now());
	}

	/** The first moment it can no longer be reopened; null unless closed. */
	public Instant reopenableUntil() {
		return closedAt == null ? null : closedAt.plus(REOPEN_WINDOW);
	}

	/**
	 * What opening it on {@code today} would do that staff should confirm first: open before its
	 * start, give holds shorter than the campaign's hold days (they never run past its end), or run
	 * beside another open campaign of its kind.
	 */
	public EnumSet<OpeningWarning> openingWarnings(LocalDate today, boolean anotherOfItsKindOpen) {
		EnumSet<OpeningWarning> warnings = EnumSet.noneOf(OpeningWarning.class);
		if (startsOn.isAfter(today)) {
			warnings.add(OpeningWarning.STARTS_LATER);
		}
		if (today.plusDays(holdDays).isAfter(endsOn)) {
			warnings.add(OpeningWarning.HOLDS_PAST_END);
		}
		if (anotherOfItsKindOpen) {
			warnings.add(OpeningWarning.ANOTHER_OPEN);
		}
		return warnings;
	}

	/** Changes what staff may change; a closed campaign keeps its figures as they were. */
	void update(CampaignForm form) {
		if (status == CampaignStatus.CLOSED) {
			throw new IllegalStateException("campaign.error.closed");
		}
		this.code = form.code();
		this.nameAz = form.nameAz().strip();
		this.nameEn = form.nameEn().strip();
		this.nameRu = form.nameRu().strip();
		this.kind = form.kind();
		this.startsOn = form.startsOn();
		this.endsOn = form.endsOn();
		this.minAge = form.minAge().shortValue();
		this.maxAge = form.maxAge().shortValue();
		this.ageReferenceDate = form.ageReferenceDate();
		this.holdDays = form.holdDays();
		this.donorLimit = form.donorLimit();
		this.targetWishes = form.targetWishes();
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public Localized getName() {
		return new Localized(nameAz, nameEn, nameRu);
	}

	public String name(Locale locale) {
		return getName().in(locale);
	}

	public Kind getKind() {
		return kind;
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public CampaignStatus getStatus() {
		return status;
	}

	public int getMinAge() {
		return minAge;
	}

	public int getMaxAge() {
		return maxAge;
	}

	public LocalDate getAgeReferenceDate() {
		return ageReferenceDate;
	}

	public int getHoldDays() {
		return holdDays;
	}

	public int getDonorLimit() {
		return donorLimit;
	}

	public Integer getTargetWishes() {
		return targetWishes;
	}

}
