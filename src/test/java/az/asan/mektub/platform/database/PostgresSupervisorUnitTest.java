package az.asan.mektub.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/** How the supervisor reads the server it restarts: its own options, and whether its process lives. */
class PostgresSupervisorUnitTest {

	@TempDir
	Path folder;

	@Test
	void restartsWithTheOptionsTheServerRanWithButLetsPgCtlNameTheFolder() {
		String opts = "/tmp/embedded-pg/PG-1/bin/postgres \"-D\" \"/srv/asan/data/postgres\" \"-p\" \"46697\" \"-F\" "
				+ "\"-c\" \"synchronous_commit=on\" \"-c\" \"fsync=on\" \"-c\" \"timezone=UTC\"\n";

		assertThat(PostgresSupervisor.startOptions(opts)).containsExactly("/tmp/embedded-pg/PG-1/bin/postgres", "-p",
				"46697", "-F", "-c", "synchronous_commit=on", "-c", "fsync=on", "-c", "timezone=UTC");
	}

	@Test
	void theSocketLockIsLookedForWhereTheServerWasToldToPutItsSocketElseInTmp() {
		String told = "/pg/bin/postgres \"-D\" \"/d\" \"-p\" \"5\" \"-c\" \"unix_socket_directories=/srv/build/tmp\"\n";
		String untold = "/pg/bin/postgres \"-D\" \"/d\" \"-p\" \"5\" \"-c\" \"fsync=on\"\n";

		assertThat(PostgresSupervisor.socketDirectory(PostgresSupervisor.startOptions(told))).isEqualTo("/srv/build/tmp");
		assertThat(PostgresSupervisor.socketDirectory(PostgresSupervisor.startOptions(untold))).isEqualTo("/tmp");
	}

	@Test
	void aServerThatCannotBeBroughtBackTurnsLivenessDownAndItsStalePidFileIsRemoved() throws Exception {
		// given: a folder whose postmaster is gone (a number no process can have) and cannot be started again
		Path dataDir = Files.createDirectories(folder.resolve("postgres"));
		Files.writeString(dataDir.resolve("postmaster.pid"), "4194305\n" + dataDir + "\n");
		Files.writeString(dataDir.resolve("postmaster.opts"),
				folder.resolve("no-such-bin/postgres") + " \"-D\" \"" + dataDir + "\" \"-p\" \"1\"\n");
		List<Object> states = new CopyOnWriteArrayList<>();
		ApplicationEventPublisher events = event -> {
			if (event instanceof AvailabilityChangeEvent<?> change) {
				states.add(change.getState());
			}
		};

		// when: it is watched, and giving up takes one second instead of a minute
		try (PostgresSupervisor supervisor = new PostgresSupervisor(dataDir, events, Duration.ofSeconds(1)).start()) {
			long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (!states.contains(LivenessState.BROKEN) && System.nanoTime() < until) {
				Thread.sleep(100);
			}
		}

		// then
		assertThat(states).containsExactly(LivenessState.BROKEN);
		assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
	}

	@Test
	void aPidFileOfAProcessThatIsGoneNamesNoRunningServer() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Files.writeString(folder.resolve("postmaster.pid"), gone.pid() + "\n" + folder + "\n");

		assertThat(PostgresSupervisor.postmasterPid(folder)).contains(gone.pid());
		assertThat(PostgresSupervisor.isRunning(gone.pid())).isFalse();
		assertThat(PostgresSupervisor.isRunning(ProcessHandle.current().pid())).isTrue();
		assertThat(PostgresSupervisor.postmasterPid(folder.resolve("nothing-here"))).isEmpty();
	}

}
