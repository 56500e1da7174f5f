package az.asan.mektub.letter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.handover.DeskScope;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.CampaignSql;
import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.privacy.PersonalDataCheck;
import az.asan.mektub.letter.privacy.PrivacyWarning;
import az.asan.mektub.letter.query.LetterDetails;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.web.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The volunteers' work on letters: registering, correcting, reviewing, recording the gift and the
 * hand-over, withdrawing. Every method takes the caller's region scope and answers {@link NotFound}
 * for a letter outside it, so that no URL or crafted form reaches another region's letter; every
 * change of status is asked of the {@link Letter} itself.
 */
@Service
public class LetterManagement {

	/** A letter of the same child (name, birth date, region) already in the campaign. */
	public record Duplicate(String code, String firstName, String surname, LetterStatus status) {
	}

	private final Letters letters;

	private final Campaigns campaigns;

	private final Regions regions;

	private final HandoverPoints handoverPoints;

	private final LetterImages images;

	private final JdbcClient jdbc;

	private final Formats formats;

	LetterManagement(Letters letters, Campaigns campaigns, Regions regions, HandoverPoints handoverPoints,
			LetterImages images, JdbcClient jdbc, Formats formats) {
		this.letters = letters;
		this.campaigns = campaigns;
		this.regions = regions;
		this.handoverPoints = handoverPoints;
		this.images = images;
		this.jdbc = jdbc;
		this.formats = formats;
	}

	/**
	 * The rules a form alone cannot know: the campaign takes letters, the region is the volunteer's,
	 * the child's age fits the campaign. Errors land beside their fields; the possible duplicates
	 * are returned for the page to show (the caller decides whether they were confirmed).
	 */
	@Transactional(readOnly = true)
	public List<Duplicate> check(LetterForm form, RegionScope scope, Errors errors, String exceptCode) {
		checkRules(form, scope, errors);
		return duplicates(form, exceptCode);
	}

	/**
	 * The campaign takes letters, the region is the volunteer's and takes letters, the child's age
	 * fits the campaign: for the registration page and for each row of an import alike.
	 */
	@Transactional(readOnly = true)
	public void checkRules(LetterForm form, RegionScope scope, Errors errors) {
		checkRules(form, form.campaignId() == null ? null : campaigns.findById(form.campaignId()).orElse(null), scope,
				errors);
	}

	/** The same, for a caller that already holds the form's campaign (the import: one for every row). */
	public void checkRules(LetterForm form, Campaign campaign, RegionScope scope, Errors errors) {
		if (form.campaignId() != null) {
			if (campaign == null) {
				errors.rejectValue("campaignId", "letter.campaign.unknown");
			}
			else if (campaign.getStatus() == CampaignStatus.CLOSED) {
				errors.rejectValue("campaignId", "letter.campaign.closed");
				campaign = null;
			}
			else if (!campaign.isOpen()) {
				// letters are registered only in an open campaign: a planned one takes them once it opens
				errors.rejectValue("campaignId", "letter.campaign.notOpen");
				campaign = null;
			}
		}
		if (form.regionId() != null) {
			Optional<Region> region = regions.byId(form.regionId());
			if (region.isEmpty() || !region.get().acceptsLetters() || !scope.includes(form.regionId())) {
				errors.rejectValue("regionId", "letter.region.notYours");
			}
		}
		if (campaign != null && form.birthDate() != null && !errors.hasFieldErrors("birthDate")) {
			int age = campaign.ageOn(form.birthDate());
			if (!campaign.acceptsAge(age)) {
				errors.rejectValue("birthDate", "letter.age.outOfRange", new Object[] { age, campaign.getMinAge(),
						campaign.getMaxAge(), formats.date(campaign.getAgeReferenceDate()) }, null);
			}
		}
	}

	private List<Duplicate> duplicates(LetterForm form, String exceptCode) {
		if (form.campaignId() == null || form.regionId() == null || form.birthDate() == null
				|| form.firstName() == null || form.firstName().isBlank()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT l.code, c.first_name, c.surname, l.status FROM letter l JOIN child c ON c.id = l.child_id
				WHERE l.campaign_id = :campaign AND c.region_id = :region AND c.birth_date = :birth
				  AND az_fold(c.first_name) = az_fold(:first) AND az_fold(coalesce(c.surname, '')) = az_fold(:surname)
				  AND %s AND l.code <> :except""".formatted(LetterSql.isNot("l", LetterStatus.WITHDRAWN)))
			.param("campaign", form.campaignId())
			.param("region", form.regionId())
			.param("birth", form.birthDate())
			.param("first", form.firstName().strip())
			.param("surname", form.surname() == null ? "" : form.surname().strip())
			.param("except", exceptCode == null ? "" : exceptCode)
			.query((rs, n) -> new Duplicate(rs.getString("code"), rs.getString("first_name"), rs.getString("surname"),
					LetterStatus.valueOf(rs.getString("status"))))
			.list();
	}

	/** Registers a letter that passed {@link #check}; returns its public code. */
	@Transactional
	public String register(LetterForm form, long volunteerId, byte[] scan) {
		Campaign campaign = campaigns.findById(form.campaignId()).orElseThrow(NotFound::new);
		Letter letter = newLetter(form, campaign, volunteerId, null);
		letters.save(letter);
		if (scan != null) {
			images.store(letter.getId(), LetterImages.Kind.SCAN, scan);
		}
		return letter.getCode();
	}

	/**
	 * The letter (with its child and its first history row) a checked form describes, not yet saved:
	 * the registration page saves one, the import writes many in batches. The reason goes into the
	 * first history row (the import's is IMPORTED).
	 */
	public Letter newLetter(LetterForm form, Campaign campaign, long volunteerId, String reason) {
		Child child = new Child(form.firstName(), form.surname(), form.birthDate(), form.gender(), form.regionId(),
				form.careSetting(), blankToNull(form.contact()));
		return Letter.register(child, campaign.getId(), campaign.ageOn(form.birthDate()), form.originalWish().strip(),
				form.publicWish().strip(), form.category(), blankToNull(form.sizes()), form.estimatedCost(),
				form.shareable(), volunteerId, reason);
	}

	/** Corrects a letter not yet on the tree; one sent back as INCOMPLETE returns to review. */
	@Transactional
	public void amend(String code, RegionScope scope, LetterForm form, long volunteerId, byte[] scan) {
		Letter letter = inScope(code, scope);
		Campaign campaign = campaigns.findById(letter.getCampaignId()).orElseThrow(NotFound::new);
		letter.amend(form.firstName(), form.surname(), form.birthDate(), form.gender(), form.regionId(),
				form.careSetting(), blankToNull(form.contact()), campaign.ageOn(form.birthDate()),
				form.originalWish().strip(), form.publicWish().strip(), form.category(), blankToNull(form.sizes()),
				form.estimatedCost(), form.shareable(), volunteerId);
		if (scan != null) {
			images.store(letter.getId(), LetterImages.Kind.SCAN, scan);
		}
	}

	/**
	 * RECEIVED → PUBLISHED, after the volunteer confirmed the public text holds no personal data and
	 * the text passed the automatic check for the child's surname, phone numbers and e-mail addresses.
	 * What only may be personal (an address, a birth date, a name from the contact field, a handle,
	 * digits in words) is put before the volunteer, who publishes it as it is only by acknowledging it.
	 */
	@Transactional
	public void publish(String code, RegionScope scope, long volunteerId, String publicText, boolean confirmed,
			boolean warningsAcknowledged) {
		Letter letter = inScope(code, scope);
		// a campaign closed since the letter came in puts no more letters on the tree (its closing page says so)
		if (campaigns.findById(letter.getCampaignId()).filter(Campaign::isOpen).isEmpty()) {
			throw new LetterTransitionException("letter.publish.campaignNotOpen");
		}
		if (!confirmed) {
			throw new LetterTransitionException("letter.publish.confirmRequired");
		}
		List<String> findings = PersonalDataCheck.findings(publicText, letter.getChild().getSurname(),
				letter.getChild().getContact());
		if (!findings.isEmpty()) {
			throw new LetterTransitionException(findings.get(0));
		}
		List<String> warnings = PersonalDataCheck.warnings(publicText, letter.getChild().getFirstName(),
				letter.getChild().getContact());
		if (!warnings.isEmpty() && !warningsAcknowledged) {
			throw new PrivacyWarning(warnings);
		}
		letter.publish(volunteerId, publicText);
	}

	@Transactional
	public void markIncomplete(String code, RegionScope scope, long volunteerId, IncompleteReason reason,
			String note) {
		if (reason == null) {
			throw new LetterTransitionException("letter.incomplete.reasonRequired");
		}
		inScope(code, scope).markIncomplete(volunteerId, reason, blankToNull(note));
	}

	@Transactional
	public void receiveGift(String code, RegionScope scope, long volunteerId, String tagCode, Long handoverPointId) {
		Letter letter = inScope(code, scope);
		if (handoverPointId == null || handoverPoints.byId(handoverPointId).isEmpty()) {
			throw new LetterTransitionException("letter.gift.handoverPointRequired");
		}
		letter.receiveGift(volunteerId, tagCode, handoverPointId);
	}

	/**
	 * The gift is in at a centre's desk (issue 22): the letter is the desk's when the donor chose one of
	 * the person's centres or the child is of their regions; the centre must be one of their desk's.
	 */
	@Transactional
	public void receiveGiftAtDesk(String code, DeskScope desk, long volunteerId, String tagCode, Long handoverPointId) {
		// a gift whose donor chose no centre is received at any centre's desk (the tag code is checked below)
		Letter letter = letters.findByCode(code)
			.filter(l -> desk.covers(l.getRegionId(), l.getHandoverPointId()) || desk.takesUnplaced(l.getHandoverPointId()))
			.orElseThrow(NotFound::new);
		if (handoverPointId == null || handoverPoints.atDesk(desk).stream().noneMatch(p -> p.id() == handoverPointId)) {
			throw new LetterTransitionException("letter.gift.handoverPointRequired");
		}
		letter.receiveGift(volunteerId, tagCode, handoverPointId);
	}

	/** The donor brings the gift to another centre: where it is expected changes, in the letter's history. */
	@Transactional
	public void moveToHandoverPoint(String code, DeskScope desk, long volunteerId, Long handoverPointId, String note) {
		Letter letter = atDesk(code, desk);
		if (handoverPointId == null || handoverPoints.accepting().stream().noneMatch(p -> p.id() == handoverPointId)) {
			throw new LetterTransitionException("handoverDesk.move.pointRequired");
		}
		String typed = blankToNull(note);
		letter.moveToHandoverPoint(volunteerId, handoverPointId, typed == null ? null
				: typed.substring(0, Math.min(typed.length(), 500)));
		// the letter registered GiftMovedToCentre; saveChanges publishes it
		letters.saveChanges(letter);
	}

	private Letter atDesk(String code, DeskScope desk) {
		return letters.findByCode(code)
			.filter(l -> desk.covers(l.getRegionId(), l.getHandoverPointId()))
			.orElseThrow(NotFound::new);
	}

	@Transactional
	public void fulfil(String code, RegionScope scope, long volunteerId, LocalDate handedOn, String note,
			byte[] photo) {
		Letter letter = inScope(code, scope);
		if (handedOn == null) {
			throw new LetterTransitionException("letter.fulfil.dateRequired");
		}
		letter.fulfil(volunteerId, handedOn, blankToNull(note));
		if (photo != null) {
			images.store(letter.getId(), LetterImages.Kind.GIFT_PHOTO, photo);
		}
		// The letter registered LetterFulfilled; saveChanges publishes it.
		letters.saveChanges(letter);
	}

	/**
	 * Any state before the gift is in → WITHDRAWN. A letter someone holds (a donor online, or a walk-in
	 * donor at a centre) is withdrawn only once the volunteer confirmed they know: its donor may have
	 * bought the gift. An online donor is told ({@link HeldLetterWithdrawn}).
	 */
	@Transactional
	public void withdraw(String code, RegionScope scope, long volunteerId, WithdrawReason reason, String note,
			boolean heldConfirmed) {
		if (reason == null) {
			throw new LetterTransitionException("letter.withdraw.reasonRequired");
		}
		Letter letter = inScope(code, scope);
		if (letter.getStatus().isTaken() && !heldConfirmed) {
			throw new LetterTransitionException("letter.withdraw.heldConfirmRequired");
		}
		letter.withdraw(volunteerId, reason, blankToNull(note));
		// The letter may have registered HeldLetterWithdrawn; saveChanges publishes it.
		letters.saveChanges(letter);
	}

	/** ADOPTED past its due date → PUBLISHED, by a volunteer; the donor is told (see {@link HoldReleased}). */
	@Transactional
	public void releaseOverdueHold(String code, RegionScope scope, long volunteerId) {
		Letter letter = inScope(code, scope);
		letter.releaseExpiredHold(LocalDate.now(Formats.BAKU), volunteerId);
		// The letter registered HoldReleased; saveChanges publishes it.
		letters.saveChanges(letter);
	}

	/** The image of a letter in scope, or nothing. */
	@Transactional(readOnly = true)
	public Optional<byte[]> image(String code, RegionScope scope, LetterImages.Kind kind) {
		return images.read(inScope(code, scope).getId(), kind);
	}

	@Transactional(readOnly = true)
	public Optional<LetterDetails> details(String code, RegionScope scope, java.util.Locale locale) {
		Optional<LetterDetails> found = jdbc.sql("""
				SELECT %s, l.original_wish, l.sizes, l.fulfilment_note,
				       ch.surname, ch.birth_date, ch.care_setting, ch.contact, ch.anonymised_at IS NOT NULL AS anonymised,
				       CASE :lang WHEN 'en' THEN c.name_en WHEN 'ru' THEN c.name_ru ELSE c.name_az END AS campaign_name, %s AS campaign_closed,
				       d.full_name AS donor_name, t.full_name AS taken_by_name, r.full_name AS registered_by_name,
				       EXISTS (SELECT 1 FROM letter_image i WHERE i.letter_id = l.id AND i.kind = 'SCAN') AS has_scan,
				       EXISTS (SELECT 1 FROM letter_image i WHERE i.letter_id = l.id AND i.kind = 'GIFT_PHOTO') AS has_photo
				FROM letter l
				JOIN child ch ON ch.id = l.child_id
				JOIN campaign c ON c.id = l.campaign_id
				LEFT JOIN app_user d ON d.id = l.donor_id
				LEFT JOIN app_user t ON t.id = l.taken_by AND l.donor_id IS NOT NULL
				LEFT JOIN app_user r ON r.id = l.registered_by
				WHERE l.code = :code AND %s""".formatted(LetterRow.columns("l"), CampaignSql.isClosed("c"),
				LetterSql.inScope("l")))
			.param("code", code)
			.param(LetterSql.REGIONS, LetterSql.regions(scope))
			.param("lang", locale.getLanguage())
			.query(LetterRow.mapper((row, rs) -> details(row, rs)))
			.optional();
		return found.map(letter -> withHistory(letter, history(letter.id())));
	}

	private List<LetterDetails.HistoryEntry> history(long letterId) {
		return jdbc.sql("""
				SELECT h.from_status, h.to_status, h.changed_at, h.reason, h.note_text, u.full_name, u.role
				FROM letter_status_change h LEFT JOIN app_user u ON u.id = h.changed_by
				WHERE h.letter_id = ? ORDER BY h.changed_at, h.id""")
			.param(letterId)
			.query((rs, n) -> {
				String from = rs.getString("from_status");
				return new LetterDetails.HistoryEntry(from == null ? null : LetterStatus.valueOf(from),
						LetterStatus.valueOf(rs.getString("to_status")), rs.getTimestamp("changed_at").toInstant(),
						rs.getString("full_name"), rs.getString("role"), rs.getString("reason"),
						rs.getString("note_text"));
			})
			.list();
	}

	/** The letter row, with the free texts only its page shows and what the statement joins to it. */
	private static LetterDetails details(LetterRow row, ResultSet rs) throws SQLException {
		return new LetterDetails(row.id(), row.code(), row.giftTagCode(), row.campaignId(),
				rs.getString("campaign_name"), rs.getBoolean("campaign_closed"), row.regionId(), row.status(),
				row.firstName(), rs.getString("surname"), rs.getObject("birth_date", LocalDate.class), row.gender(),
				CareSetting.valueOf(rs.getString("care_setting")), rs.getString("contact"), rs.getBoolean("anonymised"),
				row.age(), rs.getString("original_wish"), row.publicWish(), row.category(), rs.getString("sizes"),
				row.estimatedCost(), row.scanShareable(), row.statusReason(), row.statusNote(), row.donorId(),
				rs.getString("donor_name"), rs.getString("taken_by_name"), row.adoptedAt(), row.dueDate(),
				row.handoverPointId(), row.publishedAt(), row.giftReceivedAt(), row.fulfilledOn(),
				rs.getString("fulfilment_note"), rs.getString("registered_by_name"), row.createdAt(),
				rs.getBoolean("has_scan"), rs.getBoolean("has_photo"), List.of());
	}

	private static LetterDetails withHistory(LetterDetails l, List<LetterDetails.HistoryEntry> history) {
		return new LetterDetails(l.id(), l.code(), l.giftTagCode(), l.campaignId(), l.campaignName(),
				l.campaignClosed(), l.regionId(), l.status(), l.firstName(), l.surname(), l.birthDate(), l.gender(),
				l.careSetting(), l.contact(), l.anonymised(), l.age(), l.originalWish(), l.publicWish(), l.category(),
				l.sizes(), l.estimatedCost(), l.scanShareable(), l.statusReason(), l.statusNote(), l.donorId(),
				l.donorName(), l.takenByName(), l.adoptedAt(), l.dueDate(), l.handoverPointId(), l.publishedAt(), l.giftReceivedAt(),
				l.fulfilledOn(), l.fulfilmentNote(), l.registeredByName(), l.createdAt(), l.hasScan(), l.hasPhoto(),
				history);
	}

	private Letter inScope(String code, RegionScope scope) {
		return letters.findByCode(code).filter(l -> scope.includes(l.getRegionId())).orElseThrow(NotFound::new);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
