package az.asan.mektub;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Controllers map requests to a feature's operations and views, as spring-petclinic's do (issue 24): no
 * controller over 250 lines or with more than 8 constructor dependencies. One that grows past either
 * has taken on a query, a cache or a rendering that belongs to its feature's services.
 */
class ThinControllersTest {

	private static final int MOST_LINES = 250;

	private static final int MOST_DEPENDENCIES = 8;

	@Test
	void everyControllerIsAtMost250LinesWithAtMost8Dependencies() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		List<String> found = new ArrayList<>();
		int controllers = 0;
		for (var candidate : scanner.findCandidateComponents("az.asan.mektub")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			if (!Files.exists(source(type))) {
				continue; // a test's own controller
			}
			controllers++;
			for (Constructor<?> constructor : type.getDeclaredConstructors()) {
				if (constructor.getParameterCount() > MOST_DEPENDENCIES) {
					found.add(type.getSimpleName() + " takes " + constructor.getParameterCount() + " dependencies");
				}
			}
			long lines = lines(type);
			if (lines > MOST_LINES) {
				found.add(type.getSimpleName() + " has " + lines + " lines");
			}
		}
		assertThat(controllers).as("controllers found").isGreaterThan(20);
		assertThat(found).isEmpty();
	}

	private static Path source(Class<?> type) {
		return Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
	}

	private static long lines(Class<?> type) throws IOException {
		try (Stream<String> lines = Files.lines(source(type))) {
			return lines.count();
		}
	}

}
