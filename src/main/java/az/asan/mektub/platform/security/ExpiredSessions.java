package az.asan.mektub.platform.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions every minute (Spring Session's own schedule), as a scheduled job of the app:
 * on one node at a time, and while the database is away it says so once instead of a stack trace a
 * minute (see {@link az.asan.mektub.platform.database.SchedulingConfiguration}).
 */
@Component
class ExpiredSessions {

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessions(@Qualifier("jdbcIndexedSessionRepository") JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Scheduled(cron = "0 * * * * *")
	@SchedulerLock(name = "expiredSessions", lockAtMostFor = "PT10M")
	public void delete() {
		sessions.cleanUpExpiredSessions();
	}

}
