package az.asan.mektub;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** PostgreSQL 18 in a container, for machines with a Docker engine. One container per test run. */
@TestConfiguration(proxyBeanMethods = false)
public class TestServices {

	private static PostgreSQLContainer container;

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgres() {
		synchronized (TestServices.class) {
			if (container == null) {
				container = new PostgreSQLContainer("postgres:18");
			}
			return container;
		}
	}

	/** Every statement the app sends is counted per thread, for the query-count test. */
	@Bean
	static SqlCounter sqlCounter() {
		return new SqlCounter();
	}

	static class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestDatabase.dockerAvailable();
		}

	}

}
