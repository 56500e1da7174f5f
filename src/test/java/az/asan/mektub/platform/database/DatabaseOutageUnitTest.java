package az.asan.mektub.platform.database;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageUnitTest {

	@Test
	void aRollbackThatCouldNotReachItsConnectionCountsAsTheDatabaseBeingDown() {
		Throwable failedRollback = new TransactionSystemException("Could not roll back JPA transaction",
				new org.hibernate.TransactionException("Unable to rollback against JDBC Connection",
						new SQLException("Connection is closed")));

		assertThat(DatabaseOutage.isDatabaseDown(failedRollback)).isTrue();
	}

	@Test
	void anOrdinaryFailureDoesNot() {
		assertThat(DatabaseOutage.isDatabaseDown(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseOutage.isDatabaseDown(new SQLException("duplicate key", "23505"))).isFalse();
	}

}
