package az.asan.mektub.platform.web;

import az.asan.mektub.platform.security.Randomness;

import java.io.IOException;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a short id: every log line written for it carries the id (the log pattern
 * reads it from the MDC), the response says it in {@code X-Request-Id}, and the error pages people
 * see show it, so a volunteer's "it said error 7F3A09C2" finds the log lines. The id is always made
 * here: an incoming {@code X-Request-Id} is not trusted, as anyone can send one.
 */
@Component
public class RequestId extends OncePerRequestFilter implements Ordered {

	/** The request attribute, and so the template variable {@code requestId}. */
	public static final String ATTRIBUTE = "requestId";

	public static final String HEADER = "X-Request-Id";

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RequestId.class);

	@Override
	public int getOrder() {
		// Before everything else, the outage page among them, so that it shows the id too.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error page is rendered in a dispatch of its own: its log lines carry the id too.
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getAttribute(ATTRIBUTE) instanceof String existing ? existing : newId();
		request.setAttribute(ATTRIBUTE, id);
		if (!response.isCommitted()) {
			response.setHeader(HEADER, id);
		}
		String outer = MDC.get(ATTRIBUTE);
		MDC.put(ATTRIBUTE, id);
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
				throw ex;
			}
			// Logged here, while the id is on the line: the container would log it after this filter,
			// without the id the error page shows. It then shows that page as for any other 500.
			LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), ex);
			request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION, ex);
			response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
		}
		finally {
			if (outer == null) {
				MDC.remove(ATTRIBUTE);
			}
			else {
				MDC.put(ATTRIBUTE, outer);
			}
		}
	}

	static String newId() {
		return HexFormat.of().withUpperCase().formatHex(Randomness.bytes(4));
	}

}
