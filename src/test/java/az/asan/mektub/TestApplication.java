package az.asan.mektub;

import org.springframework.boot.SpringApplication;

/** Runs the app on a Testcontainers PostgreSQL from the IDE: {@code ./mvnw spring-boot:test-run}. */
public class TestApplication {

	public static void main(String[] args) {
		SpringApplication.from(MektubApplication::main).with(TestServices.class).run(args);
	}

}
