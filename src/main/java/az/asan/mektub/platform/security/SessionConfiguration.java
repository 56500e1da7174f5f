package az.asan.mektub.platform.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in PostgreSQL so that every node serves every user (Spring Session JDBC), arranged so
 * that a signed-in request costs one statement for its session when nothing in it changed:
 * <ul>
 * <li>the session is read outside any transaction (one SELECT of the session and its attributes),
 * once per request ({@link SessionStore});</li>
 * <li>it is written only when something changed; its last access time only once a minute;</li>
 * <li>writes run in a plain JDBC transaction of their own (no JPA EntityManager for JDBC work), and do
 * not wait for the disk ({@code synchronous_commit off} for their own transactions only): a crash could
 * lose the last fraction of a second of them, which at worst signs someone out;</li>
 * <li>attributes are written with PostgreSQL's upsert, so two requests of one session adding the same
 * attribute at once (a double press, two tabs) both succeed instead of one failing on the primary key;</li>
 * <li>values with a {@link SessionValueCodec} (the security context) are written in a compact form, any
 * other value Java-serialised.</li>
 * </ul>
 * Visitors who have not signed in have no session at all (see {@link SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * The application's own transaction template. Declared here because Boot backs off from its own
	 * once any TransactionOperations exists.
	 */
	@Bean
	@Primary
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	/** Spring Session JDBC itself; only {@link SessionStore} uses it. */
	@Bean(defaultCandidate = false)
	JdbcIndexedSessionRepository jdbcIndexedSessionRepository(DataSource dataSource,
			ObjectProvider<SessionValueCodec> codecs, @Value("${server.servlet.session.timeout:8h}") Duration timeout,
			SessionStore.HashedIds ids) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc,
				sessionTransactions(dataSource, jdbc));
		new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
		repository.setDefaultMaxInactiveInterval(timeout);
		repository.setConversionService(conversions(codecs.orderedStream().toList()));
		repository.setSessionIdGenerator(ids);
		// Expired sessions are deleted by ExpiredSessions, a scheduled job like the others (one node at a
		// time, one line per database outage), not by a scheduler of the repository's own.
		repository.setCleanupCron(Scheduled.CRON_DISABLED);
		return repository;
	}

	/**
	 * Session ids are stored as their keyed hash (see {@link SessionStore}); the key is made once by the
	 * migration V25_10 and read from the database, so every node on it agrees.
	 */
	@Bean
	SessionStore.HashedIds sessionIds(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return new SessionStore.HashedIds(
				() -> jdbc.queryForObject("SELECT secret FROM session_id_key WHERE id = 1", String.class));
	}

	@Bean
	SessionStore sessionRepository(
			@Qualifier("jdbcIndexedSessionRepository") JdbcIndexedSessionRepository jdbc, SessionStore.HashedIds ids) {
		return new SessionStore(jdbc, ids);
	}

	/** Spring Session's filter, each request with its own memory of the session it read. */
	@Bean
	SessionRepositoryFilter<SessionStore.StoredSession> springSessionRepositoryFilter(SessionStore sessions,
			CookieSerializer cookieSerializer) {
		SessionRepositoryFilter<SessionStore.StoredSession> filter = new SessionRepositoryFilter<>(sessions) {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				boolean began = SessionStore.beginRequest();
				try {
					super.doFilterInternal(request, response, chain);
				}
				finally {
					if (began) {
						SessionStore.endRequest();
					}
				}
			}

		};
		CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
		cookies.setCookieSerializer(cookieSerializer);
		filter.setHttpSessionIdResolver(cookies);
		return filter;
	}

	/**
	 * Reads without a transaction (one statement needs none); writes in a plain JDBC transaction of
	 * their own that does not wait for the disk.
	 */
	private static TransactionOperations sessionTransactions(DataSource dataSource, JdbcTemplate jdbc) {
		TransactionTemplate writes = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new TransactionOperations() {

			@Override
			public <T> T execute(TransactionCallback<T> action) {
				if (SessionStore.READING.get() != null) {
					return action.doInTransaction(new SimpleTransactionStatus(false));
				}
				return writes.execute(status -> {
					jdbc.execute("SET LOCAL synchronous_commit TO OFF");
					return action.doInTransaction(status);
				});
			}

		};
	}

	private static GenericConversionService conversions(List<SessionValueCodec> codecs) {
		for (SessionValueCodec codec : codecs) {
			if (codec.tag() == (byte) 0xAC) {
				throw new IllegalStateException(codec + " uses the tag of Java serialisation");
			}
		}
		SerializingConverter serializer = new SerializingConverter();
		DeserializingConverter deserializer = new DeserializingConverter(SessionConfiguration.class.getClassLoader());
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(new GenericConverter() {

			@Override
			public Set<ConvertiblePair> getConvertibleTypes() {
				return Set.of(new ConvertiblePair(Object.class, byte[].class));
			}

			@Override
			public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
				for (SessionValueCodec codec : codecs) {
					if (codec.handles(source)) {
						ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
						try (DataOutputStream out = new DataOutputStream(bytes)) {
							out.writeByte(codec.tag());
							codec.write(source, out);
						}
						catch (IOException ex) {
							throw new ConversionFailedException(sourceType, targetType, source, ex);
						}
						return bytes.toByteArray();
					}
				}
				return serializer.convert(source);
			}

		});
		conversions.addConverter(new GenericConverter() {

			@Override
			public Set<ConvertiblePair> getConvertibleTypes() {
				return Set.of(new ConvertiblePair(byte[].class, Object.class));
			}

			@Override
			public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
				byte[] bytes = (byte[]) source;
				if (bytes.length > 0) {
					for (SessionValueCodec codec : codecs) {
						if (codec.tag() == bytes[0]) {
							try (DataInputStream in = new DataInputStream(
									new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
								return codec.read(in);
							}
							catch (IOException ex) {
								throw new ConversionFailedException(sourceType, targetType, source, ex);
							}
						}
					}
				}
				return deserializer.convert(bytes);
			}

		});
		return conversions;
	}

}
