package az.asan.mektub.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Zero-setup database: when no {@code spring.datasource.url} is configured, start a real
 * PostgreSQL 18 from the zonky binaries, keep its files under {@code asan.data-dir} (default
 * {@code ./data}) so data survives a restart, and point the datasource at it. This runs as an
 * environment post-processor so that everything that reads the datasource properties (Flyway,
 * JPA, Spring Session, actuator) sees a configured database, exactly as with an external one.
 * <p>
 * {@code asan.embedded-postgres.enabled=false} switches it off (tests with Testcontainers do);
 * {@code asan.embedded-postgres.ephemeral=true} uses a throw-away folder (tests without Docker).
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	/** After the config files are read, so that their settings are seen. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

	private static final Path EPHEMERAL = Path.of("ephemeral");

	private final Log log = LogFactory.getLog(EmbeddedPostgresEnvironment.class);

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty("asan.embedded-postgres.enabled", Boolean.class, true)) {
			return;
		}
		boolean ephemeral = environment.getProperty("asan.embedded-postgres.ephemeral", Boolean.class, false);
		// One throw-away database per JVM: every application context of a test run shares it.
		Path dataDir = ephemeral ? EPHEMERAL : Path.of(environment.getProperty("asan.data-dir", "./data"))
			.toAbsolutePath()
			.normalize()
			.resolve("postgres");
		EmbeddedPostgres postgres = RUNNING.computeIfAbsent(dataDir,
				dir -> ephemeral ? start(ephemeralDir(), true) : start(dir, false));

		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "");
		properties.put("asan.embedded-postgres.running", "true");
		// Demo data belongs to the zero-setup default only; an explicit setting wins.
		if (environment.getProperty("asan.demo") == null) {
			properties.put("asan.demo", "true");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
	}

	private static Path ephemeralDir() {
		try {
			return Files.createTempDirectory("asan-pg-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private EmbeddedPostgres start(Path dataDir, boolean ephemeral) {
		try {
			Files.createDirectories(dataDir);
			log.info("Starting embedded PostgreSQL with data in " + dataDir);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(ephemeral)
				.setLocaleConfig("encoding", "UTF8")
				.setServerConfig("max_connections", "200")
				.setRegisterShutdownHook(true)
				.start();
			log.info("Embedded PostgreSQL listens on port " + postgres.getPort());
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

}
