package az.asan.mektub.platform.i18n;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The language cookie holds {@code az}, {@code en} or {@code ru}, nothing else. A cookie with any other
 * value ({@code a b}, {@code %FF}, {@code de-x-<script>}, planted by a sibling subdomain or left by an
 * old version) is hidden from everything after this filter, so the page is in Azerbaijani, and is
 * replaced by {@code az}: one bad cookie never answers 500 on every page of the site.
 */
@Component
public class LanguageCookie extends OncePerRequestFilter implements Ordered {

	public static final String NAME = "ASANLANG";

	static final Duration MAX_AGE = Duration.ofDays(365);

	@Override
	public int getOrder() {
		// Right after the request id, before the outage page and the kept pages read the cookie.
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error page is rendered in a dispatch of its own, with the request as the container has it.
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			chain.doFilter(request, response);
			return;
		}
		List<Cookie> kept = new ArrayList<>(cookies.length);
		boolean bad = false;
		boolean good = false;
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName())) {
				if (supported(cookie.getValue())) {
					good = true;
				}
				else {
					bad = true;
					continue;
				}
			}
			kept.add(cookie);
		}
		if (!bad) {
			chain.doFilter(request, response);
			return;
		}
		if (!good && !response.isCommitted()) {
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, "az")
				.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
				.maxAge(MAX_AGE)
				.sameSite("Lax")
				.secure(request.isSecure())
				.build()
				.toString());
		}
		Cookie[] clean = kept.isEmpty() ? null : kept.toArray(Cookie[]::new);
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public Cookie[] getCookies() {
				return clean == null ? null : clean.clone();
			}
		}, response);
	}

	public static boolean supported(String value) {
		return value != null && LanguageSwitch.SUPPORTED.contains(value);
	}

}
