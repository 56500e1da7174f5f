package az.asan.mektub.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded PostgreSQL as a bean of the context, so that it stops at the right moment: the
 * datasource depends on it, so it is destroyed after the datasource, which is destroyed after
 * everything that uses it; and beans are destroyed only after the web server has drained its
 * requests (graceful shutdown is a lifecycle phase, bean destruction comes after every phase).
 * A request in flight when SIGTERM arrives therefore finishes on a running database.
 * <p>
 * Until then a {@link PostgresSupervisor} starts the server again whenever it dies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "asan.embedded-postgres.running", havingValue = "true")
class EmbeddedPostgresServer {

	static final String BEAN_NAME = "embeddedPostgres";

	@Bean(BEAN_NAME)
	Stopper embeddedPostgres(@Value("${" + EmbeddedPostgresEnvironment.DATA_DIR_PROPERTY + "}") String dataDirKey,
			ApplicationEventPublisher events) {
		Stopper stopper = new Stopper(dataDirKey);
		// The organisation's server is brought back when it dies; the tests' throw-away one is not watched.
		EmbeddedPostgresEnvironment.running(dataDirKey)
			.filter(running -> !running.ephemeral())
			.ifPresent(running -> stopper.supervisor = new PostgresSupervisor(running.dataDir(), events).start());
		return stopper;
	}

	/** Every datasource waits for the server to stop until it has closed. */
	@Bean
	static BeanFactoryPostProcessor dataSourcesDependOnEmbeddedPostgres() {
		return beanFactory -> dependOn(beanFactory, beanFactory.getBeanNamesForType(DataSource.class, true, false));
	}

	private static void dependOn(ConfigurableListableBeanFactory beanFactory, String[] names) {
		for (String name : names) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			Set<String> dependsOn = new LinkedHashSet<>();
			if (definition.getDependsOn() != null) {
				dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
			}
			dependsOn.add(BEAN_NAME);
			definition.setDependsOn(dependsOn.toArray(String[]::new));
		}
	}

	static class Stopper implements DisposableBean {

		private static final Duration STOP_WAIT = Duration.ofSeconds(120);

		private final Log log = LogFactory.getLog(EmbeddedPostgresServer.class);

		private final String dataDirKey;

		private PostgresSupervisor supervisor;

		Stopper(String dataDirKey) {
			this.dataDirKey = dataDirKey;
		}

		@Override
		public void destroy() throws Exception {
			if (supervisor != null) {
				// stopped on purpose now: not to be started again
				supervisor.close();
			}
			EmbeddedPostgresEnvironment.Running running = EmbeddedPostgresEnvironment.running(dataDirKey).orElse(null);
			if (running == null || running.ephemeral()) {
				// The tests' throw-away server is shared by every context of the JVM; its exit stops it.
				return;
			}
			EmbeddedPostgresEnvironment.forget(dataDirKey);
			Path pidFile = running.dataDir().resolve("postmaster.pid");
			Long postmaster = PostgresSupervisor.postmasterPid(running.dataDir())
				.filter(PostgresSupervisor::isRunning)
				.orElse(null);
			if (postmaster == null) {
				// Killed and not brought back: nothing to stop, and pg_ctl would only fail and log an error.
				log.info("The embedded PostgreSQL in " + running.dataDir() + " is not running: nothing to stop");
				Files.deleteIfExists(pidFile);
				closeQuietly(running.postgres());
				return;
			}
			log.info("Stopping the embedded PostgreSQL in " + running.dataDir());
			// A fast shutdown: open sessions end, a checkpoint writes everything, nothing is lost.
			running.postgres().close();
			// pg_ctl waits 5 s only; a checkpoint of a busy server may take longer: wait for its process
			// to end (the pid file alone could name a process that is long gone).
			long until = System.nanoTime() + STOP_WAIT.toNanos();
			while (PostgresSupervisor.isRunning(postmaster) && System.nanoTime() < until) {
				Thread.sleep(100);
			}
			boolean stopped = !PostgresSupervisor.isRunning(postmaster);
			if (stopped && PostgresSupervisor.postmasterPid(running.dataDir()).filter(postmaster::equals).isPresent()) {
				Files.deleteIfExists(pidFile);
			}
			log.info(stopped ? "The embedded PostgreSQL stopped" : "The embedded PostgreSQL is still stopping");
		}

		/** Releases zonky's hold on the folder without its error line about a server that is not there. */
		private static void closeQuietly(EmbeddedPostgres postgres) throws IOException {
			LoggingSystem logging = LoggingSystem.get(EmbeddedPostgresServer.class.getClassLoader());
			String logger = EmbeddedPostgres.class.getName();
			LoggerConfiguration before = logging.getLoggerConfiguration(logger);
			logging.setLogLevel(logger, LogLevel.OFF);
			try {
				postgres.close();
			}
			finally {
				logging.setLogLevel(logger, before == null ? null : before.getConfiguredLevel());
			}
		}

	}

}
