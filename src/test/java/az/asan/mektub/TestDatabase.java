package az.asan.mektub;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.testcontainers.DockerClientFactory;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import az.asan.mektub.platform.database.EmbeddedPostgresEnvironment;

/**
 * Where the tests' PostgreSQL comes from: Testcontainers ({@link TestServices}) where a Docker engine
 * answers, else the embedded PostgreSQL in a throw-away folder. Either way one database serves the
 * whole test run, and it starts with the demo data so the program's figures can be checked. Mail
 * goes to the GreenMail server of {@link TestMail}.
 */
public class TestDatabase implements EnvironmentPostProcessor, Ordered {

	private static Boolean docker;

	public static synchronized boolean dockerAvailable() {
		if (docker == null) {
			try {
				docker = DockerClientFactory.instance().isDockerAvailable();
			}
			catch (Throwable ex) {
				docker = false;
			}
		}
		return docker;
	}

	@Override
	public int getOrder() {
		return EmbeddedPostgresEnvironment.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new HashMap<>();
		// A test that starts the app on an embedded PostgreSQL of its own (a folder, durable) says so.
		if (environment.getProperty("asan.embedded-postgres.ephemeral") == null) {
			properties.putAll(dockerAvailable() ? Map.of("asan.embedded-postgres.enabled", "false")
					: Map.of("asan.embedded-postgres.ephemeral", "true"));
		}
		properties.put("asan.demo", "true");
		// Backups of the tests' database go to a folder of the build.
		properties.put("asan.backup.dir", "target/test-backups");
		// Pages are kept as production keeps them (asan.*.cache-seconds at their defaults): a test that
		// needs them fresh says so and why (@TestPropertySource, or FreshPages on the class).
		// No job runs on its own schedule: a test that needs one calls it (or starts the app with
		// asan.jobs.enabled=true), and the contexts cached between test classes do not work in the background.
		if (environment.getProperty("asan.jobs.enabled") == null) {
			properties.put("asan.jobs.enabled", "false");
		}
		// Tomcat's working folder goes to the build, one per application (a test may run two at once): the
		// temporary directory keeps no empty tomcat.0.* folder from a context closed at the JVM's exit.
		if (environment.getProperty("server.tomcat.basedir") == null) {
			properties.put("server.tomcat.basedir", "target/tomcat/" + java.util.UUID.randomUUID());
		}
		// Mail goes to a real SMTP server inside the test JVM.
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(TestMail.port()));
		environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
	}

}
