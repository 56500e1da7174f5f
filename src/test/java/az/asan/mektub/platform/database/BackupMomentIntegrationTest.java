package az.asan.mektub.platform.database;

import az.asan.mektub.platform.i18n.Formats;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * A backup holds the database as it was when {@code pg_backup_stop} ran, not when the page says it is
 * ready: the administrator is told that moment where backups are made, the archive is named by it, and
 * every name a backup or a restore gives (the archive, the folder moved aside) is in Baku time.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BackupMomentIntegrationTest extends IntegrationTestBase {

	@Autowired(required = false)
	OnlineBackup backups;

	@TempDir
	Path folder;

	@Test
	void theAdministratorIsToldWhichMomentTheArchiveHolds() throws Exception {
		assumeTrue(backups != null, "the tests run on the embedded PostgreSQL");
		// given: the backups on /admin say what an archive holds
		mvc.perform(get("/admin").with(user(users.loadUserByUsername("admin@demo.az"))))
			.andExpect(content().string(containsString("id=\"backup-moment\"")))
			.andExpect(content().string(containsString("nüsxə çıxarılması bitən andakı kimi saxlayır")));

		// when: an administrator backs up
		long before = System.currentTimeMillis();
		MvcResult made = mvc
			.perform(post("/admin/backups").with(csrf()).with(user(users.loadUserByUsername("admin@demo.az"))))
			.andReturn();
		long after = System.currentTimeMillis();

		// then: the archive is named by the moment the backup ended, and the message says that moment in Baku time
		String name = backups.archives().get(0).name();
		long ended = OnlineBackup.endedAt(name).toEpochMilli();
		assertThat(ended).isBetween(before - 1000, after);
		String success = (String) made.getFlashMap().get("success");
		assertThat(success).contains(name)
			.contains(new Formats().dateTime(OnlineBackup.endedAt(name)) + " (Bakı vaxtı)")
			.contains("nüsxənin bitdiyi andakı kimidir");
	}

	@Test
	void aRestoreMovesTheFolderAsideUnderANameInBakuTimeAsTheArchivesAre(CapturedOutput output) throws Exception {
		// given: a data folder in use and an archive to restore
		Path dataDir = Files.createDirectories(folder.resolve("postgres"));
		Files.writeString(dataDir.resolve("PG_VERSION"), "18\n");
		Path archive = folder.resolve("asan-backup-20261128-003000.tar.gz");
		try (OutputStream file = Files.newOutputStream(archive);
				TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
			byte[] label = "START WAL LOCATION: 0/2000028\n".getBytes(StandardCharsets.UTF_8);
			TarArchiveEntry entry = new TarArchiveEntry("backup_label");
			entry.setSize(label.length);
			tar.putArchiveEntry(entry);
			tar.write(label);
			tar.closeArchiveEntry();
		}

		// when: the app starts with it (the archive here is no real backup: PostgreSQL will not start on it)
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("restore",
					Map.of("asan.data-dir", folder.toString(), "asan.restore-from", archive.toString())));
		assertThatThrownBy(() -> new EmbeddedPostgresEnvironment(Supplier::get).postProcessEnvironment(environment, null))
			.isInstanceOf(RuntimeException.class);

		// then: the folder so far is kept beside it, named in Baku time like the archives
		List<Path> kept;
		try (Stream<Path> siblings = Files.list(folder)) {
			kept = siblings.filter(p -> p.getFileName().toString().startsWith("postgres.before-restore-")).toList();
		}
		assertThat(kept).hasSize(1);
		assertThat(kept.get(0).resolve("PG_VERSION")).hasContent("18");
		LocalDateTime stamp = LocalDateTime.parse(
				kept.get(0).getFileName().toString().substring("postgres.before-restore-".length()),
				DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		assertThat(Duration.between(stamp, LocalDateTime.now(Formats.BAKU)).abs()).isLessThan(Duration.ofMinutes(10));
		// and the log says what the restored database holds
		assertThat(output).contains("as it was when that backup ended");
	}

}
