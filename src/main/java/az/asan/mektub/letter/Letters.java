package az.asan.mektub.letter;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Letters extends ListCrudRepository<Letter, Long> {

	Optional<Letter> findByCode(String code);

	/**
	 * The letter with its row locked until the transaction ends ({@code SELECT … FOR UPDATE}):
	 * whoever comes second waits, then sees what the first one did. Adoption relies on it.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from Letter l where l.code = :code")
	Optional<Letter> lockByCode(String code);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from Letter l where l.id = :id")
	Optional<Letter> lockById(long id);

	/**
	 * Marks the end of a change of a letter loaded in this transaction: its changes are written when
	 * the transaction flushes (the entity is managed, no merge is needed), and the events the letter
	 * registered ({@link LetterFulfilled}, {@link HoldReleased}) are published now, as for any
	 * {@code save…} method of a Spring Data repository.
	 */
	default void saveChanges(Letter letter) {
	}

}
