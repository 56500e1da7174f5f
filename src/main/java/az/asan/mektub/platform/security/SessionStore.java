package az.asan.mektub.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionIdGenerator;

/**
 * The sessions in PostgreSQL (Spring Session JDBC underneath), made cheap for the request that only
 * reads its session, which is nearly every request:
 * <ul>
 * <li>the last access time is written only when the stored one is a minute old or more, so a request
 * that changes nothing in its session writes nothing (a session may therefore end up to a minute
 * before its 8 hours of idleness are over);</li>
 * <li>a session is read once per request: Spring Session's filter asks for it again after saving
 * (see {@link SessionConfiguration}), and gets the copy the request already holds.</li>
 * </ul>
 * Everything else (attributes, a change of id at sign-in, invalidation, the principal's index, the
 * clean-up of expired sessions) is Spring Session's, so every node shares every session as before.
 * <p>
 * The database holds no session id that signs anyone in: a session's id (256 random bits, in the
 * cookie) is stored as its HMAC-SHA256 under a key made once in the database ({@link HashedIds}), so
 * a read of {@code spring_session} or a backup of the database yields nothing to put in a cookie.
 * Here ids are the cookie's; {@link #endAllBut} ends sessions by their stored form.
 */
public final class SessionStore implements FindByIndexNameSessionRepository<SessionStore.StoredSession> {

	/** How old the stored last access may get before a request writes a new one. */
	static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	/** The sessions read during the current request, by id; absent outside a request. */
	private static final ThreadLocal<Map<String, StoredSession>> READ_IN_THIS_REQUEST = new ThreadLocal<>();

	/** Set while a session is read, so that the read runs outside a transaction. */
	static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

	@SuppressWarnings("rawtypes")
	private final FindByIndexNameSessionRepository jdbc;

	private final HashedIds ids;

	SessionStore(FindByIndexNameSessionRepository<? extends Session> jdbc, HashedIds ids) {
		this.jdbc = jdbc;
		this.ids = ids;
	}

	/**
	 * Session ids as Spring Session JDBC stores them: the generator hands it the keyed hash of a new
	 * random id and keeps the id itself for the thread that asked, which takes it at once
	 * ({@link SessionStore#createSession}, {@link StoredSession#changeSessionId}).
	 */
	public static final class HashedIds implements SessionIdGenerator {

		private final ThreadLocal<String> lastMade = new ThreadLocal<>();

		private final Supplier<String> secret;

		private volatile SecretKeySpec key;

		HashedIds(Supplier<String> secret) {
			this.secret = secret;
		}

		@Override
		public String generate() {
			byte[] bytes = Randomness.bytes(32);
			String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			lastMade.set(id);
			return hash(id);
		}

		String takeLastMade() {
			String id = lastMade.get();
			lastMade.remove();
			if (id == null) {
				throw new IllegalStateException("no session id was made on this thread");
			}
			return id;
		}

		/** The stored form of a session id. */
		public String hash(String id) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key());
				return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private SecretKeySpec key() {
			SecretKeySpec known = key;
			if (known == null) {
				known = new SecretKeySpec(secret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
				key = known;
			}
			return known;
		}

	}

	/**
	 * Ends every session of a person but the one with the cookie's id {@code kept} (null: all), by
	 * their stored ids, which no cookie carries.
	 */
	void endAllBut(String principal, String kept) {
		@SuppressWarnings("unchecked")
		Map<String, ? extends Session> found = jdbc.findByIndexNameAndIndexValue(PRINCIPAL_NAME_INDEX_NAME, principal);
		String keptStored = kept == null ? null : ids.hash(kept);
		Map<String, StoredSession> read = READ_IN_THIS_REQUEST.get();
		for (String stored : found.keySet()) {
			if (!stored.equals(keptStored)) {
				if (read != null) {
					read.values().removeIf(session -> session.delegate.getId().equals(stored));
				}
				jdbc.deleteById(stored);
			}
		}
	}

	/**
	 * Starts a request's memory of the sessions it read; returns false (and changes nothing) when a
	 * request on this thread already has one, as an error or include dispatch inside it does.
	 */
	static boolean beginRequest() {
		if (READ_IN_THIS_REQUEST.get() != null) {
			return false;
		}
		READ_IN_THIS_REQUEST.set(new HashMap<>(4));
		return true;
	}

	static void endRequest() {
		READ_IN_THIS_REQUEST.remove();
	}

	@Override
	public StoredSession createSession() {
		Session created = jdbc.createSession();
		return new StoredSession(created, true, ids, ids.takeLastMade());
	}

	@Override
	@SuppressWarnings("unchecked")
	public void save(StoredSession session) {
		jdbc.save(session.delegate);
	}

	@Override
	public StoredSession findById(String id) {
		Map<String, StoredSession> read = READ_IN_THIS_REQUEST.get();
		if (read != null) {
			StoredSession known = read.get(id);
			if (known != null && known.getId().equals(id)) {
				return known;
			}
		}
		Session found;
		READING.set(Boolean.TRUE);
		try {
			found = jdbc.findById(ids.hash(id));
		}
		finally {
			READING.remove();
		}
		if (found == null) {
			return null;
		}
		StoredSession session = new StoredSession(found, false, ids, id);
		if (read != null) {
			read.put(id, session);
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, StoredSession> read = READ_IN_THIS_REQUEST.get();
		if (read != null) {
			read.remove(id);
		}
		jdbc.deleteById(ids.hash(id));
	}

	/** Sessions by index, keyed and identified by their stored ids (the cookie's are not known here). */
	@Override
	@SuppressWarnings("unchecked")
	public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Session> found = jdbc.findByIndexNameAndIndexValue(indexName, indexValue);
		Map<String, StoredSession> sessions = new LinkedHashMap<>();
		found.forEach((id, session) -> sessions.put(id, new StoredSession(session, false, ids, null)));
		return sessions;
	}

	/** A stored session whose last access is only moved on when it is a minute old. */
	public static final class StoredSession implements Session {

		private final Session delegate;

		private final boolean created;

		private final HashedIds ids;

		/** The cookie's id; null for a session found by index, known only by its stored id. */
		private String id;

		StoredSession(Session delegate, boolean created, HashedIds ids, String id) {
			this.delegate = delegate;
			this.created = created;
			this.ids = ids;
			this.id = id;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (created || !lastAccessedTime.isBefore(delegate.getLastAccessedTime().plus(TOUCH_EVERY))) {
				delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return id != null ? id : delegate.getId();
		}

		@Override
		public String changeSessionId() {
			delegate.changeSessionId();
			id = ids.takeLastMade();
			return id;
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return delegate.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return delegate.isExpired();
		}

	}

}
