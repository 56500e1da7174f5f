package az.asan.mektub.letter;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestPeople;
import az.asan.mektub.campaign.Campaigns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class LetterPersistenceIntegrationTest extends IntegrationTestBase {

	@Autowired
	Campaigns campaigns;

	private long registerOne() {
		long campaignId = campaigns.findAll().get(0).getId();
		Integer regionId = jdbc.sql("SELECT id FROM region WHERE code = 'AZ-BA'").query(Integer.class).single();
		Child child = new Child("Kənan", "Babayev", LocalDate.of(2017, 3, 3), Gender.M, regionId,
				CareSetting.CHILDREN_HOME, "Uşaq evi №1");
		Letter letter = Letter.register(child, campaignId, 8, "Velosiped", "Velosiped", Category.SPORTS, null,
				new BigDecimal("120.00"), false, 1L);
		return tx.execute(status -> letters.save(letter).getId());
	}

	private long donorId(String email) {
		return TestPeople.id(jdbc, email);
	}

	@Test
	void everyChangeOfStatusIsStoredWithItsHistoryRow() {
		long id = registerOne();

		tx.executeWithoutResult(status -> letters.findById(id).orElseThrow().publish(1L, "Velosiped"));

		assertThat(jdbc.sql("SELECT status FROM letter WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("PUBLISHED");
		assertThat(jdbc.sql("SELECT from_status || '>' || to_status FROM letter_status_change WHERE letter_id = ? "
				+ "AND from_status IS NOT NULL").param(id).query(String.class).list()).containsExactly("RECEIVED>PUBLISHED");
		assertThat(jdbc.sql("SELECT count(*) FROM letter_status_change WHERE letter_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aRefusedTransitionChangesNothingInTheDatabase() {
		long id = registerOne();

		assertThatThrownBy(() -> tx.executeWithoutResult(
				status -> letters.findById(id).orElseThrow().fulfil(1L, LocalDate.now(az.asan.mektub.platform.i18n.Formats.BAKU), null)))
			.isInstanceOf(LetterTransitionException.class);

		assertThat(jdbc.sql("SELECT status FROM letter WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("RECEIVED");
		assertThat(jdbc.sql("SELECT count(*) FROM letter_status_change WHERE letter_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void twoChangesOfOneLetterAtOnceCollideInsteadOfBothWinning() {
		long id = registerOne();
		tx.executeWithoutResult(status -> letters.findById(id).orElseThrow().publish(1L, "Velosiped"));
		long firstDonor = donorId("donor1@example.az");
		long secondDonor = donorId("donor2@example.az");
		// given: a second reader holds a copy of the letter as it was
		Letter stale = tx.execute(status -> {
			Letter letter = letters.findById(id).orElseThrow();
			letter.getHistory().size();
			return letter;
		});
		// when: the first one adopts and commits, then the second one tries the same
		tx.executeWithoutResult(
				status -> letters.findById(id).orElseThrow().adopt(firstDonor, LocalDate.now().plusDays(5), null));
		stale.adopt(secondDonor, LocalDate.now().plusDays(5), null);

		// then
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> letters.save(stale)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(jdbc.sql("SELECT donor_id FROM letter WHERE id = ?").param(id).query(Long.class).single())
			.isEqualTo(firstDonor);
	}

}
