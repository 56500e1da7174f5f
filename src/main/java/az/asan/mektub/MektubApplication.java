package az.asan.mektub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MektubApplication {

	public static void main(String[] args) {
		stopNormallyOnSignals();
		SpringApplication.run(MektubApplication.class, args);
	}

	/**
	 * SIGTERM (a service manager, an orchestrator, Maven stopping {@code spring-boot:run}) and SIGINT (Ctrl-C)
	 * are the normal ways to stop the app: it shuts down as always (the web server drains, then the database
	 * stops) and exits with 0 rather than the JVM's 143 or 130, which {@code spring-boot:run} reported as a
	 * BUILD FAILURE and systemd as a failed unit. A platform without these signals keeps the JVM's own.
	 */
	static void stopNormallyOnSignals() {
		for (String name : new String[] { "TERM", "INT" }) {
			try {
				sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> System.exit(0));
			}
			catch (IllegalArgumentException | UnsupportedOperationException ex) {
				// not a signal here, or the JVM runs with -Xrs
			}
		}
	}

}
