package az.asan.mektub.campaign;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Campaigns extends ListCrudRepository<Campaign, Long> {

	List<Campaign> findByStatusOrderByStartsOnDesc(CampaignStatus status);

	List<Campaign> findAllByOrderByStartsOnDesc();

	Optional<Campaign> findByCode(String code);

	/** Locks every campaign of a kind for the caller's transaction. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("SELECT c FROM Campaign c WHERE c.kind = ?1 ORDER BY c.id")
	List<Campaign> lockByKind(Campaign.Kind kind);

}
