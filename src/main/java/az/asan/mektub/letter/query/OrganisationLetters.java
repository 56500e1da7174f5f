package az.asan.mektub.letter.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static az.asan.mektub.letter.LetterStatus.ADOPTED;
import static az.asan.mektub.letter.LetterStatus.FULFILLED;
import static az.asan.mektub.letter.LetterStatus.GIFT_RECEIVED;
import static az.asan.mektub.letter.LetterStatus.PUBLISHED;

/**
 * What an organisation's pages read of letters (issue 27.2): the letters it holds or helped, with who
 * of its team took each, and the pool of letters reserved for its team. Public facts only (first name,
 * age, region, the reviewed wish): never the child's other data. One statement each.
 */
@Component
public class OrganisationLetters {

	/** A letter the organisation adopted; {@code takenBy} is the employee who took it, if one did. */
	public record Held(String code, String firstName, int age, String publicWish, LetterStatus status,
			LocalDate dueDate, Long handoverPointId, String giftTagCode, Long takenBy) {

		/** The gift is still to be handed in. */
		public boolean toHandIn() {
			return status.isHeld();
		}

	}

	/** A letter reserved for the organisation's team until {@code until}. */
	public record Reserved(String code, String firstName, int age, int regionId, String publicWish, Instant until) {
	}

	private final JdbcClient jdbc;

	OrganisationLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The letters the organisation holds or helped, still to be handed in first, at most 500. */
	@Transactional(readOnly = true)
	public List<Held> held(long organisationId) {
		return jdbc.sql("""
				SELECT %s
				FROM letter WHERE donor_id = :organisation AND %s
				ORDER BY (%s) DESC, due_date, code LIMIT 500""".formatted(LetterRow.columns(null),
				LetterSql.in(null, ADOPTED, GIFT_RECEIVED, FULFILLED), LetterSql.is(null, ADOPTED)))
			.param("organisation", organisationId)
			.query(LetterRow.mapper(row -> new Held(row.code(), row.firstName(), row.age(), row.publicWish(),
					row.status(), row.dueDate(), row.handoverPointId(), row.giftTagCode(), row.takenBy())))
			.list();
	}

	/** The letters reserved for the organisation's team now, the soonest to go back first. */
	@Transactional(readOnly = true)
	public List<Reserved> pool(long organisationId) {
		return jdbc.sql("""
				SELECT %s
				FROM letter WHERE reserved_for = :organisation AND %s
				ORDER BY reserved_until, code LIMIT 500""".formatted(LetterRow.columns(null),
				LetterSql.is(null, PUBLISHED)))
			.param("organisation", organisationId)
			.query(LetterRow.mapper(row -> new Reserved(row.code(), row.firstName(), row.age(), row.regionId(),
					row.publicWish(), row.reservedUntil())))
			.list();
	}

}
