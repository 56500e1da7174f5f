package az.asan.mektub;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

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

}
