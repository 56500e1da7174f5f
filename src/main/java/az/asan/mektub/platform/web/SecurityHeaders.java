package az.asan.mektub.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer, in one place: Spring Security writes them on the pages it
 * sees ({@link az.asan.mektub.platform.security.SecurityConfiguration}), and the answers given before it runs (the app's 400 and 413
 * pages from {@link RequestGuard}, the container's error page {@link ContainerErrorPage}) set the
 * same values here.
 */
public final class SecurityHeaders {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

	public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	public static final String HSTS = "max-age=31536000 ; includeSubDomains";

	private SecurityHeaders() {
	}

	/** The headers every page carries; HSTS only over HTTPS, as Spring Security does. */
	static Map<String, String> of(boolean secure) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.put("X-Content-Type-Options", "nosniff");
		headers.put("X-Frame-Options", "DENY");
		headers.put("Referrer-Policy", REFERRER_POLICY);
		headers.put("Permissions-Policy", PERMISSIONS_POLICY);
		headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
		if (secure) {
			headers.put("Strict-Transport-Security", HSTS);
		}
		return headers;
	}

	/** Sets them on an answer given before Spring Security's header writer runs. */
	static void apply(HttpServletResponse response, boolean secure) {
		if (!response.isCommitted()) {
			of(secure).forEach(response::setHeader);
		}
	}

}
