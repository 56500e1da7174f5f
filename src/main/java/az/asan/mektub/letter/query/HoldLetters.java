package az.asan.mektub.letter.query;

import java.time.LocalDate;
import java.util.List;

import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static az.asan.mektub.letter.LetterStatus.ADOPTED;

/** The holds the adoption jobs work through: the ones past their due date, the ones to remind of it. */
@Component
public class HoldLetters {

	/** A hold due soon whose donor was not reminded yet. */
	public record Due(long id, String code, String firstName, long donorId, LocalDate dueDate) {
	}

	private final JdbcClient jdbc;

	HoldLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds whose due date is before {@code today}, the oldest first. */
	@Transactional(readOnly = true)
	public List<Long> expired(LocalDate today) {
		return jdbc.sql("SELECT id FROM letter WHERE " + LetterSql.is(null, ADOPTED) + " AND due_date < ? ORDER BY due_date, id")
			.param(today)
			.query(Long.class)
			.list();
	}

	/**
	 * Holds due between {@code today} and {@code until} whose donor was not reminded, locked for the
	 * caller's transaction; rows another run holds are skipped, not waited for.
	 */
	@Transactional
	public List<Due> toRemind(LocalDate today, LocalDate until) {
		return jdbc.sql("""
				SELECT %s FROM letter
				WHERE %s AND reminder_sent_at IS NULL AND due_date BETWEEN :today AND :until
				FOR UPDATE SKIP LOCKED""".formatted(LetterRow.columns(null), LetterSql.is(null, ADOPTED)))
			.param("today", today)
			.param("until", until)
			.query(LetterRow.mapper(row -> new Due(row.id(), row.code(), row.firstName(), row.donorId(),
					row.dueDate())))
			.list();
	}

}
