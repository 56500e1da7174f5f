package az.asan.mektub.demo;

import java.time.LocalDate;
import java.util.List;

import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.query.LetterSeeding;

import org.springframework.stereotype.Component;

/**
 * Many letters at once for the demo. The letter module writes them
 * ({@link LetterSeeding}): the {@code letter} table and its statuses are its own.
 */
@Component
public class DemoLetters {

	private final LetterSeeding seeding;

	DemoLetters(LetterSeeding seeding) {
		this.seeding = seeding;
	}

	/** See {@link LetterSeeding#insert}. */
	public void insert(long campaignId, LetterStatus status, int count, List<Integer> regionIds,
			LocalDate referenceDate, LocalDate createdFrom, int spreadDays, List<Long> donorIds, long volunteerId) {
		seeding.insert(campaignId, status, count, regionIds, referenceDate, createdFrom, spreadDays, donorIds,
				volunteerId);
	}

	/** See {@link LetterSeeding#spreadGiftsOverCentres}. */
	public void spreadGiftsOverCentres(long campaignId, List<Long> handoverPointIds) {
		seeding.spreadGiftsOverCentres(campaignId, handoverPointIds);
	}

}
