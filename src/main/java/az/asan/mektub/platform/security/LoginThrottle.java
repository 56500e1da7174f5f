package az.asan.mektub.platform.security;

import az.asan.mektub.platform.settings.AsanProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guessing passwords gets slow, then stops, for the guesser and not for the owner. Failures count
 * per account <em>and address</em>: after a few for one account from one address each further
 * attempt from there must wait a little longer, doubling up to a minute; past the limit that pair is
 * locked for a quarter of an hour. Many failures from one address (for any accounts) lock that
 * address for the accounts it failed on; for the others it only paces attempts (one per
 * {@link #ADDRESS_PACE}), so that a guesser spraying one password over many accounts is slow, while
 * a person behind the same address (a school's or a mobile network's NAT) still signs in. The owner,
 * signing in from anywhere else, is never kept out by someone who merely knows their e-mail address;
 * and a password reset by mail (which is not throttled) forgives every count of the account and
 * exempts it from address locks for a day, so the owner always has a way in. The address is the one the connection came
 * from, or the client named by a trusted proxy (see {@link az.asan.mektub.platform.web.TrustedProxies}), never a header anyone
 * can send. Kept in PostgreSQL, so every node of the cluster counts the same failures.
 */
@Component
public class LoginThrottle {

	public record Verdict(boolean allowed, boolean locked, long waitSeconds) {

		static final Verdict ALLOWED = new Verdict(true, false, 0);

	}

	/** From a locked address, one attempt per this for accounts it has not failed on. */
	static final Duration ADDRESS_PACE = Duration.ofSeconds(10);

	/** How long a reset by mail exempts the owner from address locks. */
	static final Duration PROVEN_FOR = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final int slowAfter;

	private final int lockAfter;

	private final int lockAfterPerAddress;

	private final Duration lockFor;

	LoginThrottle(JdbcClient jdbc, AsanProperties asan) {
		this.jdbc = jdbc;
		this.slowAfter = asan.login().slowAfter();
		this.lockAfter = asan.login().lockAfter();
		this.lockAfterPerAddress = asan.login().lockAfterPerAddress();
		this.lockFor = asan.login().lockFor();
	}

	@Transactional(readOnly = true)
	public Verdict check(String email, String address) {
		String pair = accountKey(email, address);
		Verdict forAccount = verdict(pair, true);
		if (!forAccount.allowed()) {
			return forAccount;
		}
		Verdict forAddress = verdict(addressKey(address), false);
		if (forAddress.allowed() || proven(email)) {
			return Verdict.ALLOWED;
		}
		// A locked address still lets a paced attempt through for an account it has not failed on, so
		// that someone else behind the same address (a school, a mobile network) can still sign in;
		// a guesser trying one password on many accounts gets one try per ADDRESS_PACE.
		if (failures(pair) == 0) {
			return paced(addressKey(address));
		}
		return forAddress;
	}

	@Transactional
	public void failed(String email, String address) {
		record(accountKey(email, address), lockAfter);
		record(addressKey(address), lockAfterPerAddress);
	}

	@Transactional
	public void succeeded(String email, String address) {
		jdbc.sql("DELETE FROM login_attempt WHERE key = ?").param(accountKey(email, address)).update();
	}

	/**
	 * The owner proved their address (a password reset): no count of their account keeps them waiting
	 * anywhere, and for a day a lock of the address they sign in from (shared with a guesser behind
	 * the same NAT) does not keep them out either; their own account's count still does.
	 */
	@Transactional
	public void forgive(String email) {
		jdbc.sql("DELETE FROM login_attempt WHERE starts_with(key, ?)").param(accountKey(email, "")).update();
		jdbc.sql("""
				INSERT INTO login_attempt (key, failures, last_failure, locked_until)
				VALUES (:key, 0, now(), now() + make_interval(secs => :seconds))
				ON CONFLICT (key) DO UPDATE SET locked_until = EXCLUDED.locked_until""")
			.param("key", provenKey(email))
			.param("seconds", PROVEN_FOR.toSeconds())
			.update();
	}

	private boolean proven(String email) {
		return jdbc.sql("SELECT count(*) > 0 FROM login_attempt WHERE key = ? AND locked_until > now()")
			.param(provenKey(email))
			.query(Boolean.class)
			.single();
	}

	/** Recent failures of one key (within the lock period). */
	private int failures(String key) {
		return jdbc.sql("""
				SELECT failures FROM login_attempt
				WHERE key = :key AND last_failure >= now() - make_interval(secs => :window)""")
			.param("key", key)
			.param("window", lockFor.toSeconds())
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Allowed when the key's last failure is at least ADDRESS_PACE ago, else a wait (never "locked"). */
	private Verdict paced(String key) {
		return jdbc.sql("SELECT last_failure FROM login_attempt WHERE key = ?")
			.param(key)
			.query((rs, n) -> {
				Instant now = Instant.now();
				Instant next = rs.getTimestamp("last_failure").toInstant().plus(ADDRESS_PACE);
				return next.isAfter(now) ? new Verdict(false, false, Duration.between(now, next).toSeconds() + 1)
						: Verdict.ALLOWED;
			})
			.optional()
			.orElse(Verdict.ALLOWED);
	}

	private Verdict verdict(String key, boolean slowDown) {
		return jdbc.sql("SELECT failures, last_failure, locked_until FROM login_attempt WHERE key = ?")
			.param(key)
			.query((rs, n) -> {
				Instant now = Instant.now();
				Instant lockedUntil = rs.getTimestamp("locked_until") == null ? null
						: rs.getTimestamp("locked_until").toInstant();
				if (lockedUntil != null && lockedUntil.isAfter(now)) {
					return new Verdict(false, true, Duration.between(now, lockedUntil).toSeconds() + 1);
				}
				int failures = rs.getInt("failures");
				if (slowDown && failures >= slowAfter) {
					long pause = Math.min(60, 1L << Math.min(failures - slowAfter, 6));
					Instant next = rs.getTimestamp("last_failure").toInstant().plusSeconds(pause);
					if (next.isAfter(now)) {
						return new Verdict(false, false, Duration.between(now, next).toSeconds() + 1);
					}
				}
				return Verdict.ALLOWED;
			})
			.optional()
			.orElse(Verdict.ALLOWED);
	}

	/** Counts a failure; a count older than the lock period starts again from one. */
	private void record(String key, int limit) {
		countFailure(jdbc, key, lockFor, limit);
	}

	/**
	 * Counts a failure under {@code key} (a sign-in here, a guessed code in {@link GuessThrottle}): a
	 * count older than {@code lockFor} starts again from one, and the {@code limit}-th failure within it
	 * locks the key for {@code lockFor}.
	 */
	static void countFailure(JdbcClient jdbc, String key, java.time.Duration lockFor, int limit) {
		jdbc.sql("""
				INSERT INTO login_attempt (key, failures, last_failure) VALUES (:key, 1, now())
				ON CONFLICT (key) DO UPDATE SET
				    failures = CASE WHEN login_attempt.last_failure < now() - make_interval(secs => :window)
				                    THEN 1 ELSE login_attempt.failures + 1 END,
				    last_failure = now(),
				    locked_until = CASE WHEN login_attempt.last_failure >= now() - make_interval(secs => :window)
				                         AND login_attempt.failures + 1 >= :limit
				                        THEN now() + make_interval(secs => :window) ELSE login_attempt.locked_until END""")
			.param("key", key)
			.param("window", lockFor.toSeconds())
			.param("limit", limit)
			.update();
	}

	private static String accountKey(String email, String address) {
		String name = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		// No account has a longer address; the key must fit its column whatever is typed.
		return "account:" + (name.length() > 240 ? name.substring(0, 240) : name) + "|" + address;
	}

	private static String provenKey(String email) {
		return "proven:" + accountKey(email, "");
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
