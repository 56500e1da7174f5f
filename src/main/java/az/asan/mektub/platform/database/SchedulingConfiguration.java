package az.asan.mektub.platform.database;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Scheduled jobs run once per cluster: before a job runs, its node takes the job's row in the
 * {@code shedlock} table (the database's clock decides, so nodes with skewed clocks agree).
 * <p>
 * While the database is away a job cannot run, and says so once: one warning line per job per outage
 * (not a stack trace at every attempt), and one line when it runs again.
 * <p>
 * {@code asan.jobs.enabled=false} keeps this node from running any job on its own schedule (the tests do:
 * a test that needs a job calls it, and the contexts the test framework keeps between test classes stay
 * quiet); the "run now" buttons still work.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	/** Around every {@code @Scheduled} method, outside its scheduling lock (which needs the database too). */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor jobsDuringAnOutage() {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				AnnotationMatchingPointcut.forMethodAnnotation(Scheduled.class), new JobsDuringAnOutage());
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

	/** The schedules themselves: on unless {@code asan.jobs.enabled=false}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "asan.jobs.enabled", matchIfMissing = true)
	@EnableScheduling
	static class Schedules {

	}

	static class JobsDuringAnOutage implements MethodInterceptor {

		private final Log log = LogFactory.getLog(JobsDuringAnOutage.class);

		private final Set<String> waiting = ConcurrentHashMap.newKeySet();

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			String job = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
					+ invocation.getMethod().getName();
			Object result;
			try {
				result = invocation.proceed();
			}
			catch (Throwable ex) {
				if (!DatabaseOutage.isDatabaseDown(ex)) {
					throw ex;
				}
				if (waiting.add(job)) {
					log.warn("Job " + job + " cannot run: the database cannot be reached (" + root(ex)
							+ "); it runs again once the database is back");
				}
				return null;
			}
			if (waiting.remove(job)) {
				log.info("Job " + job + " runs again: the database is back");
			}
			return result;
		}

		private static String root(Throwable ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			return root.getClass().getSimpleName() + ": " + root.getMessage();
		}

	}

}
