package az.asan.mektub.letter;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface Letters extends ListCrudRepository<Letter, Long> {

	Optional<Letter> findByCode(String code);

}
