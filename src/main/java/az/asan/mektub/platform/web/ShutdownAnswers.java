package az.asan.mektub.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request still running when the app stops and the web server's drain time is over
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}) gets the 503 page that says the service is
 * restarting, instead of a connection closed without an answer. Its own thread may still finish later:
 * whatever it writes then is dropped, and its failure (the context is closing) reaches nobody.
 * <p>
 * The answer is given between two lifecycle phases: after the graceful drain (which ends at its time
 * limit) and before the web server stops and closes the connections.
 */
@Component
class ShutdownAnswers extends OncePerRequestFilter implements SmartLifecycle, Ordered {

	/** Between the web server's graceful drain (DEFAULT_PHASE - 1024) and its stop (DEFAULT_PHASE - 2048). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

	private static final Set<String> LANGUAGES = Set.of("az", "en", "ru");

	private final Log log = LogFactory.getLog(ShutdownAnswers.class);

	private final SpringTemplateEngine templates;

	private final Map<Guarded, HttpServletRequest> inFlight = new ConcurrentHashMap<>();

	private volatile boolean running;

	ShutdownAnswers(SpringTemplateEngine templates) {
		this.templates = templates;
	}

	@Override
	public int getOrder() {
		// Inside the request id (its id goes on the page), outside everything that may take long.
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Guarded guarded = new Guarded(response, language(request));
		inFlight.put(guarded, request);
		try {
			chain.doFilter(request, guarded);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!guarded.cut) {
				throw ex;
			}
			log.debug("A request answered at shutdown failed afterwards: " + ex);
		}
		finally {
			inFlight.remove(guarded);
		}
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		if (!inFlight.isEmpty()) {
			log.warn("Answering " + inFlight.size() + " request(s) still running after the drain time with 503");
		}
		inFlight.forEach((guarded, request) -> {
			try {
				guarded.cutOff(request);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Could not answer a request at shutdown: " + ex);
			}
		});
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** From the query string or the language cookie only: the body belongs to the request's own thread. */
	private static Locale language(HttpServletRequest request) {
		String lang = null;
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.startsWith("lang=")) {
					lang = pair.substring(5);
				}
			}
		}
		if (lang == null && request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if ("ASANLANG".equals(cookie.getName())) {
					lang = cookie.getValue();
				}
			}
		}
		return Locale.forLanguageTag(lang != null && LANGUAGES.contains(lang) ? lang : "az");
	}

	/**
	 * The response as the request's thread sees it; once {@link #cutOff} answered, everything it does to
	 * the response is dropped. Both sides hold the same lock, so they never write at once.
	 */
	private final class Guarded extends HttpServletResponseWrapper {

		private final Locale language;

		private volatile boolean cut;

		private ServletOutputStream out;

		private PrintWriter writer;

		Guarded(HttpServletResponse response, Locale language) {
			super(response);
			this.language = language;
		}

		synchronized void cutOff(HttpServletRequest request) throws IOException {
			HttpServletResponse response = (HttpServletResponse) getResponse();
			if (cut || response.isCommitted()) {
				return;
			}
			cut = true;
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "60");
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("Connection", "close");
			if (request.getAttribute(RequestId.ATTRIBUTE) instanceof String id) {
				response.setHeader(RequestId.HEADER, id);
			}
			response.setContentType("text/html;charset=UTF-8");
			StringWriter page = new StringWriter();
			WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
				.buildExchange(request, response), language, Map.of("stopping", true));
			templates.process("error/unavailable", context, page);
			byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
			response.setContentLength(body.length);
			if (writer != null) {
				// the request's thread took the writer: the same kind of stream must be used
				PrintWriter pageWriter = response.getWriter();
				pageWriter.write(page.toString());
				pageWriter.close();
			}
			else {
				ServletOutputStream pageOut = response.getOutputStream();
				pageOut.write(body);
				// closing ends the response (Tomcat sends it whole) although the request's thread goes on
				pageOut.close();
			}
		}

		@Override
		public synchronized ServletOutputStream getOutputStream() throws IOException {
			if (out == null) {
				ServletOutputStream real = cut ? null : super.getOutputStream();
				out = new GuardedStream(real);
			}
			return out;
		}

		@Override
		public synchronized PrintWriter getWriter() throws IOException {
			if (writer == null) {
				PrintWriter real = cut ? new PrintWriter(java.io.Writer.nullWriter()) : super.getWriter();
				writer = new PrintWriter(new java.io.Writer() {

					@Override
					public void write(char[] chars, int off, int len) {
						synchronized (Guarded.this) {
							if (!cut) {
								real.write(chars, off, len);
							}
						}
					}

					@Override
					public void flush() {
						synchronized (Guarded.this) {
							if (!cut) {
								real.flush();
							}
						}
					}

					@Override
					public void close() {
						synchronized (Guarded.this) {
							if (!cut) {
								real.close();
							}
						}
					}

				});
			}
			return writer;
		}

		@Override
		public synchronized void flushBuffer() throws IOException {
			if (!cut) {
				super.flushBuffer();
			}
		}

		@Override
		public synchronized void setStatus(int sc) {
			if (!cut) {
				super.setStatus(sc);
			}
		}

		@Override
		public synchronized void sendError(int sc, String msg) throws IOException {
			if (!cut) {
				super.sendError(sc, msg);
			}
		}

		@Override
		public synchronized void sendError(int sc) throws IOException {
			if (!cut) {
				super.sendError(sc);
			}
		}

		@Override
		public synchronized void sendRedirect(String location) throws IOException {
			if (!cut) {
				super.sendRedirect(location);
			}
		}

		@Override
		public synchronized void setHeader(String name, String value) {
			if (!cut) {
				super.setHeader(name, value);
			}
		}

		@Override
		public synchronized void addHeader(String name, String value) {
			if (!cut) {
				super.addHeader(name, value);
			}
		}

		@Override
		public synchronized void addCookie(Cookie cookie) {
			if (!cut) {
				super.addCookie(cookie);
			}
		}

		@Override
		public synchronized void setContentType(String type) {
			if (!cut) {
				super.setContentType(type);
			}
		}

		@Override
		public synchronized void setContentLength(int len) {
			if (!cut) {
				super.setContentLength(len);
			}
		}

		@Override
		public synchronized void setContentLengthLong(long len) {
			if (!cut) {
				super.setContentLengthLong(len);
			}
		}

		@Override
		public synchronized void setCharacterEncoding(String charset) {
			if (!cut) {
				super.setCharacterEncoding(charset);
			}
		}

		@Override
		public synchronized void reset() {
			if (!cut) {
				super.reset();
			}
		}

		@Override
		public synchronized void resetBuffer() {
			if (!cut) {
				super.resetBuffer();
			}
		}

		@Override
		public boolean isCommitted() {
			return cut || super.isCommitted();
		}

		private final class GuardedStream extends ServletOutputStream {

			private final ServletOutputStream real;

			GuardedStream(ServletOutputStream real) {
				this.real = real;
			}

			@Override
			public void write(int b) throws IOException {
				synchronized (Guarded.this) {
					if (!cut) {
						real.write(b);
					}
				}
			}

			@Override
			public void write(byte[] bytes, int off, int len) throws IOException {
				synchronized (Guarded.this) {
					if (!cut) {
						real.write(bytes, off, len);
					}
				}
			}

			@Override
			public void flush() throws IOException {
				synchronized (Guarded.this) {
					if (!cut) {
						real.flush();
					}
				}
			}

			@Override
			public void close() throws IOException {
				synchronized (Guarded.this) {
					if (!cut) {
						real.close();
					}
				}
			}

			@Override
			public boolean isReady() {
				return cut || real.isReady();
			}

			@Override
			public void setWriteListener(WriteListener listener) {
				if (real != null) {
					real.setWriteListener(listener);
				}
			}

		}

	}

}
