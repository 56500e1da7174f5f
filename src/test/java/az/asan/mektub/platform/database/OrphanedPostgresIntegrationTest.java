package az.asan.mektub.platform.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After {@code kill -9} of the app, its PostgreSQL lives on as an orphan on the data folder; the
 * first start after it works: the orphan is stopped cleanly, the committed data is there. A
 * {@code postmaster.pid} naming a process that is not our PostgreSQL is no obstacle either.
 */
class OrphanedPostgresIntegrationTest {

	@TempDir
	Path folder;

	@Test
	void theFirstStartAfterAKillMinus9StopsTheOrphanAndFindsTheData() throws Exception {
		// given: an app process that started the embedded PostgreSQL on the folder and committed a row
		// (in the tests' own temporary folder, as this JVM: the run leaves nothing in the machine's)
		Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"),
				App.class.getName(), folder.toString())
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null && !line.equals("READY")) {
			// the child's start-up output
		}
		assertThat(line).isEqualTo("READY");
		Path pidFile = folder.resolve("postgres/postmaster.pid");
		long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());

		// when: the app is killed with SIGKILL
		app.destroyForcibly();
		assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

		// then: the next start works at once, and the committed row is there
		StandardEnvironment environment = start(folder);
		try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"));
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT note FROM kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("committed before kill -9");
		}
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		stop(environment);

		// and: a postmaster.pid naming some other live process (its number reused) does not stop a start
		Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + folder.resolve("postgres") + "\n");
		StandardEnvironment again = start(folder);
		try (Connection connection = DriverManager.getConnection(again.getProperty("spring.datasource.url"));
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM kept")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}
		stop(again);
	}

	static StandardEnvironment start(Path dataDir) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("asan.data-dir", dataDir.toString())));
		new EmbeddedPostgresEnvironment(Supplier::get).postProcessEnvironment(environment, null);
		return environment;
	}

	static void stop(StandardEnvironment environment) throws Exception {
		new EmbeddedPostgresServer.Stopper(environment.getProperty(EmbeddedPostgresEnvironment.DATA_DIR_PROPERTY))
			.destroy();
	}

	/** The app, as far as the database goes: starts it, commits a row, and waits to be killed. */
	public static class App {

		public static void main(String[] args) throws Exception {
			StandardEnvironment environment = start(Path.of(args[0]));
			try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"));
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE kept (note text)");
				statement.execute("INSERT INTO kept VALUES ('committed before kill -9')");
			}
			System.out.println("READY");
			System.out.flush();
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
