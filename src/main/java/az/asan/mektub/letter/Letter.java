package az.asan.mektub.letter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import az.asan.mektub.platform.i18n.Formats;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A child's wish letter and the only place that changes its status. Each transition checks the
 * current state against {@link LetterStatus}, checks its own preconditions, and writes the history
 * row; a refused transition throws {@link LetterTransitionException} before anything is changed.
 * The version column makes two concurrent changes of one letter collide instead of both winning.
 * <p>
 * The transitions are reachable from this package only: other code asks {@link LetterManagement} or
 * {@link LetterHolds}. The letter registers its own events ({@link LetterFulfilled},
 * {@link HoldReleased}); Spring Data publishes them at {@link Letters#saveChanges}.
 */
@Entity
@jakarta.persistence.EntityListeners(LetterChanges.class)
public class Letter extends AbstractAggregateRoot<Letter> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String giftTagCode;

	private Long campaignId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false, cascade = CascadeType.PERSIST)
	@JoinColumn(name = "child_id")
	private Child child;

	private Integer regionId;

	private String firstName;

	private short age;

	@Enumerated(EnumType.STRING)
	private Gender gender;

	@Enumerated(EnumType.STRING)
	private LetterStatus status;

	private String originalWish;

	private String publicWish;

	@Enumerated(EnumType.STRING)
	private Category category;

	private String sizes;

	private BigDecimal estimatedCost;

	private boolean scanShareable;

	private String statusReason;

	private String statusNote;

	private Long donorId;

	private Instant adoptedAt;

	private LocalDate dueDate;

	private Long handoverPointId;

	private Instant publishedAt;

	private Instant giftReceivedAt;

	private LocalDate fulfilledOn;

	private String fulfilmentNote;

	private Long registeredBy;

	private boolean walkIn;

	private String walkInName;

	private String walkInPhone;

	private Long walkInPointId;

	private Long walkInBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private int version;

	@OneToMany(mappedBy = "letter", cascade = CascadeType.PERSIST)
	@OrderBy("changedAt, id")
	private List<LetterStatusChange> history = new ArrayList<>();

	protected Letter() {
	}

	/** A letter as a volunteer registers it: private, waiting for review. */
	public static Letter register(Child child, long campaignId, int age, String originalWish, String publicWish,
			Category category, String sizes, BigDecimal estimatedCost, boolean scanShareable, long volunteerId) {
		return register(child, campaignId, age, originalWish, publicWish, category, sizes, estimatedCost, scanShareable,
				volunteerId, null);
	}

	/** The same, saying in its first history row how it came (IMPORTED from a file). */
	public static Letter register(Child child, long campaignId, int age, String originalWish, String publicWish,
			Category category, String sizes, BigDecimal estimatedCost, boolean scanShareable, long volunteerId,
			String reason) {
		Letter letter = new Letter();
		letter.code = LetterCodes.publicCode();
		letter.giftTagCode = LetterCodes.giftTagCode();
		letter.child = child;
		letter.campaignId = campaignId;
		letter.regionId = child.getRegionId();
		letter.firstName = child.getFirstName();
		letter.gender = child.getGender();
		letter.age = (short) age;
		letter.originalWish = originalWish;
		letter.publicWish = publicWish;
		letter.category = category;
		letter.sizes = sizes;
		letter.estimatedCost = estimatedCost;
		letter.scanShareable = scanShareable;
		letter.registeredBy = volunteerId;
		letter.createdAt = Instant.now();
		letter.status = LetterStatus.RECEIVED;
		letter.record(null, LetterStatus.RECEIVED, volunteerId, reason, null);
		return letter;
	}

	/**
	 * Corrects what was registered, while the letter is not yet public. A letter sent back as
	 * INCOMPLETE goes back to RECEIVED with it: fixed, it waits for review again.
	 */
	void amend(String firstName, String surname, LocalDate birthDate, Gender gender, int regionId,
			CareSetting careSetting, String contact, int age, String originalWish, String publicWish,
			Category category, String sizes, BigDecimal estimatedCost, boolean scanShareable, long volunteerId) {
		if (status != LetterStatus.RECEIVED && status != LetterStatus.INCOMPLETE) {
			throw new LetterTransitionException("letter.error.notEditable");
		}
		child.amend(firstName, surname, birthDate, gender, regionId, careSetting, contact);
		this.regionId = regionId;
		this.firstName = child.getFirstName();
		this.gender = gender;
		this.age = (short) age;
		this.originalWish = originalWish;
		this.publicWish = publicWish;
		this.category = category;
		this.sizes = sizes;
		this.estimatedCost = estimatedCost;
		this.scanShareable = scanShareable;
		if (status == LetterStatus.INCOMPLETE) {
			resubmit(volunteerId, "AMENDED", null);
		}
		else {
			record(status, status, volunteerId, "AMENDED", null);
		}
	}

	/** RECEIVED → PUBLISHED: a volunteer confirmed the public text holds no personal data. */
	void publish(long volunteerId, String reviewedPublicWish) {
		require(EnumSet.of(LetterStatus.RECEIVED), LetterStatus.PUBLISHED);
		if (reviewedPublicWish == null || reviewedPublicWish.isBlank()) {
			throw new LetterTransitionException("letter.error.publicWishRequired");
		}
		this.publicWish = reviewedPublicWish.trim();
		this.publishedAt = Instant.now();
		move(LetterStatus.PUBLISHED, volunteerId, null, null);
	}

	/** RECEIVED → INCOMPLETE: sent back with a reason the registering volunteer sees. */
	void markIncomplete(long volunteerId, IncompleteReason reason, String note) {
		require(EnumSet.of(LetterStatus.RECEIVED), LetterStatus.INCOMPLETE);
		Objects.requireNonNull(reason, "reason");
		this.statusReason = reason.name();
		this.statusNote = note;
		move(LetterStatus.INCOMPLETE, volunteerId, reason.name(), blankToNull(note));
	}

	/** INCOMPLETE → RECEIVED: fixed, ready for review again. */
	void resubmit(long volunteerId, String note) {
		resubmit(volunteerId, null, blankToNull(note));
	}

	private void resubmit(long volunteerId, String reason, String note) {
		require(EnumSet.of(LetterStatus.INCOMPLETE), LetterStatus.RECEIVED);
		this.statusReason = null;
		this.statusNote = null;
		move(LetterStatus.RECEIVED, volunteerId, reason, note);
	}

	/**
	 * PUBLISHED → ADOPTED: one donor holds the letter until the due date. Every adoption gets a gift
	 * tag code of its own, so a gift of an earlier, released hold is not taken for this one.
	 */
	void adopt(long donorId, LocalDate dueDate, Long handoverPointId) {
		require(EnumSet.of(Adoption.FROM), Adoption.TO);
		Adoption adoption = Adoption.by(donorId, dueDate);
		this.donorId = donorId;
		this.giftTagCode = adoption.giftTagCode();
		this.adoptedAt = adoption.at();
		this.dueDate = dueDate;
		this.handoverPointId = handoverPointId;
		move(Adoption.TO, donorId, null, null);
	}

	/**
	 * A donor's adoption as values: the edge PUBLISHED → ADOPTED and what it sets (the donor, a new gift
	 * tag code, when, until when; no hand-over point yet; a history row by the donor, without reason).
	 * {@link #adopt} applies it to a loaded letter; {@link LetterHolds#adoptIfAvailable} writes it in
	 * one statement guarded by the status, so a press loads and locks nothing first.
	 */
	record Adoption(long donorId, String giftTagCode, Instant at, LocalDate dueDate) {

		static final LetterStatus FROM = LetterStatus.PUBLISHED;

		static final LetterStatus TO = LetterStatus.ADOPTED;

		static Adoption by(long donorId, LocalDate dueDate) {
			Objects.requireNonNull(dueDate, "dueDate");
			if (!FROM.canMoveTo(TO)) {
				throw new LetterTransitionException("letter.error.transition", FROM, TO, "other");
			}
			return new Adoption(donorId, LetterCodes.giftTagCode(), Instant.now(), dueDate);
		}

	}

	/**
	 * PUBLISHED → ADOPTED at a service centre's desk: a citizen took the letter's tag off the paper
	 * tree; the volunteer records who (name and phone, for volunteers' eyes only) and where.
	 */
	void adoptWalkIn(long volunteerId, String donorName, String donorPhone, long handoverPointId,
			LocalDate dueDate) {
		require(EnumSet.of(LetterStatus.PUBLISHED), LetterStatus.ADOPTED);
		Objects.requireNonNull(dueDate, "dueDate");
		this.donorId = null;
		this.walkIn = true;
		this.walkInName = donorName.strip();
		this.walkInPhone = donorPhone.strip();
		this.walkInPointId = handoverPointId;
		this.walkInBy = volunteerId;
		this.giftTagCode = LetterCodes.giftTagCode();
		this.adoptedAt = Instant.now();
		this.dueDate = dueDate;
		this.handoverPointId = handoverPointId;
		move(LetterStatus.ADOPTED, volunteerId, "WALK_IN", null);
	}

	/** The donor says where they will hand the gift in; only while they hold the letter. */
	void chooseHandoverPoint(long donorId, long handoverPointId) {
		if (status != LetterStatus.ADOPTED || !Objects.equals(this.donorId, donorId)) {
			throw new LetterTransitionException("letter.error.notYourAdoption");
		}
		this.handoverPointId = handoverPointId;
		this.updatedAt = Instant.now();
	}

	/**
	 * The gift will come in at another centre (the donor brings it elsewhere): recorded by a
	 * volunteer or staff in the letter's history, only while the letter waits for its gift.
	 */
	void moveToHandoverPoint(long volunteerId, long handoverPointId, String note) {
		if (status != LetterStatus.ADOPTED) {
			throw new LetterTransitionException("handoverDesk.move.notWaiting");
		}
		if (Objects.equals(this.handoverPointId, handoverPointId)) {
			throw new LetterTransitionException("handoverDesk.move.same");
		}
		this.handoverPointId = handoverPointId;
		record(status, status, volunteerId, "MOVED_TO_CENTRE", blankToNull(note)).setHandoverPointId(handoverPointId);
		if (donorId != null) {
			registerEvent(new GiftMovedToCentre(id, code, donorId, handoverPointId));
		}
	}

	/** ADOPTED → PUBLISHED: the donor gives the letter back to the tree. */
	void cancelAdoption(long donorId) {
		require(EnumSet.of(LetterStatus.ADOPTED), LetterStatus.PUBLISHED);
		if (!Objects.equals(this.donorId, donorId)) {
			throw new LetterTransitionException("letter.error.notYourAdoption");
		}
		release(donorId, "CANCELLED_BY_DONOR");
	}

	/** ADOPTED → PUBLISHED: the hold ran past its due date; the system releases it. */
	void releaseExpiredHold(LocalDate today) {
		releaseExpiredHold(today, null);
	}

	/** The same, done by a volunteer who saw the hold in the forgotten list before the job did. */
	void releaseExpiredHold(LocalDate today, Long volunteerId) {
		require(EnumSet.of(LetterStatus.ADOPTED), LetterStatus.PUBLISHED);
		if (dueDate == null || !today.isAfter(dueDate)) {
			throw new LetterTransitionException("letter.error.holdNotExpired");
		}
		registerEvent(new HoldReleased(id, code, donorId, dueDate));
		release(volunteerId, "HOLD_EXPIRED");
	}

	/** ADOPTED → GIFT_RECEIVED: the gift is in, checked against the letter's tag code. */
	void receiveGift(long volunteerId, String typedTagCode, long handoverPointId) {
		require(EnumSet.of(LetterStatus.ADOPTED), LetterStatus.GIFT_RECEIVED);
		if (!giftTagCode.equals(LetterCodes.normaliseTag(typedTagCode))) {
			throw new LetterTransitionException("letter.error.tagMismatch");
		}
		this.handoverPointId = handoverPointId;
		this.giftReceivedAt = Instant.now();
		move(LetterStatus.GIFT_RECEIVED, volunteerId, null, null);
	}

	/** GIFT_RECEIVED → FULFILLED: the child has the gift. Terminal. */
	void fulfil(long volunteerId, LocalDate handedOn, String note) {
		require(EnumSet.of(LetterStatus.GIFT_RECEIVED), LetterStatus.FULFILLED);
		Objects.requireNonNull(handedOn, "handedOn");
		// Dates are Baku's: a letter adopted late in the evening (UTC) was adopted "tomorrow" there.
		if (handedOn.isAfter(LocalDate.now(Formats.BAKU))) {
			throw new LetterTransitionException("letter.error.fulfilledInFuture");
		}
		if (adoptedAt != null && handedOn.isBefore(adoptedAt.atZone(Formats.BAKU).toLocalDate())) {
			throw new LetterTransitionException("letter.error.fulfilledBeforeAdoption");
		}
		this.fulfilledOn = handedOn;
		this.fulfilmentNote = note;
		move(LetterStatus.FULFILLED, volunteerId, null, blankToNull(note));
		registerEvent(new LetterFulfilled(id, code, donorId));
	}

	/**
	 * Any state before GIFT_RECEIVED → WITHDRAWN, with a reason. Terminal. A letter a donor holds keeps
	 * its donor (their history shows it) and registers {@link HeldLetterWithdrawn}, so they are told.
	 */
	void withdraw(long volunteerId, WithdrawReason reason, String note) {
		require(EnumSet.of(LetterStatus.RECEIVED, LetterStatus.INCOMPLETE, LetterStatus.PUBLISHED, LetterStatus.ADOPTED),
				LetterStatus.WITHDRAWN);
		Objects.requireNonNull(reason, "reason");
		if (status == LetterStatus.ADOPTED && donorId != null) {
			registerEvent(new HeldLetterWithdrawn(id, code, donorId, firstName, reason));
		}
		this.statusReason = reason.name();
		this.statusNote = note;
		move(LetterStatus.WITHDRAWN, volunteerId, reason.name(), blankToNull(note));
	}

	private void release(Long actor, String reason) {
		if (donorId != null) {
			registerEvent(new HoldEnded(id, donorId));
		}
		this.donorId = null;
		this.walkIn = false;
		this.walkInName = null;
		this.walkInPhone = null;
		this.walkInPointId = null;
		this.walkInBy = null;
		this.adoptedAt = null;
		this.dueDate = null;
		this.handoverPointId = null;
		move(LetterStatus.PUBLISHED, actor, reason, null);
	}

	/**
	 * A transition is one named edge of the lifecycle: it starts from the given states only, and the
	 * table in {@link LetterStatus} must allow it too.
	 */
	private void require(Set<LetterStatus> sources, LetterStatus target) {
		if (!sources.contains(status) || !status.canMoveTo(target)) {
			// The third argument lets the message say "already …" in plain words when a step is asked
			// twice (a double tap, a second volunteer): "cannot move from X to X" reads like a fault.
			throw new LetterTransitionException("letter.error.transition", status, target,
					status == target ? "same" : "other");
		}
	}

	private void move(LetterStatus target, Long actor, String reason, String note) {
		LetterStatus from = this.status;
		this.status = target;
		record(from, target, actor, reason, note);
	}

	/** A history row: the reason is a code (shown in the reader's language), the note what a person typed. */
	private LetterStatusChange record(LetterStatus from, LetterStatus to, Long actor, String reason, String note) {
		Instant now = Instant.now();
		this.updatedAt = now;
		LetterStatusChange change = new LetterStatusChange(this, from, to, actor, now, reason, note);
		history.add(change);
		return change;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public boolean isWalkIn() {
		return walkIn;
	}

	public String getWalkInName() {
		return walkInName;
	}

	public String getWalkInPhone() {
		return walkInPhone;
	}

	public String getGiftTagCode() {
		return giftTagCode;
	}

	public Long getCampaignId() {
		return campaignId;
	}

	public Child getChild() {
		return child;
	}

	public Integer getRegionId() {
		return regionId;
	}

	public String getFirstName() {
		return firstName;
	}

	public int getAge() {
		return age;
	}

	public Gender getGender() {
		return gender;
	}

	public LetterStatus getStatus() {
		return status;
	}

	public String getOriginalWish() {
		return originalWish;
	}

	public String getPublicWish() {
		return publicWish;
	}

	public Category getCategory() {
		return category;
	}

	public String getSizes() {
		return sizes;
	}

	public BigDecimal getEstimatedCost() {
		return estimatedCost;
	}

	public boolean isScanShareable() {
		return scanShareable;
	}

	public String getStatusReason() {
		return statusReason;
	}

	public String getStatusNote() {
		return statusNote;
	}

	public Long getDonorId() {
		return donorId;
	}

	public Instant getAdoptedAt() {
		return adoptedAt;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public Long getHandoverPointId() {
		return handoverPointId;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public Instant getGiftReceivedAt() {
		return giftReceivedAt;
	}

	public LocalDate getFulfilledOn() {
		return fulfilledOn;
	}

	public String getFulfilmentNote() {
		return fulfilmentNote;
	}

	public Long getRegisteredBy() {
		return registeredBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public List<LetterStatusChange> getHistory() {
		return Collections.unmodifiableList(history);
	}

}
