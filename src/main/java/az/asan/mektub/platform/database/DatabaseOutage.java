package az.asan.mektub.platform.database;

import az.asan.mektub.platform.web.RequestId;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When PostgreSQL is away, people get a friendly page in their language with 503 and Retry-After,
 * never a stack trace. Once a request found the database down, the next two seconds of requests
 * that would need it are answered at once instead of each waiting for a connection, so threads do
 * not pile up; then one request tries again, and when the database is back everything works again
 * without a restart (the pool reconnects by itself). Static files never need the database.
 */
@Component
class DatabaseOutage extends OncePerRequestFilter implements Ordered {

	private static final Duration PAUSE = Duration.ofSeconds(2);

	private static final Set<String> LANGUAGES = Set.of("az", "en", "ru");

	private final Log log = LogFactory.getLog(DatabaseOutage.class);

	private final SpringTemplateEngine templates;

	private volatile Instant downUntil = Instant.EPOCH;

	DatabaseOutage(SpringTemplateEngine templates) {
		this.templates = templates;
	}

	@Override
	public int getOrder() {
		// Outside everything that may touch the database, Spring Session's filter among them.
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/images/") || path.equals("/about")
				// the probes answer for themselves: readiness DOWN while the database is away, liveness UP
				|| path.startsWith("/actuator/");
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// An exception that escaped to the container (a failed rollback, a failed session save) comes
		// back here as an error dispatch: answer it with the outage page too, not the container's 500.
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				&& isDatabaseDown(failure) && !response.isCommitted()) {
			downUntil = Instant.now().plus(PAUSE);
			response.reset();
			unavailable(request, response);
			return;
		}
		if (Instant.now().isBefore(downUntil)) {
			unavailable(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!isDatabaseDown(ex) || response.isCommitted()) {
				throw ex;
			}
			downUntil = Instant.now().plus(PAUSE);
			log.warn("The database cannot be reached: " + rootMessage(ex));
			response.reset();
			unavailable(request, response);
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		if (request.getAttribute(RequestId.ATTRIBUTE) instanceof String id) {
			response.setHeader(RequestId.HEADER, id);
		}
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/html;charset=UTF-8");
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), language(request));
		templates.process("error/unavailable", context, response.getWriter());
	}

	private static Locale language(HttpServletRequest request) {
		String lang = request.getParameter("lang");
		if (lang == null && request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if ("ASANLANG".equals(cookie.getName())) {
					lang = cookie.getValue();
				}
			}
		}
		return Locale.forLanguageTag(lang != null && LANGUAGES.contains(lang) ? lang : "az");
	}

	static boolean isDatabaseDown(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			// A rollback that failed because its connection is gone: Spring's TransactionSystemException
			// around Hibernate's "Unable to rollback against JDBC Connection".
			if (t.getClass().getName().equals("org.hibernate.TransactionException") && t.getMessage() != null
					&& t.getMessage().startsWith("Unable to rollback")) {
				return true;
			}
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof ConnectException
					|| t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
