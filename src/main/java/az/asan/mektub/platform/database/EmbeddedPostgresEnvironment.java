package az.asan.mektub.platform.database;

import az.asan.mektub.platform.settings.AsanProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.validation.Validation;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Zero-setup database: when no {@code spring.datasource.url} is configured, start a real
 * PostgreSQL 18 from the zonky binaries, keep its files under {@code asan.data-dir} (default
 * {@code ./data}) so data survives a restart, and point the datasource at it. This runs as an
 * environment post-processor so that everything that reads the datasource properties (Flyway,
 * JPA, Spring Session, actuator) sees a configured database, exactly as with an external one.
 * <p>
 * The server keeps data as a real one does: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are on (zonky's defaults turn the first two off, which only a test may
 * afford). A server left running on our folder by an app that was killed is stopped cleanly before
 * starting. The server is stopped by {@link EmbeddedPostgresServer} once the context has closed
 * (after the web server drained and the pool closed), never by a JVM shutdown hook that would race
 * the web server. {@code asan.restore-from=<archive>} puts an {@link OnlineBackup} archive in place
 * of the folder (the old folder is kept beside it) before the server starts.
 * <p>
 * {@code asan.embedded-postgres.enabled=false} switches it off (tests with Testcontainers do);
 * {@code asan.embedded-postgres.ephemeral=true} uses a throw-away folder and trades durability
 * for speed (tests without Docker).
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	/** After the config files are read, so that their settings are seen. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	static final String DATA_DIR_PROPERTY = "asan.embedded-postgres.data-dir-in-use";

	/** A running server, its folder, and whether it may be thrown away. */
	record Running(EmbeddedPostgres postgres, Path dataDir, boolean ephemeral, String version) {
	}

	private static final Map<Path, Running> RUNNING = new ConcurrentHashMap<>();

	private static final Path EPHEMERAL = Path.of("ephemeral");

	/** Crash recovery after a power cut may replay a lot of WAL; give it time before giving up. */
	private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

	private static final org.springframework.validation.Validator VALIDATOR = new SpringValidatorAdapter(
			Validation.buildDefaultValidatorFactory().getValidator());

	private final Log log;

	public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
		// Logging starts after environment post-processors ran: the deferred log replays these lines then.
		this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// The settings, with their defaults, as the application context will bind them (AsanProperties);
		// a wrong one stops the start here, before a database is started for nothing.
		AsanProperties settings = Binder.get(environment)
			.bindOrCreate("asan", Bindable.of(AsanProperties.class), new ValidationBindHandler(VALIDATOR));
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !settings.embeddedPostgres().enabled()) {
			return;
		}
		boolean ephemeral = settings.embeddedPostgres().ephemeral();
		// One throw-away database per JVM: every application context of a test run shares it.
		Path dataDir = ephemeral ? EPHEMERAL : dataDir(settings);
		String restoreFrom = settings.restoreFrom();
		Running running = RUNNING.computeIfAbsent(dataDir,
				dir -> ephemeral ? start(ephemeralDir(), true) : start(dir, false, restoreFrom));
		if (!ephemeral) {
			log.info("Database: embedded PostgreSQL " + running.version() + ", files in " + running.dataDir()
					+ ", listening on localhost:" + running.postgres().getPort()
					+ " (fsync, synchronous_commit and full_page_writes on)");
		}

		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", running.postgres().getJdbcUrl("postgres", "postgres"));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "");
		properties.put("asan.embedded-postgres.running", "true");
		properties.put(DATA_DIR_PROPERTY, dataDir.toString());
		// Demo data belongs to the zero-setup default only; an explicit setting wins.
		if (environment.getProperty("asan.demo") == null) {
			properties.put("asan.demo", "true");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
	}

	static Path dataDir(AsanProperties settings) {
		return Path.of(settings.dataDir()).toAbsolutePath().normalize().resolve("postgres");
	}

	/** The server started for this folder key, if any (see {@link EmbeddedPostgresServer}). */
	static Optional<Running> running(String dataDirKey) {
		return Optional.ofNullable(RUNNING.get(Path.of(dataDirKey)));
	}

	static void forget(String dataDirKey) {
		RUNNING.remove(Path.of(dataDirKey));
	}

	private static Path ephemeralDir() {
		try {
			return Files.createTempDirectory("asan-pg-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Running start(Path dataDir, boolean ephemeral) {
		return start(dataDir, ephemeral, null);
	}

	private Running start(Path dataDir, boolean ephemeral, String restoreFrom) {
		try {
			Files.createDirectories(dataDir);
			if (!ephemeral) {
				new OrphanedPostgres(dataDir, log).stopIfRunning();
				if (StringUtils.hasText(restoreFrom)) {
					restore(Path.of(restoreFrom).toAbsolutePath().normalize(), dataDir);
				}
			}
			log.info("Starting embedded PostgreSQL with data in " + dataDir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(ephemeral)
				.setLocaleConfig("encoding", "UTF8")
				.setServerConfig("max_connections", "200")
				.setPGStartupWait(STARTUP_WAIT)
				// Tests share one throw-away server per JVM: the JVM's exit stops it. A real one is
				// stopped by EmbeddedPostgresServer after the web server drained.
				.setRegisterShutdownHook(ephemeral);
			// The Unix socket and its lock go to the JVM's temporary folder (PostgreSQL's own default, /tmp,
			// unless the JVM is told otherwise, as the tests are: their run leaves nothing in /tmp).
			socketDirectory().ifPresent(folder -> builder.setServerConfig("unix_socket_directories", folder));
			if (!ephemeral) {
				// zonky starts postgres with -F (fsync off) and synchronous_commit=off; these -c
				// options come after -F and win.
				builder.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on");
				if (System.getProperty("os.name", "").startsWith("Linux")) {
					// Crash recovery first makes sure the folder is on disk: one syncfs instead of an fsync of
					// every file, which takes seconds on a busy disk (PostgresSupervisor restarts after a kill).
					builder.setServerConfig("recovery_init_sync_method", "syncfs");
				}
			}
			EmbeddedPostgres postgres = builder.start();
			return new Running(postgres, dataDir, ephemeral, version(postgres));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	/** The JVM's temporary folder, when a socket's path in it fits the 107 bytes a Unix socket may have. */
	static Optional<String> socketDirectory() {
		Path folder = Path.of(System.getProperty("java.io.tmpdir", "/tmp")).toAbsolutePath().normalize();
		boolean unix = !System.getProperty("os.name", "").startsWith("Windows");
		return unix && Files.isDirectory(folder) && folder.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 80
				? Optional.of(folder.toString()) : Optional.empty();
	}

	private void restore(Path archive, Path dataDir) throws IOException {
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("asan.restore-from names no file: " + archive);
		}
		// A setting left in place must not restore the same archive again at every start.
		Path marker = dataDir.resolveSibling(dataDir.getFileName() + ".restored-from");
		String restored = archive + " " + Files.size(archive) + " " + Files.getLastModifiedTime(archive).toMillis();
		if (Files.exists(marker) && Files.readString(marker).equals(restored)) {
			log.warn("Not restoring " + archive + " again: it was restored into " + dataDir
					+ " before. Remove asan.restore-from.");
			return;
		}
		if (Files.exists(dataDir) && Files.list(dataDir).findAny().isPresent()) {
			// in Baku time, as the archives' names are
			Path kept = dataDir.resolveSibling(dataDir.getFileName() + ".before-restore-"
					+ OnlineBackup.STAMP.format(Instant.now()));
			Files.move(dataDir, kept);
			log.warn("Restoring " + archive + ": the database folder so far is kept in " + kept);
		}
		OnlineBackup.unpack(archive, dataDir);
		Files.writeString(marker, restored);
		log.warn("Restored " + archive + " into " + dataDir
				+ "; PostgreSQL replays the WAL in the archive as it starts. The database is as it was when that backup"
				+ " ended (the time in the archive's name, Baku time): what was saved after that is not in it."
				+ " Start without asan.restore-from next time.");
	}

	private static String version(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW server_version")) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException ex) {
			return "(version unknown: " + ex.getMessage() + ")";
		}
	}

}
