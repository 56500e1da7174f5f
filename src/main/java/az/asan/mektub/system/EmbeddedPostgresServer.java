package az.asan.mektub.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded PostgreSQL as a bean of the context, so that it stops at the right moment: the
 * datasource depends on it, so it is destroyed after the datasource, which is destroyed after
 * everything that uses it; and beans are destroyed only after the web server has drained its
 * requests (graceful shutdown is a lifecycle phase, bean destruction comes after every phase).
 * A request in flight when SIGTERM arrives therefore finishes on a running database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "asan.embedded-postgres.running", havingValue = "true")
class EmbeddedPostgresServer {

	static final String BEAN_NAME = "embeddedPostgres";

	@Bean(BEAN_NAME)
	Stopper embeddedPostgres(@Value("${" + EmbeddedPostgresEnvironment.DATA_DIR_PROPERTY + "}") String dataDirKey) {
		return new Stopper(dataDirKey);
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

		Stopper(String dataDirKey) {
			this.dataDirKey = dataDirKey;
		}

		@Override
		public void destroy() throws Exception {
			EmbeddedPostgresEnvironment.Running running = EmbeddedPostgresEnvironment.running(dataDirKey).orElse(null);
			if (running == null || running.ephemeral()) {
				// The tests' throw-away server is shared by every context of the JVM; its exit stops it.
				return;
			}
			EmbeddedPostgresEnvironment.forget(dataDirKey);
			log.info("Stopping the embedded PostgreSQL in " + running.dataDir());
			// A fast shutdown: open sessions end, a checkpoint writes everything, nothing is lost.
			running.postgres().close();
			// pg_ctl waits 5 s only; a checkpoint of a busy server may take longer: wait for it to end.
			Path pidFile = running.dataDir().resolve("postmaster.pid");
			long until = System.nanoTime() + STOP_WAIT.toNanos();
			while (Files.exists(pidFile) && System.nanoTime() < until) {
				Thread.sleep(100);
			}
			log.info(Files.exists(pidFile) ? "The embedded PostgreSQL is still stopping" : "The embedded PostgreSQL stopped");
		}

	}

}
