package az.asan.mektub.platform.database;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;

/**
 * A PostgreSQL left running on our data folder by an app that was killed ({@code kill -9}, a crash):
 * it still holds {@code postmaster.pid}, so a new server could not start there. Before starting, this
 * stops it cleanly with its own {@code pg_ctl stop -m fast} (a fast shutdown: a checkpoint, nothing
 * lost), or deletes a {@code postmaster.pid} whose process is gone or is not that server.
 * <p>
 * A server whose app is alive is never touched: the app holds zonky's {@code epg-lock} file lock in
 * the folder for as long as it runs, so we only act when we can take that lock ourselves.
 */
class OrphanedPostgres {

	private static final String ZONKY_LOCK = "epg-lock";

	private static final long STOP_WAIT_SECONDS = 120;

	private final Path dataDir;

	private final Log log;

	OrphanedPostgres(Path dataDir, Log log) {
		this.dataDir = dataDir;
		this.log = log;
	}

	void stopIfRunning() throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try (FileOutputStream lockStream = new FileOutputStream(dataDir.resolve(ZONKY_LOCK).toFile());
				FileLock lock = tryLock(lockStream)) {
			if (lock == null) {
				throw new IllegalStateException("Another running app uses the database folder " + dataDir
						+ "; stop it first or give this one its own ASAN_DATA_DIR");
			}
			List<String> lines = Files.readAllLines(pidFile);
			Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
					: parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
			if (process.isEmpty()) {
				// PostgreSQL itself replaces a postmaster.pid whose process is gone.
				log.info("Found a postmaster.pid in " + dataDir + " left by a server that is no longer running");
				return;
			}
			if (!isOurServer(process.get(), lines)) {
				log.warn("postmaster.pid in " + dataDir + " names process " + process.get().pid()
						+ ", which is not our PostgreSQL (its number was reused): removing the stale file");
				Files.delete(pidFile);
				return;
			}
			stop(process.get());
		}
	}

	private static FileLock tryLock(FileOutputStream stream) throws IOException {
		try {
			return stream.getChannel().tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// this JVM runs a server on the folder already
			return null;
		}
	}

	private boolean isOurServer(ProcessHandle process, List<String> pidFileLines) {
		String command = process.info().command().orElse("");
		if (!(command.endsWith("/postgres") || command.endsWith("\\postgres.exe"))) {
			return false;
		}
		return pidFileLines.size() > 1
				&& Path.of(pidFileLines.get(1).trim()).toAbsolutePath().normalize().equals(dataDir.toAbsolutePath().normalize());
	}

	private void stop(ProcessHandle postmaster) throws IOException {
		log.warn("A PostgreSQL (process " + postmaster.pid() + ") is still running on " + dataDir
				+ ", left by an app that did not stop cleanly: stopping it before starting our own");
		Path pgCtl = Path.of(postmaster.info().command().orElseThrow()).resolveSibling("pg_ctl");
		boolean stopped = false;
		if (Files.isExecutable(pgCtl)) {
			try {
				Process stop = new ProcessBuilder(pgCtl.toString(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w",
						"-t", String.valueOf(STOP_WAIT_SECONDS))
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				stopped = stop.waitFor(STOP_WAIT_SECONDS + 10, TimeUnit.SECONDS) && stop.exitValue() == 0;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while stopping the orphaned PostgreSQL", ex);
			}
		}
		if (!stopped) {
			// SIGTERM: PostgreSQL's smart shutdown; the dead app's connections are gone already.
			postmaster.destroy();
		}
		try {
			postmaster.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The PostgreSQL left running on " + dataDir + " (process "
					+ postmaster.pid() + ") did not stop; stop it by hand", ex);
		}
		log.info("Stopped the PostgreSQL left running on " + dataDir);
	}

	private static Optional<Long> parsePid(String line) {
		try {
			return Optional.of(Long.parseLong(line.trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
