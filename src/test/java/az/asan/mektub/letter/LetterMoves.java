package az.asan.mektub.letter;

import java.time.LocalDate;

/**
 * For test set-up outside this package: the letter's transitions, which the application reaches only
 * through {@link LetterManagement} and {@link LetterHolds}.
 */
public final class LetterMoves {

	private LetterMoves() {
	}

	public static void publish(Letter letter, long volunteerId, String publicWish) {
		letter.publish(volunteerId, publicWish);
	}

	public static void adopt(Letter letter, long donorId, LocalDate dueDate) {
		letter.adopt(donorId, dueDate, null);
	}

	public static void receiveGift(Letter letter, long volunteerId, String tagCode, long handoverPointId) {
		letter.receiveGift(volunteerId, tagCode, handoverPointId);
	}

	public static void fulfil(Letter letter, long volunteerId, LocalDate handedOn) {
		letter.fulfil(volunteerId, handedOn, null);
	}

	public static void withdraw(Letter letter, long volunteerId, WithdrawReason reason) {
		letter.withdraw(volunteerId, reason, null);
	}

}
