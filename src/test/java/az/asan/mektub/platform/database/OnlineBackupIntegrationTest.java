package az.asan.mektub.platform.database;

import az.asan.mektub.platform.i18n.Formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator backs up the running embedded database from {@code /admin} while the app keeps
 * working; the archive, restored with {@code asan.restore-from} into a fresh folder, starts as a
 * PostgreSQL that holds the data of the moment of the backup.
 */
@IntegrationTest
class OnlineBackupIntegrationTest extends IntegrationTestBase {

	/** Only with the embedded database: a deployment's own PostgreSQL is backed up with its own tools. */
	@Autowired(required = false)
	OnlineBackup backups;

	@TempDir
	Path restored;

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM campaign WHERE code = 'BACKUP-T'").update();
	}

	@Test
	void anAdministratorBacksUpTheRunningDatabaseAndTheArchiveRestoresIntoAFreshFolder() throws Exception {
		assumeTrue(backups != null, "the tests run on the embedded PostgreSQL");
		// given: a campaign written just before the backup, and the program as it is
		jdbc.sql("""
				INSERT INTO campaign (code, name_az, name_en, name_ru, kind, starts_on, ends_on, status, age_reference_date)
				VALUES ('BACKUP-T', 'Ehtiyat', 'Backup', 'Копия', 'YEAR_ROUND', current_date, current_date + 60, 'PLANNED', current_date)""")
			.update();
		long letters = jdbc.sql("SELECT count(*) FROM letter").query(Long.class).single();

		// when: an administrator presses the button on /admin
		mvc.perform(get("/admin").with(user(users.loadUserByUsername("admin@demo.az"))))
			.andExpect(content().string(containsString("action=\"/admin/backups\"")));
		mvc.perform(post("/admin/backups").with(csrf()).with(user(users.loadUserByUsername("admin@demo.az"))))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(flash().attribute("success", containsString("asan-backup-")));

		// then: the archive is listed on /admin and kept in the configured folder
		OnlineBackup.Archive archive = backups.archives().get(0);
		Path file = backups.folder().resolve(archive.name());
		assertThat(file).isRegularFile();
		assertThat(backups.folder()).endsWith(Path.of("target", "test-backups"));
		mvc.perform(get("/admin").with(user(users.loadUserByUsername("admin@demo.az"))))
			.andExpect(content().string(containsString(archive.name())));
		assertThat(jdbc.sql("SELECT detail FROM job_run WHERE name = 'backup'").query(String.class).single())
			.startsWith(archive.name() + " (").endsWith(" MB)");
		// the jobs table says which archive and how big, and the name is in Baku time as the page is
		mvc.perform(get("/admin").with(user(users.loadUserByUsername("admin@demo.az"))))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*data-job=\"backup\">.*?<td>" + java.util.regex.Pattern.quote(archive.name()) + " \\(\\d+,\\d MB\\)</td>.*")));
		java.time.LocalDateTime stamp = java.time.LocalDateTime.parse(archive.name().substring(12, 27),
				java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		assertThat(java.time.Duration.between(stamp, java.time.LocalDateTime.now(Formats.BAKU)).abs())
			.isLessThan(java.time.Duration.ofMinutes(10));

		// and: restored into a fresh folder, PostgreSQL replays the backup's WAL and has the data
		StandardEnvironment environment = startRestoring(file);
		try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"));
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT name_en FROM campaign WHERE code = 'BACKUP-T'")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("Backup");
			}
			try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM letter")) {
				rs.next();
				assertThat(rs.getLong(1)).isEqualTo(letters);
			}
			statement.execute("UPDATE campaign SET name_en = 'Changed after the restore' WHERE code = 'BACKUP-T'");
		}
		finally {
			stop(environment);
		}
		assertThat(Files.exists(restored.resolve("postgres/backup_label"))).isFalse();

		// and: a restore setting left in place does not restore the same archive again at the next start
		StandardEnvironment again = startRestoring(file);
		try (Connection connection = DriverManager.getConnection(again.getProperty("spring.datasource.url"));
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT name_en FROM campaign WHERE code = 'BACKUP-T'")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("Changed after the restore");
		}
		finally {
			stop(again);
		}
	}

	private StandardEnvironment startRestoring(Path archive) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("restore",
					Map.of("asan.data-dir", restored.toString(), "asan.restore-from", archive.toString())));
		new EmbeddedPostgresEnvironment(Supplier::get).postProcessEnvironment(environment, null);
		return environment;
	}

	private static void stop(StandardEnvironment environment) throws Exception {
		new EmbeddedPostgresServer.Stopper(environment.getProperty(EmbeddedPostgresEnvironment.DATA_DIR_PROPERTY))
			.destroy();
	}

	@Test
	void onlyAnAdministratorMayBackUp() throws Exception {
		mvc.perform(post("/admin/backups").with(csrf()).with(user(users.loadUserByUsername("staff@demo.az"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin").with(user(users.loadUserByUsername("staff@demo.az"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("action=\"/admin/backups\""))));
		mvc.perform(post("/admin/backups").with(user(users.loadUserByUsername("admin@demo.az"))))
			.andExpect(status().isForbidden());
	}

	/**
	 * Penetration-test finding: archives were 0644 in a 0755 folder, and an archive holds every child's
	 * private data. Both are the app user's alone now, also when the folder was made earlier.
	 */
	@Test
	void archivesAndTheirFolderAreReadableByTheAppAlone() throws Exception {
		assumeTrue(backups != null, "the tests run on the embedded PostgreSQL");
		assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		Files.createDirectories(backups.folder());
		Files.setPosixFilePermissions(backups.folder(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

		OnlineBackup.Archive made = backups.backup();

		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(backups.folder())))
			.isEqualTo("rwx------");
		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
				Files.getPosixFilePermissions(backups.folder().resolve(made.name())))).isEqualTo("rw-------");
	}

}
