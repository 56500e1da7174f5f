package az.asan.mektub.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Accounts extends JpaRepository<Account, Long> {

	@Query("select a from Account a where lower(a.email) = lower(:email)")
	Optional<Account> findByEmail(String email);

	@Query("select count(a) > 0 from Account a where lower(a.email) = lower(:email)")
	boolean existsByEmail(String email);

	boolean existsByRole(Role role);

	/** Accounts with their regions in one query, for lists of people. */
	@Query("select distinct a from Account a left join fetch a.regionIds where a.id in :ids")
	java.util.List<Account> findAllWithRegionsByIdIn(java.util.Collection<Long> ids);

	long countByRole(Role role);

}
