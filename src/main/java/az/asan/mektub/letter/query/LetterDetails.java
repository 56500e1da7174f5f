package az.asan.mektub.letter.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import az.asan.mektub.letter.CareSetting;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.LetterStatus;

/**
 * Everything a volunteer of the letter's region may see of one letter, read in one go so that a page
 * never reaches into a lazy association after its transaction ended. {@code takenByName} is the person
 * of an organisation's team who took the letter for it (the organisation is the donor), else null.
 */
public record LetterDetails(long id, String code, String giftTagCode, long campaignId, String campaignName,
		boolean campaignClosed, int regionId, LetterStatus status, String firstName, String surname,
		LocalDate birthDate, Gender gender, CareSetting careSetting, String contact, boolean anonymised, int age,
		String originalWish, String publicWish, Category category, String sizes, BigDecimal estimatedCost,
		boolean scanShareable, String statusReason, String statusNote, Long donorId, String donorName,
		String takenByName, Instant adoptedAt, LocalDate dueDate, Long handoverPointId, Instant publishedAt, Instant giftReceivedAt,
		LocalDate fulfilledOn, String fulfilmentNote, String registeredByName, Instant createdAt, boolean hasScan,
		boolean hasPhoto, List<HistoryEntry> history) {

	/** One row of the history as people read it. */
	public record HistoryEntry(LetterStatus from, LetterStatus to, Instant at, String actorName, String actorRole,
			String noteCode, String noteText) {
	}

	public boolean can(LetterStatus target) {
		return status.canMoveTo(target);
	}

	public boolean withdrawable() {
		return status.canMoveTo(LetterStatus.WITHDRAWN);
	}

	/** Data may be corrected until the letter is on the tree. */
	public boolean editable() {
		return status == LetterStatus.RECEIVED || status == LetterStatus.INCOMPLETE;
	}

}
