package az.asan.mektub.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Whole answers kept for visitors without a session, beside {@link PageShells} in the one package that
 * keeps HTML. The tree is the busiest page and the same for every visitor who is not signed in, so its
 * HTML is kept for a few seconds per address and language (a "micro-cache"): a rush of visitors costs
 * one render a few seconds, not one each (the cache {@link CacheConfiguration#TREE_PAGES}). A feature
 * declares which of its pages are kept so ({@link Path}: the tree module declares {@code /tree}) and
 * says when they are to be made afresh ({@link #forget()}). Only a visitor without a session, asking
 * plain GET for such a path, is served from it, and only an answer that set no cookie is kept, with a
 * declared allow-list of its headers, so nothing personal (no CSRF token, no request id) is ever shared.
 * A letter adopted meanwhile may show for those seconds; its page then says it was taken.
 */
@Component
public class AnonymousPages extends OncePerRequestFilter implements Ordered {

	/** A page a feature keeps whole for visitors without a session (a bean). */
	public record Path(String path) {
	}

	record Page(int status, Map<String, List<String>> headers, byte[] body) {
	}

	/**
	 * The only headers a kept page keeps: what the page is and how it may be cached and framed. Never
	 * one of a single answer (its {@code X-Request-Id}, {@code Set-Cookie}, {@code Date}, length): each
	 * visitor's own are set around the kept page by the filters before this one.
	 */
	static final java.util.Set<String> KEPT_HEADERS = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);

	static {
		KEPT_HEADERS.addAll(List.of("Content-Type", "Content-Language", "Cache-Control", "Pragma", "Expires", "Vary",
				"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
				"Permissions-Policy", "Strict-Transport-Security", "Cross-Origin-Opener-Policy",
				"Cross-Origin-Resource-Policy", "X-XSS-Protection"));
	}

	private final Cache pages;

	private final java.util.Set<String> paths;

	@org.springframework.beans.factory.annotation.Autowired
	AnonymousPages(CacheManager caches, List<Path> paths) {
		this(caches.getCache(CacheConfiguration.TREE_PAGES), paths.stream().map(Path::path).collect(java.util.stream.Collectors.toSet()));
	}

	AnonymousPages(Cache pages, java.util.Set<String> paths) {
		this.pages = pages;
		this.paths = java.util.Set.copyOf(paths);
	}

	/** The kept answers are made afresh at once (what they show changed for everyone). */
	public void forget() {
		pages.clear();
	}

	/**
	 * After the request guard (platform.web.RequestGuard, which answers too many parameters, a NUL or a
	 * body too large with the app's own 400 or 413) and the session filter: no parameter is read here
	 * before the guard has looked at them, and a request with a session is known as such.
	 */
	@Override
	public int getOrder() {
		return org.springframework.session.web.http.SessionRepositoryFilter.DEFAULT_ORDER + 2;
	}

	/**
	 * Whether the request as the server received it, under every filter's wrapper, has a session of its
	 * own: a visitor with one is never served the answer kept for visitors without.
	 */
	private static boolean hasOwnSession(HttpServletRequest request) {
		jakarta.servlet.ServletRequest inner = request;
		while (inner instanceof jakarta.servlet.ServletRequestWrapper wrapper) {
			inner = wrapper.getRequest();
		}
		return inner != request && inner instanceof HttpServletRequest http && http.getSession(false) != null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !CacheConfiguration.keeps(pages) || !"GET".equals(request.getMethod())
				|| !request.getRequestURI().startsWith(request.getContextPath())
				|| !paths.contains(request.getRequestURI().substring(request.getContextPath().length()))
				|| cookie(request, "ASANSESSION") != null || request.getSession(false) != null || hasOwnSession(request)
				|| request.getParameter("lang") != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String lang = cookie(request, "ASANLANG");
		// Everything the page's links depend on is in the key: the path prefix too (only a trusted
		// proxy can set one, see platform.web.TrustedProxies).
		// (and the scheme: HSTS is written over HTTPS only)
		String key = request.getRequestURI() + "|" + (lang == null ? "az" : lang) + "|" + request.isSecure() + "|" + request.getContextPath() + "|"
				+ (request.getQueryString() == null ? "" : request.getQueryString());
		// A missing page is rendered by one request while the others asking for it wait and then share
		// it, so that the moment a page expires does not send every visitor to render it at once.
		ContentCachingResponseWrapper[] rendered = new ContentCachingResponseWrapper[1];
		Page page;
		try {
			page = CacheConfiguration.get(pages, key, () -> render(request, response, chain, rendered));
		}
		catch (NotKept ex) {
			// The render failed or set a cookie: it is this visitor's alone, and the next may try again.
			rendered[0].copyBodyToResponse();
			return;
		}
		catch (Rethrown ex) {
			if (ex.getCause() instanceof ServletException servlet) {
				throw servlet;
			}
			throw (IOException) ex.getCause();
		}
		if (rendered[0] != null) {
			rendered[0].copyBodyToResponse();
			return;
		}
		response.setStatus(page.status());
		page.headers().forEach((name, values) -> {
			response.setHeader(name, values.get(0));
			values.stream().skip(1).forEach(value -> response.addHeader(name, value));
		});
		response.setContentLength(page.body().length);
		response.getOutputStream().write(page.body());
	}

	private static Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			ContentCachingResponseWrapper[] rendered) {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		rendered[0] = wrapper;
		try {
			chain.doFilter(request, wrapper);
		}
		catch (IOException | ServletException ex) {
			throw new Rethrown(ex);
		}
		if (wrapper.getStatus() != HttpServletResponse.SC_OK || !wrapper.getHeaders("Set-Cookie").isEmpty()) {
			throw new NotKept();
		}
		Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
		for (String name : wrapper.getHeaderNames()) {
			if (KEPT_HEADERS.contains(name) && !wrapper.getHeaders(name).isEmpty()) {
				headers.put(name, new ArrayList<>(wrapper.getHeaders(name)));
			}
		}
		if (wrapper.getContentType() != null) {
			headers.put("Content-Type", List.of(wrapper.getContentType()));
		}
		return new Page(HttpServletResponse.SC_OK, headers, wrapper.getContentAsByteArray());
	}

	/** An answer not to keep; its renderer sends it to its own visitor. */
	private static final class NotKept extends RuntimeException {

		NotKept() {
			super(null, null, false, false);
		}

	}

	/** A checked exception of the filter chain, carried through the cache to the filter. */
	private static final class Rethrown extends RuntimeException {

		Rethrown(Exception cause) {
			super(cause);
		}

	}

	private static String cookie(HttpServletRequest request, String name) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (name.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

}
