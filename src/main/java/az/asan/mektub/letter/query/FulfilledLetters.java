package az.asan.mektub.letter.query;

import java.time.LocalDate;
import java.util.List;

import az.asan.mektub.letter.Category;
import az.asan.mektub.letter.sql.LetterRow;
import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static az.asan.mektub.letter.LetterStatus.FULFILLED;

/**
 * Wishes fulfilled, as the open feed tells them: a first name, an age, a region and the kind of
 * wish, never a surname, a birth date or the wish's words (a child's own sentence can tell who they
 * are). Only letters fulfilled before a given day are read, so a gift handed over today is told
 * tomorrow at the earliest. The {@code code} is for a stable identifier only: callers must not show
 * it, since it opens the letter's public page and its wish text.
 */
@Component
public class FulfilledLetters {

	public record Fulfilled(String code, String firstName, int age, int regionId, Category category,
			LocalDate fulfilledOn) {
	}

	private final JdbcClient jdbc;

	FulfilledLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest letters fulfilled before the day, latest first (the index of V27_40). */
	@Transactional(readOnly = true)
	public List<Fulfilled> before(LocalDate day, int limit) {
		return jdbc.sql("""
				SELECT %s
				FROM letter l
				WHERE %s AND l.fulfilled_on < :day
				ORDER BY l.fulfilled_on DESC, l.id DESC
				LIMIT :limit""".formatted(LetterRow.columns("l"), LetterSql.is("l", FULFILLED)))
			.param("day", day)
			.param("limit", limit)
			.query(LetterRow.mapper(row -> new Fulfilled(row.code(), row.firstName(), row.age(), row.regionId(),
					row.category(), row.fulfilledOn())))
			.list();
	}

}
