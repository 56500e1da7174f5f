package az.asan.mektub.letter;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import az.asan.mektub.account.RegionScope;
import az.asan.mektub.handover.DeskScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 22: where a gift is expected changes only while it is awaited, and a desk covers centres and regions. */
class MoveToCentreUnitTest {

	@Test
	void aHeldGiftMovesToAnotherCentreWithAHistoryRowThatSaysWhoAndWhy() {
		Letter letter = LetterLifecycleUnitTest.in(LetterStatus.ADOPTED);
		letter.chooseHandoverPoint(LetterLifecycleUnitTest.DONOR, 6);
		int rows = letter.getHistory().size();

		letter.moveToHandoverPoint(LetterLifecycleUnitTest.VOLUNTEER, 1, "Donor zəng etdi");

		assertThat(letter.getHandoverPointId()).isEqualTo(1L);
		assertThat(letter.getStatus()).isEqualTo(LetterStatus.ADOPTED);
		assertThat(letter.getHistory()).hasSize(rows + 1);
		LetterStatusChange row = letter.getHistory().get(rows);
		assertThat(row.getReason()).isEqualTo("MOVED_TO_CENTRE");
		assertThat(row.getNoteText()).isEqualTo("Donor zəng etdi");
		assertThat(row.getChangedBy()).isEqualTo(LetterLifecycleUnitTest.VOLUNTEER);
	}

	@Test
	void aMoveToTheSameCentreOrOfAGiftNotAwaitedIsRefusedAndChangesNothing() {
		Letter held = LetterLifecycleUnitTest.in(LetterStatus.ADOPTED);
		held.chooseHandoverPoint(LetterLifecycleUnitTest.DONOR, 6);
		int rows = held.getHistory().size();
		assertThatThrownBy(() -> held.moveToHandoverPoint(LetterLifecycleUnitTest.VOLUNTEER, 6, null))
			.isInstanceOfSatisfying(LetterTransitionException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("handoverDesk.move.same"));
		assertThat(held.getHistory()).hasSize(rows);
		for (LetterStatus status : EnumSet.complementOf(EnumSet.of(LetterStatus.ADOPTED))) {
			Letter letter = LetterLifecycleUnitTest.in(status);
			Long before = letter.getHandoverPointId();
			assertThatThrownBy(() -> letter.moveToHandoverPoint(LetterLifecycleUnitTest.VOLUNTEER, 3, null))
				.as(status.name())
				.isInstanceOfSatisfying(LetterTransitionException.class,
						ex -> assertThat(ex.messageKey()).isEqualTo("handoverDesk.move.notWaiting"));
			assertThat(letter.getHandoverPointId()).isEqualTo(before);
		}
	}

	@Test
	void aDeskCoversTheGiftsOfItsCentresAndTheLettersOfItsRegions() {
		DeskScope desk = new DeskScope(RegionScope.of(Set.of(10)), Set.of(6L));
		assertThat(desk.covers(99, 6L)).as("another region's child, at my centre").isTrue();
		assertThat(desk.covers(10, 1L)).as("my region's child, at another centre").isTrue();
		assertThat(desk.covers(99, 1L)).as("neither").isFalse();
		assertThat(desk.covers(99, null)).as("no centre chosen").isFalse();
		assertThat(DeskScope.all().covers(99, 1L)).isTrue();
		assertThat(DeskScope.all().centresArray()).isNull();
	}

}
