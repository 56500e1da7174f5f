package az.asan.mektub.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in PostgreSQL so that every node serves every user. Spring Session writes a session's
 * last access on every request; those writes do not wait for the disk ({@code synchronous_commit off}
 * for their own transactions only). A crash could lose the last fraction of a second of them, which
 * at worst signs someone out; letters, adoptions and mail keep waiting for the disk as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * The application's own transaction template. Declared here because Boot backs off from its own
	 * once any TransactionOperations exists, as the session's below does.
	 */
	@Bean
	@Primary
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	/** Picked up by Spring Session JDBC under this name for all of its own transactions, and by nothing else. */
	@Bean(defaultCandidate = false)
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		TransactionTemplate own = new TransactionTemplate(transactionManager);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new TransactionOperations() {

			@Override
			public <T> T execute(TransactionCallback<T> action) {
				return own.execute(status -> {
					jdbc.execute("SET LOCAL synchronous_commit TO OFF");
					return action.doInTransaction(status);
				});
			}

		};
	}

}
