package az.asan.mektub.platform.security;

import az.asan.mektub.platform.settings.AsanProperties;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Penetration-test finding: the key of mail links was written readable by everyone (0644 under umask
 * 0022); with a copy of the database it computes every open link. It is the app user's alone now,
 * also when an older version made it.
 */
class PrivateFilesUnitTest {

	@TempDir
	Path dataDir;

	@Test
	void theKeyOfMailLinksIsMadeReadableByTheAppAlone() throws Exception {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		String key = links().secret();
		Path file = dataDir.resolve("link-secret");
		assertThat(key).hasSize(64);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		// the same key the next time
		assertThat(links().secret()).isEqualTo(key);
	}

	@Test
	void aKeyFileLeftReadableByEveryoneIsClosed() throws Exception {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		Path file = dataDir.resolve("link-secret");
		Files.writeString(file, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(links().secret()).startsWith("0123");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	private OneTimeLinks links() {
		AsanProperties asan = new Binder(new MapConfigurationPropertySource(Map.of("asan.data-dir", dataDir.toString())))
			.bindOrCreate("asan", AsanProperties.class);
		return new OneTimeLinks(asan, null);
	}

}
