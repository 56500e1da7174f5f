package az.asan.mektub.campaign;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface Campaigns extends ListCrudRepository<Campaign, Long> {

	List<Campaign> findByStatusOrderByStartsOnDesc(CampaignStatus status);

	List<Campaign> findAllByOrderByStartsOnDesc();

	Optional<Campaign> findByCode(String code);

}
