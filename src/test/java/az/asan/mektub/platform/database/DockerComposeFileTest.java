package az.asan.mektub.platform.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml as someone runs it: only the app is reachable from outside, no password has a
 * default anyone could know, and the file says how the first administrator signs in. (No Docker engine
 * here: the file is read, not run.)
 */
class DockerComposeFileTest {

	private final String text = read();

	@SuppressWarnings("unchecked")
	private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) new Yaml()
		.<Map<String, Object>>load(text)
		.get("services");

	@Test
	@SuppressWarnings("unchecked")
	void postgresIsNotPublishedAndOnlyTheAppIs() {
		assertThat(services.get("postgres")).doesNotContainKey("ports");
		services.forEach((name, service) -> {
			if (!name.equals("app")) {
				assertThat(service).as(name).doesNotContainKey("ports");
			}
		});
		assertThat((List<Object>) services.get("app").get("ports")).containsExactly("8080:8080");
	}

	@Test
	void theDatabasePasswordMustComeFromTheEnvironment() {
		assertThat(text).doesNotContain("asan-local-only");
		assertThat(environment("postgres").get("POSTGRES_PASSWORD")).startsWith("${POSTGRES_PASSWORD:?");
		assertThat(environment("app").get("SPRING_DATASOURCE_PASSWORD")).startsWith("${POSTGRES_PASSWORD:?");
	}

	@Test
	void theFirstAdministratorsSignInIsNamedNotDefaulted() {
		assertThat(environment("app").get("ASAN_ADMIN_EMAIL")).startsWith("${ASAN_ADMIN_EMAIL:?");
		assertThat(environment("app").get("ASAN_ADMIN_PASSWORD")).startsWith("${ASAN_ADMIN_PASSWORD:?");
		assertThat(text).contains("http://localhost:8080/login")
			.contains("sign in as ASAN_ADMIN_EMAIL with ASAN_ADMIN_PASSWORD");
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> environment(String service) {
		return (Map<String, String>) services.get(service).get("environment");
	}

	private static String read() {
		try {
			return Files.readString(Path.of("docker-compose.yml"));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
