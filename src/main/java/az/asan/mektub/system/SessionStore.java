package az.asan.mektub.system;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

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

	SessionStore(FindByIndexNameSessionRepository<? extends Session> jdbc) {
		this.jdbc = jdbc;
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
		return new StoredSession(jdbc.createSession(), true);
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
			found = jdbc.findById(id);
		}
		finally {
			READING.remove();
		}
		if (found == null) {
			return null;
		}
		StoredSession session = new StoredSession(found, false);
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
		jdbc.deleteById(id);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Session> found = jdbc.findByIndexNameAndIndexValue(indexName, indexValue);
		Map<String, StoredSession> sessions = new LinkedHashMap<>();
		found.forEach((id, session) -> sessions.put(id, new StoredSession(session, false)));
		return sessions;
	}

	/** A stored session whose last access is only moved on when it is a minute old. */
	public static final class StoredSession implements Session {

		private final Session delegate;

		private final boolean created;

		StoredSession(Session delegate, boolean created) {
			this.delegate = delegate;
			this.created = created;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (created || !lastAccessedTime.isBefore(delegate.getLastAccessedTime().plus(TOUCH_EVERY))) {
				delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return delegate.getId();
		}

		@Override
		public String changeSessionId() {
			return delegate.changeSessionId();
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
