package az.asan.mektub.system;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Forwarded} and {@code X-Forwarded-*} headers are believed only when the request comes from a
 * proxy the operator named ({@code asan.trusted-proxies}: addresses or CIDR ranges, none by default).
 * From anyone else they are removed before anything reads them, so a visitor cannot choose the
 * address the app thinks it has (the sign-in throttle counts per address), the scheme (the session
 * cookie's Secure flag), or a path prefix that would end up in pages kept for everyone.
 */
class TrustedProxies extends OncePerRequestFilter {

	/** What a proxy may put before the app's paths: plain path segments, nothing else. */
	private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)*/?");

	private final List<IpAddressMatcher> proxies;

	private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();

	private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

	TrustedProxies(String proxies) {
		this.proxies = Arrays.stream(proxies == null ? new String[0] : proxies.split(","))
			.map(String::strip)
			.filter(p -> !p.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
		this.remove.setRemoveOnly(true);
	}

	boolean trusts(String address) {
		if (address == null) {
			return false;
		}
		for (IpAddressMatcher proxy : proxies) {
			try {
				if (proxy.matches(address)) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!trusts(request.getRemoteAddr())) {
			remove.doFilter(request, response, chain);
			return;
		}
		String prefix = request.getHeader("X-Forwarded-Prefix");
		if (prefix != null && !PREFIX.matcher(prefix.strip()).matches()) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		apply.doFilter(request, response, chain);
	}

}
