package az.asan.mektub.system;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
