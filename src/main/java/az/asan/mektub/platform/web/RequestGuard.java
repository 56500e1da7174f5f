package az.asan.mektub.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests no browser of a person sends are answered before any feature sees them, on the app's own
 * error page in the visitor's language:
 * <ul>
 * <li>an upload larger than the limits ({@code spring.servlet.multipart.*}), or another body larger
 * than {@code server.tomcat.max-http-form-post-size}: 413. Left
 * to the multipart parser, the size error would surface inside the CSRF check (which reads the
 * token from the body) or as the container's bare page. The body is still read up to
 * {@code server.tomcat.max-swallow-size}, so that the browser receives the page;</li>
 * <li>more parameters than {@code server.tomcat.max-parameter-count} (1 000): 400, rather than the
 * container's failure to read any of them surfacing as a 500;</li>
 * <li>parameters holding a NUL character: 400. No person types one, and PostgreSQL refuses it in
 * text, which would otherwise answer a 500 from deep inside a query. Multipart bodies are not parsed
 * here; their text fields are validated by their forms.</li>
 * </ul>
 */
class RequestGuard extends OncePerRequestFilter {

	/** Request attribute for the 413 page: the upload limit in MB when a file was sent, absent for a form. */
	static final String TOO_LARGE_FILE_MB = "asanTooLargeFileMb";

	private final long maxUpload;

	private final long maxForm;

	RequestGuard(long maxUpload, long maxForm) {
		this.maxUpload = maxUpload;
		this.maxForm = maxForm;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		// A form body over server.tomcat.max-http-form-post-size would make the container drop every parameter
		// (the CSRF token too) and answer its own page.
		if (request.getContentLengthLong() > (multipart ? maxUpload : maxForm)) {
			// the page says what was too large: a file (and up to how many MB), or a form's text
			request.setAttribute(TOO_LARGE_FILE_MB, multipart ? Math.max(1, maxUpload / (1024 * 1024)) : null);
			tooLarge(request, response);
			return;
		}
		if (!multipart) {
			Map<String, String[]> parameters;
			try {
				parameters = request.getParameterMap();
			}
			catch (IllegalStateException tooMany) {
				// more than server.tomcat.max-parameter-count: the container refuses to parse them, and every
				// later look at a parameter would fail the same way
				refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "Too many parameters");
				return;
			}
			for (String[] values : parameters.values()) {
				for (String value : values) {
					if (value != null && value.indexOf('\u0000') >= 0) {
						SecurityHeaders.apply(response, request.isSecure());
						response.sendError(HttpServletResponse.SC_BAD_REQUEST);
						return;
					}
				}
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The app's 413 page. Not through {@code sendError}: the error page would be rendered for the
	 * original request, and the first look at a parameter (the language, the CSRF token) would make
	 * the container parse the oversized body and fail. The page is rendered for a body-less GET.
	 */
	private static void tooLarge(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Upload too large");
	}

	/** The app's error page for a request whose parameters cannot be read, rendered for a body-less GET. */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws ServletException, IOException {
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		request.setAttribute(RequestDispatcher.ERROR_MESSAGE, message);
		response.setStatus(status);
		SecurityHeaders.apply(response, request.isSecure());
		HttpServletRequest bodyless = new WithoutParameters(request) {

			@Override
			public String getMethod() {
				return "GET";
			}

			@Override
			public String getContentType() {
				return null;
			}

		};
		request.getRequestDispatcher("/error").forward(bodyless, response);
	}

}
