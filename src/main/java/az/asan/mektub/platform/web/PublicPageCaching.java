package az.asan.mektub.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Public pages seen by a visitor who is not signed in may be kept by that visitor's browser, so Back
 * and Forward show them at once (the browser's back/forward cache refuses pages sent with
 * {@code no-store}). They are {@code private}: no proxy or shared cache keeps them, and the browser asks
 * again before reusing one ({@code no-cache}). Signed-in pages keep Spring Security's
 * {@code no-store}.
 */
class PublicPageCaching implements HandlerInterceptor {

	static final String[] PATHS = { "/", "/tree", "/letters/*", "/impact", "/about", "/login", "/register",
			"/robots.txt", "/sitemap.xml" };

	static final String PUBLIC_PAGE = "private, no-cache";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if ("GET".equals(request.getMethod()) && anonymous()) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, PUBLIC_PAGE);
		}
		return true;
	}

	private static boolean anonymous() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated();
	}

}
