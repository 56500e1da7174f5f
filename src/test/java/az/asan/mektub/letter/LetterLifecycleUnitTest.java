package az.asan.mektub.letter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterLifecycleUnitTest {

	static final long VOLUNTEER = 7;

	static final long DONOR = 42;

	static Letter received() {
		Child child = new Child("Aysel", "Məmmədova", LocalDate.of(2016, 5, 1), Gender.F, 9, CareSetting.FAMILY,
				"+994 50 000 00 00");
		return Letter.register(child, 1, 9, "Gitara istəyirəm", "Gitara", Category.MUSIC, null,
				new BigDecimal("80.00"), false, VOLUNTEER);
	}

	/** Brings a fresh letter into the given state along allowed moves only. */
	static Letter in(LetterStatus status) {
		Letter letter = received();
		switch (status) {
			case RECEIVED -> {
			}
			case INCOMPLETE -> letter.markIncomplete(VOLUNTEER, IncompleteReason.MISSING_CONSENT, null);
			case PUBLISHED -> letter.publish(VOLUNTEER, "Gitara");
			case ADOPTED -> {
				letter.publish(VOLUNTEER, "Gitara");
				letter.adopt(DONOR, LocalDate.now().plusDays(14), null);
			}
			case GIFT_RECEIVED -> {
				letter.publish(VOLUNTEER, "Gitara");
				letter.adopt(DONOR, LocalDate.now().plusDays(14), null);
				letter.receiveGift(VOLUNTEER, letter.getGiftTagCode(), 1);
			}
			case FULFILLED -> {
				letter.publish(VOLUNTEER, "Gitara");
				letter.adopt(DONOR, LocalDate.now().plusDays(14), null);
				letter.receiveGift(VOLUNTEER, letter.getGiftTagCode(), 1);
				letter.fulfil(VOLUNTEER, LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU), "Çox sevindi");
			}
			case WITHDRAWN -> letter.withdraw(VOLUNTEER, WithdrawReason.DUPLICATE, null);
		}
		assertThat(letter.getStatus()).isEqualTo(status);
		return letter;
	}

	/** Every transition the aggregate offers, as the move it makes. */
	record Move(String name, Set<LetterStatus> sources, LetterStatus target, Consumer<Letter> action) {

		@Override
		public String toString() {
			return name;
		}

	}

	static final List<Move> MOVES = List.of(
			new Move("publish", EnumSet.of(LetterStatus.RECEIVED), LetterStatus.PUBLISHED, l -> l.publish(VOLUNTEER, "Gitara")),
			new Move("markIncomplete", EnumSet.of(LetterStatus.RECEIVED), LetterStatus.INCOMPLETE,
					l -> l.markIncomplete(VOLUNTEER, IncompleteReason.UNREADABLE, "blurred")),
			new Move("resubmit", EnumSet.of(LetterStatus.INCOMPLETE), LetterStatus.RECEIVED, l -> l.resubmit(VOLUNTEER, "consent added")),
			new Move("adopt", EnumSet.of(LetterStatus.PUBLISHED), LetterStatus.ADOPTED, l -> l.adopt(DONOR, LocalDate.now().plusDays(14), null)),
			new Move("cancelAdoption", EnumSet.of(LetterStatus.ADOPTED), LetterStatus.PUBLISHED, l -> l.cancelAdoption(DONOR)),
			new Move("releaseExpiredHold", EnumSet.of(LetterStatus.ADOPTED), LetterStatus.PUBLISHED,
					l -> l.releaseExpiredHold(LocalDate.now().plusDays(30))),
			new Move("receiveGift", EnumSet.of(LetterStatus.ADOPTED), LetterStatus.GIFT_RECEIVED, l -> l.receiveGift(VOLUNTEER, l.getGiftTagCode(), 1)),
			new Move("fulfil", EnumSet.of(LetterStatus.GIFT_RECEIVED), LetterStatus.FULFILLED, l -> l.fulfil(VOLUNTEER, LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU), null)),
			new Move("withdraw",
					EnumSet.of(LetterStatus.RECEIVED, LetterStatus.INCOMPLETE, LetterStatus.PUBLISHED, LetterStatus.ADOPTED),
					LetterStatus.WITHDRAWN,
					l -> l.withdraw(VOLUNTEER, WithdrawReason.NO_LONGER_ELIGIBLE, null)));

	static Stream<Arguments> everyMoveFromEveryState() {
		return Stream.of(LetterStatus.values())
			.flatMap(from -> MOVES.stream().map(move -> Arguments.of(from, move)));
	}

	@ParameterizedTest(name = "{1} from {0}")
	@MethodSource("everyMoveFromEveryState")
	void aMoveSucceedsExactlyWhenTheLifecycleAllowsItAndAlwaysLeavesAHistoryRow(LetterStatus from, Move move) {
		// given
		Letter letter = in(from);
		int historyBefore = letter.getHistory().size();

		if (move.sources().contains(from)) {
			assertThat(from.canMoveTo(move.target())).as("the table allows what the aggregate offers").isTrue();
			// when
			move.action().accept(letter);
			// then
			assertThat(letter.getStatus()).isEqualTo(move.target());
			assertThat(letter.getHistory()).hasSize(historyBefore + 1);
			LetterStatusChange last = letter.getHistory().get(letter.getHistory().size() - 1);
			assertThat(last.getFromStatus()).isEqualTo(from);
			assertThat(last.getToStatus()).isEqualTo(move.target());
			assertThat(last.getChangedAt()).isNotNull();
		}
		else {
			// when / then
			assertThatThrownBy(() -> move.action().accept(letter)).isInstanceOf(LetterTransitionException.class)
				.extracting(ex -> ((LetterTransitionException) ex).messageKey())
				.isEqualTo("letter.error.transition");
			assertThat(letter.getStatus()).isEqualTo(from);
			assertThat(letter.getHistory()).hasSize(historyBefore);
		}
	}

	@Test
	void theTableOfAllowedMovesIsTheOneInProductMd() {
		assertThat(LetterStatus.RECEIVED.next()).containsExactlyInAnyOrder(LetterStatus.PUBLISHED,
				LetterStatus.INCOMPLETE, LetterStatus.WITHDRAWN);
		assertThat(LetterStatus.INCOMPLETE.next()).containsExactlyInAnyOrder(LetterStatus.RECEIVED,
				LetterStatus.WITHDRAWN);
		assertThat(LetterStatus.PUBLISHED.next()).containsExactlyInAnyOrder(LetterStatus.ADOPTED,
				LetterStatus.WITHDRAWN);
		assertThat(LetterStatus.ADOPTED.next()).containsExactlyInAnyOrder(LetterStatus.GIFT_RECEIVED,
				LetterStatus.PUBLISHED, LetterStatus.WITHDRAWN);
		assertThat(LetterStatus.GIFT_RECEIVED.next()).containsExactly(LetterStatus.FULFILLED);
		assertThat(EnumSet.of(LetterStatus.FULFILLED, LetterStatus.WITHDRAWN)).allMatch(LetterStatus::isTerminal);
	}

	@Test
	void aNewLetterIsReceivedWithItsFirstHistoryRowAndCodes() {
		Letter letter = received();
		assertThat(letter.getStatus()).isEqualTo(LetterStatus.RECEIVED);
		assertThat(letter.getHistory()).singleElement().satisfies(change -> {
			assertThat(change.getFromStatus()).isNull();
			assertThat(change.getToStatus()).isEqualTo(LetterStatus.RECEIVED);
			assertThat(change.getChangedBy()).isEqualTo(VOLUNTEER);
		});
		assertThat(letter.getCode()).hasSize(12).doesNotContain("I", "L", "O", "U");
		assertThat(letter.getGiftTagCode()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
	}

	@Test
	void publishingWithoutAPublicTextIsRefusedAndChangesNothing() {
		Letter letter = received();
		assertThatThrownBy(() -> letter.publish(VOLUNTEER, "  ")).isInstanceOf(LetterTransitionException.class)
			.hasMessage("letter.error.publicWishRequired");
		assertThat(letter.getStatus()).isEqualTo(LetterStatus.RECEIVED);
		assertThat(letter.getHistory()).hasSize(1);
	}

	@Test
	void aGiftWithTheWrongTagCodeIsRefusedAndTheTagIsReadLeniently() {
		Letter letter = in(LetterStatus.ADOPTED);
		assertThatThrownBy(() -> letter.receiveGift(VOLUNTEER, "0000-0000", 1))
			.isInstanceOf(LetterTransitionException.class)
			.hasMessage("letter.error.tagMismatch");
		assertThat(letter.getStatus()).isEqualTo(LetterStatus.ADOPTED);

		letter.receiveGift(VOLUNTEER, " " + letter.getGiftTagCode().toLowerCase().replace("-", "") + " ", 1);
		assertThat(letter.getStatus()).isEqualTo(LetterStatus.GIFT_RECEIVED);
	}

	@Test
	void onlyTheHoldingDonorMayCancelAndCancellingClearsTheHold() {
		Letter letter = in(LetterStatus.ADOPTED);
		assertThatThrownBy(() -> letter.cancelAdoption(DONOR + 1)).hasMessage("letter.error.notYourAdoption");
		assertThat(letter.getDonorId()).isEqualTo(DONOR);

		letter.cancelAdoption(DONOR);
		assertThat(letter.getStatus()).isEqualTo(LetterStatus.PUBLISHED);
		assertThat(letter.getDonorId()).isNull();
		assertThat(letter.getDueDate()).isNull();
	}

	@Test
	void aHoldIsReleasedOnlyAfterItsDueDate() {
		Letter letter = in(LetterStatus.ADOPTED);
		LocalDate due = letter.getDueDate();
		assertThatThrownBy(() -> letter.releaseExpiredHold(due)).hasMessage("letter.error.holdNotExpired");

		letter.releaseExpiredHold(due.plusDays(1));
		assertThat(letter.getStatus()).isEqualTo(LetterStatus.PUBLISHED);
		assertThat(letter.getHistory().get(letter.getHistory().size() - 1).getChangedBy()).isNull();
	}

	@Test
	void aFulfilmentDatedInTheFutureIsRefused() {
		Letter letter = in(LetterStatus.GIFT_RECEIVED);
		assertThatThrownBy(() -> letter.fulfil(VOLUNTEER, LocalDate.now().plusDays(5), null))
			.hasMessage("letter.error.fulfilledInFuture");
		assertThat(letter.getStatus()).isEqualTo(LetterStatus.GIFT_RECEIVED);
	}

	@Test
	void aFulfilmentDatedBeforeTheAdoptionIsRefused() {
		Letter letter = in(LetterStatus.GIFT_RECEIVED);
		LocalDate adopted = letter.getAdoptedAt().atZone(az.asan.mektub.platform.i18n.Formats.BAKU).toLocalDate();
		assertThatThrownBy(() -> letter.fulfil(VOLUNTEER, adopted.minusDays(1), null))
			.hasMessage("letter.error.fulfilledBeforeAdoption");
		assertThat(letter.getStatus()).isEqualTo(LetterStatus.GIFT_RECEIVED);
	}

}
