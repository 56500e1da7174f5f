package az.asan.mektub;

import java.math.BigDecimal;
import java.time.LocalDate;

import az.asan.mektub.letter.CareSetting;
import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.Child;
import az.asan.mektub.letter.Gender;
import az.asan.mektub.letter.Letter;
import az.asan.mektub.letter.LetterMoves;
import az.asan.mektub.letter.Letters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Letters for tests, written through the aggregate like the application writes them. */
public final class TestLetters {

	private final Letters letters;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	public TestLetters(Letters letters, TransactionTemplate tx, JdbcClient jdbc) {
		this.letters = letters;
		this.tx = tx;
		this.jdbc = jdbc;
	}

	public record Spec(String firstName, String surname, LocalDate birthDate, Gender gender, String regionCode,
			int age, String wish, Category category, BigDecimal cost, String contact) {

		public static Spec of(String firstName, int age) {
			return new Spec(firstName, "Testov", LocalDate.now().minusYears(age).minusDays(10), Gender.F, "AZ-GA", age,
					"Rəngli kitab", Category.BOOKS, new BigDecimal("20.00"), "+994 50 999 88 77");
		}

		public Spec region(String code) {
			return new Spec(firstName, surname, birthDate, gender, code, age, wish, category, cost, contact);
		}

		public Spec wish(String text, Category category) {
			return new Spec(firstName, surname, birthDate, gender, regionCode, age, text, category, cost, contact);
		}

		public Spec gender(Gender gender) {
			return new Spec(firstName, surname, birthDate, gender, regionCode, age, wish, category, cost, contact);
		}

		public Spec cost(String cost) {
			return new Spec(firstName, surname, birthDate, gender, regionCode, age, wish, category, new BigDecimal(cost),
					contact);
		}

		public Spec privately(String surname, LocalDate birthDate, String contact) {
			return new Spec(firstName, surname, birthDate, gender, regionCode, age, wish, category, cost, contact);
		}

	}

	/**
	 * Walks a published letter on to the given status along allowed moves (donor: any demo donor);
	 * FULFILLED letters are handed over {@code days} days after adoption.
	 */
	public void moveTo(String code, az.asan.mektub.letter.LetterStatus target, long donorId) {
		tx.executeWithoutResult(status -> {
			Letter letter = letters.findByCode(code).orElseThrow();
			switch (target) {
				case PUBLISHED -> {
				}
				case WITHDRAWN -> LetterMoves.withdraw(letter, 1L, az.asan.mektub.letter.WithdrawReason.DUPLICATE);
				case ADOPTED -> LetterMoves.adopt(letter, donorId, LocalDate.now().plusDays(7));
				case GIFT_RECEIVED -> {
					LetterMoves.adopt(letter, donorId, LocalDate.now().plusDays(7));
					LetterMoves.receiveGift(letter, 1L, letter.getGiftTagCode(), 1L);
				}
				case FULFILLED -> {
					LetterMoves.adopt(letter, donorId, LocalDate.now().plusDays(7));
					LetterMoves.receiveGift(letter, 1L, letter.getGiftTagCode(), 1L);
					LetterMoves.fulfil(letter, 1L, LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU));
				}
				default -> throw new IllegalArgumentException(target.name());
			}
		});
	}

	/** A letter on the tree of the campaign; returns its public code. */
	public String published(long campaignId, Spec spec) {
		int region = jdbc.sql("SELECT id FROM region WHERE code = ?").param(spec.regionCode()).query(Integer.class).single();
		return tx.execute(status -> {
			Child child = new Child(spec.firstName(), spec.surname(), spec.birthDate(), spec.gender(), region,
					CareSetting.CHILDREN_HOME, spec.contact());
			Letter letter = Letter.register(child, campaignId, spec.age(), spec.wish() + " (" + spec.surname() + ")",
					spec.wish(), spec.category(), null, spec.cost(), false, 1L);
			LetterMoves.publish(letter, 1L, spec.wish());
			return letters.save(letter).getCode();
		});
	}

}
