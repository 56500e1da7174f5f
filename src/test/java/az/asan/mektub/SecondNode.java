package az.asan.mektub;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A second app node beside a test's own, on the same PostgreSQL and a port of its own, as production
 * runs several: no demo data of its own, mail left to the first node.
 */
public final class SecondNode {

	private SecondNode() {
	}

	/**
	 * Starts it on the database of {@code dataSource}; {@code testProperties} are given as a test's own
	 * (which TestDatabase leaves as they are), e.g. the kept seconds of the first node.
	 */
	public static ConfigurableApplicationContext start(DataSource dataSource, Map<String, Object> testProperties)
			throws SQLException {
		HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
		SpringApplicationBuilder node = new SpringApplicationBuilder(MektubApplication.class);
		if (!testProperties.isEmpty()) {
			StandardEnvironment environment = new StandardEnvironment();
			environment.getPropertySources().addFirst(new MapPropertySource("Inlined Test Properties", testProperties));
			node.environment(environment);
		}
		return node.run("--server.port=0", "--spring.datasource.url=" + hikari.getJdbcUrl(),
					"--spring.datasource.username=" + hikari.getUsername(),
					"--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
					"--asan.demo=false", "--asan.jobs.mail.delay=PT1H");
	}

	public static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	/**
	 * A second node for one test class, the lifecycle such classes used to copy (issue 24): started
	 * before the class's first test (before its own {@code @BeforeEach}), on the test's database, and
	 * closed after its last test.
	 *
	 * <pre>
	 * &#64;RegisterExtension
	 * static final SecondNode.Running nodeB = SecondNode.running(Map.of());
	 * </pre>
	 */
	public static Running running(Map<String, Object> testProperties) {
		return new Running(testProperties);
	}

	public static final class Running implements BeforeEachCallback, AfterAllCallback {

		private final Map<String, Object> testProperties;

		private ConfigurableApplicationContext node;

		private Running(Map<String, Object> testProperties) {
			this.testProperties = testProperties;
		}

		@Override
		public void beforeEach(ExtensionContext context) throws SQLException {
			if (node == null) {
				node = start(SpringExtension.getApplicationContext(context).getBean(DataSource.class), testProperties);
			}
		}

		@Override
		public void afterAll(ExtensionContext context) {
			if (node != null) {
				node.close();
				node = null;
			}
		}

		public ConfigurableApplicationContext context() {
			return node;
		}

		public int port() {
			return SecondNode.port(node);
		}

	}

}
