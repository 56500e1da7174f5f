package az.asan.mektub.platform.database;

import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.i18n.Formats;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Online backups of the embedded PostgreSQL, with the server binary alone (the zero-setup default
 * ships no {@code pg_dump}): PostgreSQL's non-exclusive low-level backup. On one session,
 * {@code pg_backup_start} forces a checkpoint; the data folder is then copied as it is, while the
 * app keeps working; {@code pg_backup_stop} returns the {@code backup_label} that tells a restored
 * server where to begin replaying WAL, and the WAL written during the copy goes into the archive
 * (a temporary replication slot of the same session keeps it from being recycled meanwhile). The
 * result is one {@code .tar.gz} that is a complete data folder: unpacked into an empty folder, the
 * server replays the WAL and opens in the state of the end of the backup ({@link #unpack}, used by
 * {@code asan.restore-from}).
 * <p>
 * Archives go to {@code asan.backup.dir} (default {@code ./backups}) and are kept
 * {@code asan.backup.keep-days} days. A nightly run takes the scheduling lock, so one node of a
 * cluster makes it; administrators make one on demand from {@code /admin}.
 */
@Component
@ConditionalOnProperty(name = "asan.embedded-postgres.running", havingValue = "true")
public class OnlineBackup {

	public record Archive(String name, long bytes, Instant createdAt) {
	}

	static final String PREFIX = "asan-backup-";

	static final String SUFFIX = ".tar.gz";

	/** Every name the backups and restores give (archives, the folder moved aside) is in Baku time. */
	static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(Formats.BAKU);

	/** Not copied: runtime state PostgreSQL rebuilds, and the WAL (added from the backup's own range). */
	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"tablespace_map", "pg_internal.init", "epg-lock", "backup_label.old");

	private static final Set<String> EMPTIED_DIRS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
			"pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

	private final Log log = LogFactory.getLog(OnlineBackup.class);

	private final String dataDirKey;

	private final Path backupDir;

	private final int keepDays;

	private final JobRuns jobRuns;

	OnlineBackup(@Value("${" + EmbeddedPostgresEnvironment.DATA_DIR_PROPERTY + "}") String dataDirKey,
			AsanProperties asan, JobRuns jobRuns) {
		this.dataDirKey = dataDirKey;
		this.backupDir = Path.of(asan.backup().dir()).toAbsolutePath().normalize();
		// The archive just made is always kept, whatever the setting.
		this.keepDays = Math.max(1, asan.backup().keepDays());
		this.jobRuns = jobRuns;
	}

	public Path folder() {
		return backupDir;
	}

	public int keepDays() {
		return keepDays;
	}

	/** Once a night on one node of the cluster. */
	@Scheduled(cron = "#{@asanProperties.backup().cron()}", zone = "Asia/Baku")
	@SchedulerLock(name = "backup", lockAtMostFor = "PT3H")
	public void nightly() {
		backup();
	}

	/** Writes one archive now, while the app runs, then deletes those older than the kept days. */
	public synchronized Archive backup() {
		Instant started = Instant.now();
		EmbeddedPostgresEnvironment.Running running = EmbeddedPostgresEnvironment.running(dataDirKey)
			.orElseThrow(() -> new IllegalStateException("The embedded PostgreSQL is not running"));
		String label = PREFIX + STAMP.format(started) + SUFFIX;
		Path partial = backupDir.resolve(label + ".part");
		String name;
		Path archive;
		try {
			Files.createDirectories(backupDir);
			// An archive holds every child's private data: only the app's own user reads the folder and
			// the archives, also when the folder was made earlier (by an older version, or by hand).
			ownerOnly(backupDir, true);
			Files.deleteIfExists(partial);
			Files.createFile(partial);
			ownerOnly(partial, false);
			Instant ended;
			try (Connection connection = running.postgres().getPostgresDatabase().getConnection()) {
				ended = write(connection, running.dataDir(), label, partial);
			}
			// The archive holds the database as it was when pg_backup_stop ran: its name says that moment.
			name = PREFIX + STAMP.format(ended) + SUFFIX;
			archive = backupDir.resolve(name);
			Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException | SQLException ex) {
			try {
				Files.deleteIfExists(partial);
			}
			catch (IOException ignored) {
				// the next run's pruning removes it
			}
			jobRuns.finished("backup", started, "FAILED " + ex.getMessage());
			throw new IllegalStateException("The backup failed: " + ex.getMessage(), ex);
		}
		Archive made = new Archive(name, size(archive), endedAt(name));
		int pruned = prune();
		log.info("Backup " + archive + " written (" + made.bytes() + " bytes, "
				+ Duration.between(started, Instant.now()).toMillis() + " ms); " + pruned + " older than " + keepDays
				+ " days deleted");
		jobRuns.finished("backup", started, name + " (" + new Formats().decimal(made.bytes() / 1048576.0) + " MB)");
		return made;
	}

	/** The archives in the folder, newest first. */
	public List<Archive> archives() {
		if (!Files.isDirectory(backupDir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(backupDir)) {
			return files.filter(OnlineBackup::isArchive)
				.map(file -> new Archive(file.getFileName().toString(), size(file), modified(file)))
				.sorted(Comparator.comparing(Archive::name).reversed())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The moment an archive's database is from (the end of its backup), read from its name. */
	static Instant endedAt(String archiveName) {
		return STAMP.parse(archiveName.substring(PREFIX.length(), archiveName.length() - SUFFIX.length()), Instant::from);
	}

	/** Writes the archive; returns when pg_backup_stop ran, the moment the archive's database is from. */
	private Instant write(Connection connection, Path dataDir, String label, Path partial) throws IOException, SQLException {
		String startWal;
		try (Statement statement = connection.createStatement()) {
			// Holds the WAL from here on until this session ends, whatever checkpoints happen meanwhile.
			statement.execute("SELECT pg_create_physical_replication_slot('asan_backup_' || pg_backend_pid(), true, true)");
			try (ResultSet rs = statement.executeQuery("SELECT pg_walfile_name(pg_backup_start('" + label + "', true))")) {
				rs.next();
				startWal = rs.getString(1);
			}
		}
		Instant ended;
		try (OutputStream file = Files.newOutputStream(partial);
				TarArchiveOutputStream tar = new TarArchiveOutputStream(
						new GZIPOutputStream(new BufferedOutputStream(file, 1 << 16), 1 << 16))) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
			copyFolder(dataDir, tar);
			String labelFile;
			String tablespaceMap;
			String stopWal;
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("SELECT labelfile, spcmapfile, pg_walfile_name(lsn) FROM pg_backup_stop(false)")) {
				rs.next();
				ended = Instant.now();
				labelFile = rs.getString(1);
				tablespaceMap = rs.getString(2);
				stopWal = rs.getString(3);
			}
			addText(tar, "backup_label", labelFile);
			if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
				addText(tar, "tablespace_map", tablespaceMap);
			}
			addDirectory(tar, "pg_wal/archive_status");
			try (Stream<Path> wal = Files.list(dataDir.resolve("pg_wal"))) {
				for (Path segment : wal.filter(f -> isSegment(f.getFileName().toString()))
					.filter(f -> between(f.getFileName().toString(), startWal, stopWal))
					.sorted()
					.toList()) {
					addFile(tar, "pg_wal/" + segment.getFileName(), segment);
				}
			}
			tar.finish();
		}
		return ended;
	}

	private void copyFolder(Path dataDir, TarArchiveOutputStream tar) throws IOException {
		Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				String relative = relative(dataDir, dir);
				if (!relative.isEmpty()) {
					addDirectory(tar, relative);
				}
				return EMPTIED_DIRS.contains(relative) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				String name = file.getFileName().toString();
				if (!attrs.isRegularFile() || SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp")) {
					return FileVisitResult.CONTINUE;
				}
				addFile(tar, relative(dataDir, file), file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				// A table dropped while we copy: its file is gone and the WAL says so.
				if (ex instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}

		});
	}

	/**
	 * Copies as many bytes as the file had when we looked: a file that shrank meanwhile is padded
	 * with zeros (the WAL replay truncates it again), one that grew is cut (the WAL has the rest).
	 */
	private static void addFile(TarArchiveOutputStream tar, String name, Path file) throws IOException {
		long size;
		InputStream in;
		try {
			size = Files.size(file);
			in = Files.newInputStream(file);
		}
		catch (NoSuchFileException ex) {
			return;
		}
		TarArchiveEntry entry = new TarArchiveEntry(name);
		entry.setSize(size);
		entry.setMode(0600);
		tar.putArchiveEntry(entry);
		try (in) {
			byte[] buffer = new byte[1 << 16];
			long left = size;
			int read;
			while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
				tar.write(buffer, 0, read);
				left -= read;
			}
			java.util.Arrays.fill(buffer, (byte) 0);
			while (left > 0) {
				int chunk = (int) Math.min(buffer.length, left);
				tar.write(buffer, 0, chunk);
				left -= chunk;
			}
		}
		tar.closeArchiveEntry();
	}

	private static void addDirectory(TarArchiveOutputStream tar, String name) throws IOException {
		TarArchiveEntry entry = new TarArchiveEntry(name + "/");
		entry.setMode(040700);
		tar.putArchiveEntry(entry);
		tar.closeArchiveEntry();
	}

	private static void addText(TarArchiveOutputStream tar, String name, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		TarArchiveEntry entry = new TarArchiveEntry(name);
		entry.setSize(bytes.length);
		entry.setMode(0600);
		tar.putArchiveEntry(entry);
		tar.write(bytes);
		tar.closeArchiveEntry();
	}

	/**
	 * Unpacks an archive into an empty data folder; started there, PostgreSQL finds
	 * {@code backup_label}, replays the archive's WAL and opens.
	 */
	public static void unpack(Path archive, Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		try (Stream<Path> existing = Files.list(dataDir)) {
			if (existing.findAny().isPresent()) {
				throw new IllegalStateException("Restore into an empty folder, not " + dataDir);
			}
		}
		Path root = dataDir.toAbsolutePath().normalize();
		ownerOnly(root, true);
		try (InputStream file = Files.newInputStream(archive);
				TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, 1 << 16))) {
			boolean label = false;
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path target = root.resolve(entry.getName()).normalize();
				if (!target.startsWith(root)) {
					throw new IllegalStateException("Not a backup of this app: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					ownerOnly(target, true);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
					ownerOnly(target, false);
					label |= entry.getName().equals("backup_label");
				}
			}
			if (!label) {
				throw new IllegalStateException(archive + " is not an online backup (it has no backup_label)");
			}
		}
	}

	/** Readable and writable by the app's own user alone; nothing on a file system without POSIX permissions. */
	public static void ownerOnly(Path path, boolean directory) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): PostgreSQL does not check there
		}
	}

	private int prune() {
		Instant before = Instant.now().minus(Duration.ofDays(keepDays));
		List<Path> old = new ArrayList<>();
		try (Stream<Path> files = Files.list(backupDir)) {
			files.filter(f -> isArchive(f) || f.getFileName().toString().endsWith(SUFFIX + ".part"))
				.filter(f -> modified(f).isBefore(before))
				.forEach(old::add);
		}
		catch (IOException ex) {
			log.warn("Could not list " + backupDir + ": " + ex.getMessage());
		}
		int deleted = 0;
		for (Path file : old) {
			try {
				Files.deleteIfExists(file);
				deleted++;
			}
			catch (IOException ex) {
				log.warn("Could not delete the old backup " + file + ": " + ex.getMessage());
			}
		}
		return deleted;
	}

	private static boolean isArchive(Path file) {
		String name = file.getFileName().toString();
		return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
	}

	private static boolean isSegment(String name) {
		return name.length() == 24 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0);
	}

	private static boolean between(String segment, String first, String last) {
		return segment.compareTo(first) >= 0 && segment.compareTo(last) <= 0;
	}

	private static String relative(Path root, Path path) {
		return root.relativize(path).toString().replace('\\', '/');
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			return Instant.EPOCH;
		}
	}

}
