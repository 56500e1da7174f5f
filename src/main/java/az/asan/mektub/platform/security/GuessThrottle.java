package az.asan.mektub.platform.security;

import az.asan.mektub.platform.settings.AsanProperties;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guessing a code other than a password (a gift's tag code at the handover desk, issue 25) is paced
 * per person as signing in is ({@link LoginThrottle}): after {@link #SLOW_AFTER} wrong codes each
 * further try must wait a little longer, doubling up to a minute; {@link #LOCK_AFTER} wrong codes
 * within the sign-in lock period lock that person's tries for that period. A right code forgives nothing
 * (one known code would otherwise reset a guesser's count). A desk's typos (a handful an hour) never wait; a hundred guesses take hours, not seconds.
 * Counted in the sign-in's table under keys of their own, so every node counts the same tries.
 */
@Component
public class GuessThrottle {

	/** Wrong codes that cost nothing: the typos of a busy desk. */
	static final int SLOW_AFTER = 5;

	/** Wrong codes within the lock period after which tries are refused for that period. */
	static final int LOCK_AFTER = 30;

	private final JdbcClient jdbc;

	private final Duration lockFor;

	GuessThrottle(JdbcClient jdbc, AsanProperties asan) {
		this.jdbc = jdbc;
		this.lockFor = asan.login().lockFor();
	}

	/** May this person try a code now? Refused tries are not counted (nothing was checked). */
	@Transactional(readOnly = true)
	public LoginThrottle.Verdict check(String kind, long personId) {
		return jdbc.sql("SELECT failures, last_failure, locked_until FROM login_attempt WHERE key = ?")
			.param(key(kind, personId))
			.query((rs, n) -> {
				Instant now = Instant.now();
				Instant lockedUntil = rs.getTimestamp("locked_until") == null ? null
						: rs.getTimestamp("locked_until").toInstant();
				if (lockedUntil != null && lockedUntil.isAfter(now)) {
					return new LoginThrottle.Verdict(false, true, Duration.between(now, lockedUntil).toSeconds() + 1);
				}
				int failures = rs.getInt("failures");
				Instant last = rs.getTimestamp("last_failure").toInstant();
				if (failures >= SLOW_AFTER && !last.isBefore(now.minus(lockFor))) {
					long pause = Math.min(60, 1L << Math.min(failures - SLOW_AFTER, 6));
					Instant next = last.plusSeconds(pause);
					if (next.isAfter(now)) {
						return new LoginThrottle.Verdict(false, false, Duration.between(now, next).toSeconds() + 1);
					}
				}
				return LoginThrottle.Verdict.ALLOWED;
			})
			.optional()
			.orElse(LoginThrottle.Verdict.ALLOWED);
	}

	/** A wrong code: counted; a count older than the lock period starts again from one. */
	@Transactional
	public void failed(String kind, long personId) {
		LoginThrottle.countFailure(jdbc, key(kind, personId), lockFor, LOCK_AFTER);
	}

	private static String key(String kind, long personId) {
		return "guess:" + kind + ":" + personId;
	}

}
