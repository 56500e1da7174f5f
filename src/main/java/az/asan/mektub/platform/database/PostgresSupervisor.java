package az.asan.mektub.platform.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Keeps the embedded PostgreSQL running: a postmaster that dies (the OOM killer's {@code kill -9}, a
 * crash) is started again within seconds on the same folder and port, so the pool reconnects by itself
 * and no person has to restart the app. PostgreSQL's own crash recovery replays the WAL as it starts:
 * every committed transaction is there, nothing half-done is.
 * <p>
 * After a {@code kill -9} the postmaster's children may live on a moment and keep its shared memory;
 * PostgreSQL refuses to start while they do, so their process group (pg_ctl makes the postmaster its
 * leader) is ended first, and a start that still finds them is tried again. A {@code postmaster.pid}
 * naming the dead process is removed: it is ours (the app holds the folder's lock), and a zombie of
 * that number would otherwise look alive to PostgreSQL.
 * <p>
 * While the database is away, readiness is DOWN through the {@code db} health check (the readiness group
 * includes it); if it cannot be brought back for {@link #GIVE_UP_AFTER}, liveness turns DOWN too, so an
 * orchestrator restarts the app; it keeps trying meanwhile, and liveness is UP again once it is back.
 */
class PostgresSupervisor implements AutoCloseable {

	static final Duration CHECK_EVERY = Duration.ofMillis(250);

	static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

	/** Crash recovery of a busy server may replay a lot of WAL. */
	private static final Duration START_WAIT = Duration.ofSeconds(90);

	private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final Log log = LogFactory.getLog(PostgresSupervisor.class);

	private final Path dataDir;

	private final ApplicationEventPublisher events;

	private final Thread thread;

	private volatile boolean closed;

	private final Duration giveUpAfter;

	PostgresSupervisor(Path dataDir, ApplicationEventPublisher events) {
		this(dataDir, events, GIVE_UP_AFTER);
	}

	PostgresSupervisor(Path dataDir, ApplicationEventPublisher events, Duration giveUpAfter) {
		this.dataDir = dataDir;
		this.events = events;
		this.giveUpAfter = giveUpAfter;
		this.thread = new Thread(this::watch, "postgres-supervisor");
		this.thread.setDaemon(true);
	}

	PostgresSupervisor start() {
		thread.start();
		return this;
	}

	/** Stops watching (before the server is stopped on purpose); a restart under way finishes first. */
	@Override
	public void close() {
		synchronized (this) {
			closed = true;
			notifyAll();
		}
		try {
			thread.join(START_WAIT.toMillis() + 5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void watch() {
		Optional<Long> postmaster = postmasterPid(dataDir);
		while (!closed) {
			try {
				pause(CHECK_EVERY);
				if (closed) {
					return;
				}
				if (postmaster.isPresent() && !isRunning(postmaster.get())) {
					postmaster = bringBack(postmaster.get());
				}
				else if (postmaster.isEmpty()) {
					postmaster = postmasterPid(dataDir).filter(PostgresSupervisor::isRunning);
				}
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private Optional<Long> bringBack(long dead) throws InterruptedException {
		long since = System.nanoTime();
		log.warn("The embedded PostgreSQL (process " + dead + ") has stopped unexpectedly; starting it again on "
				+ dataDir + " (crash recovery replays what was committed)");
		boolean gaveUp = false;
		Duration pause = Duration.ofSeconds(1);
		while (!closed) {
			endLeftovers(dead);
			try {
				startPostmaster();
				Optional<Long> back = postmasterPid(dataDir);
				log.warn("The embedded PostgreSQL is running again (process " + back.orElse(-1L) + ") after "
						+ Duration.ofNanos(System.nanoTime() - since).toMillis() + " ms");
				if (gaveUp) {
					AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
				}
				return back;
			}
			catch (IOException | RuntimeException ex) {
				Duration down = Duration.ofNanos(System.nanoTime() - since);
				if (!gaveUp && down.compareTo(giveUpAfter) >= 0) {
					gaveUp = true;
					log.error("The embedded PostgreSQL in " + dataDir + " could not be started again for "
							+ down.toSeconds() + " s (" + ex.getMessage() + "); liveness is DOWN, still trying");
					AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
				}
				else {
					log.warn("The embedded PostgreSQL did not start yet: " + ex.getMessage());
				}
				pause(pause);
				pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
						: pause.multipliedBy(2);
			}
		}
		return Optional.empty();
	}

	private synchronized void pause(Duration duration) throws InterruptedException {
		if (!closed) {
			wait(duration.toMillis());
		}
	}

	/** The dead postmaster's backends and helpers, which keep its shared memory, and its pid file. */
	private void endLeftovers(long dead) throws InterruptedException {
		if (!System.getProperty("os.name", "").startsWith("Windows")) {
			try {
				// pg_ctl made the postmaster a session and process group leader: its group is its children
				Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + dead)
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				kill.waitFor(5, TimeUnit.SECONDS);
			}
			catch (IOException ex) {
				log.debug("Could not signal the process group " + dead + ": " + ex.getMessage());
			}
		}
		try {
			if (postmasterPid(dataDir).filter(pid -> pid == dead).isPresent()) {
				Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
			}
			// and the lock of its Unix socket, which names it too
			List<String> options = startOptions(Files.readString(dataDir.resolve("postmaster.opts")));
			String port = port(options);
			Path socketLock = Path.of(socketDirectory(options), ".s.PGSQL." + port + ".lock");
			if (port != null && postmasterPid(socketLock).filter(pid -> pid == dead).isPresent()) {
				Files.deleteIfExists(socketLock);
				Files.deleteIfExists(socketLock.resolveSibling(".s.PGSQL." + port));
			}
		}
		catch (IOException ex) {
			log.warn("Could not remove the stale postmaster.pid in " + dataDir + ": " + ex.getMessage());
		}
	}

	/** pg_ctl start with the very options the server ran with (PostgreSQL keeps them in postmaster.opts). */
	private void startPostmaster() throws IOException, InterruptedException {
		List<String> options = startOptions(Files.readString(dataDir.resolve("postmaster.opts")));
		Path postgres = Path.of(options.remove(0));
		Path pgCtl = postgres.resolveSibling(postgres.getFileName().toString().endsWith(".exe") ? "pg_ctl.exe" : "pg_ctl");
		StringBuilder o = new StringBuilder();
		for (String option : options) {
			o.append(o.isEmpty() ? "" : " ").append('\'').append(option.replace("'", "'\\''")).append('\'');
		}
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name")) && System.getProperty("os.name", "").startsWith("Linux")) {
			// pg_ctl refuses to run as root; zonky starts it in a user namespace of its own, and so do we
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-o", o.toString(), "-w", "-t",
				String.valueOf(START_WAIT.toSeconds()), "start"));
		Process pgCtlStart = new ProcessBuilder(command).redirectErrorStream(true).start();
		// The postmaster writes its log to this pipe for as long as it runs: keep reading it.
		Thread output = new Thread(() -> copyToLog(pgCtlStart), "postgres-output");
		output.setDaemon(true);
		output.start();
		if (!pgCtlStart.waitFor(START_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
			pgCtlStart.destroy();
			throw new IOException("pg_ctl start did not finish in " + START_WAIT.toSeconds() + " s");
		}
		if (pgCtlStart.exitValue() != 0) {
			throw new IOException("pg_ctl start exited with " + pgCtlStart.exitValue());
		}
	}

	private void copyToLog(Process process) {
		Log postgresLog = LogFactory.getLog("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				postgresLog.info("postgres: " + line);
			}
		}
		catch (IOException ex) {
			// the postmaster went away
		}
	}

	/**
	 * The arguments of {@code postmaster.opts} ({@code /path/postgres "-D" "/data" "-p" "5432" ...}): the
	 * binary first, then every option but the folder, which pg_ctl gives itself.
	 */
	static List<String> startOptions(String postmasterOpts) {
		String line = postmasterOpts.strip();
		int firstSpace = line.indexOf(' ');
		List<String> result = new ArrayList<>();
		result.add(firstSpace < 0 ? line : line.substring(0, firstSpace));
		Matcher quoted = QUOTED.matcher(firstSpace < 0 ? "" : line.substring(firstSpace));
		List<String> args = new ArrayList<>();
		while (quoted.find()) {
			args.add(quoted.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
		}
		for (int i = 0; i < args.size(); i++) {
			if (args.get(i).equals("-D")) {
				i++;
				continue;
			}
			result.add(args.get(i));
		}
		return result;
	}

	private static String port(List<String> options) {
		int p = options.indexOf("-p");
		return p >= 0 && p + 1 < options.size() ? options.get(p + 1) : null;
	}

	/** Where the server put its Unix socket: the folder it was started with, else PostgreSQL's own /tmp. */
	static String socketDirectory(List<String> options) {
		return options.stream()
			.filter(option -> option.startsWith("unix_socket_directories="))
			.map(option -> option.substring("unix_socket_directories=".length()).split(",")[0].trim())
			.filter(folder -> !folder.isEmpty())
			.findFirst()
			.orElse("/tmp");
	}

	/** The process named by the folder's {@code postmaster.pid} (or by a socket's lock file), if there is one. */
	static Optional<Long> postmasterPid(Path dataDirOrLockFile) {
		try {
			Path file = Files.isDirectory(dataDirOrLockFile) ? dataDirOrLockFile.resolve("postmaster.pid")
					: dataDirOrLockFile;
			List<String> lines = Files.readAllLines(file);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Alive and not a zombie (a dead postmaster whose parent has not reaped it is no server). */
	static boolean isRunning(long pid) {
		if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			return false;
		}
		Path stat = Path.of("/proc", String.valueOf(pid), "stat");
		try {
			String text = Files.readString(stat);
			int end = text.lastIndexOf(')');
			return end < 0 || end + 2 >= text.length() || text.charAt(end + 2) != 'Z';
		}
		catch (IOException ex) {
			// no /proc (macOS, Windows), or the process ended just now
			return Files.exists(stat.getParent()) || !Files.exists(Path.of("/proc/self"));
		}
	}

}
