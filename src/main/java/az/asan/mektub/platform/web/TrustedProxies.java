package az.asan.mektub.platform.web;

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
		// Redirects stay relative ("Location: /login"): a forwarded host never enters an answer.
		this.apply.setRelativeRedirects(true);
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
		String client = client(request);
		apply.doFilter(request, response, (forwarded, answer) -> chain.doFilter(new ClientAddress(
				(HttpServletRequest) forwarded, client), answer));
	}

	/**
	 * The client's address behind trusted proxies: each proxy appends the address it was connected from
	 * to the right of the list ({@code X-Forwarded-For: a, b}, nginx's {@code $proxy_add_x_forwarded_for}),
	 * so everything left of the last proxy's entry is what the client itself sent. The list is read
	 * from the right, trusted proxies are skipped, and the first other entry is the client; a value
	 * that is not an IP address ends the walk, leaving the connecting address.
	 */
	String client(HttpServletRequest request) {
		String connected = request.getRemoteAddr();
		List<String> chain = forwardedFor(request);
		String client = connected;
		for (int i = chain.size() - 1; i >= 0; i--) {
			String address = ipAddress(chain.get(i));
			if (address == null) {
				return connected;
			}
			client = address;
			if (!trusts(address)) {
				return address;
			}
		}
		return client;
	}

	/** The {@code for=} values of {@code Forwarded} if it is sent, else those of {@code X-Forwarded-For}. */
	private static List<String> forwardedFor(HttpServletRequest request) {
		List<String> values = new java.util.ArrayList<>();
		java.util.Enumeration<String> forwarded = request.getHeaders("Forwarded");
		while (forwarded != null && forwarded.hasMoreElements()) {
			for (String element : forwarded.nextElement().split(",")) {
				String found = null;
				for (String pair : element.split(";")) {
					int equals = pair.indexOf('=');
					if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
						found = pair.substring(equals + 1).strip();
					}
				}
				// an element without for= is a proxy that did not say: nothing to believe
				values.add(found == null ? "" : found);
			}
		}
		if (!values.isEmpty()) {
			return values;
		}
		java.util.Enumeration<String> xff = request.getHeaders("X-Forwarded-For");
		while (xff != null && xff.hasMoreElements()) {
			for (String value : xff.nextElement().split(",")) {
				values.add(value.strip());
			}
		}
		return values;
	}

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	/** The address in a forwarded value (quotes, brackets and a port removed), or null if it is none. */
	static String ipAddress(String value) {
		String v = value.strip();
		if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
			v = v.substring(1, v.length() - 1);
		}
		if (v.startsWith("[")) {
			int end = v.indexOf(']');
			if (end < 0) {
				return null;
			}
			return ipv6(v.substring(1, end));
		}
		int colon = v.indexOf(':');
		if (colon > 0 && v.indexOf(':', colon + 1) < 0) {
			// IPv4 with a port
			v = v.substring(0, colon);
		}
		java.util.regex.Matcher four = IPV4.matcher(v);
		if (four.matches()) {
			for (int i = 1; i <= 4; i++) {
				if (Integer.parseInt(four.group(i)) > 255) {
					return null;
				}
			}
			return v;
		}
		return ipv6(v);
	}

	private static String ipv6(String v) {
		if (!IPV6.matcher(v).matches() || v.length() > 45) {
			return null;
		}
		try {
			// with a colon in it, this parses a literal and never asks DNS
			return java.net.InetAddress.getByName(v).getHostAddress();
		}
		catch (java.net.UnknownHostException ex) {
			return null;
		}
	}

	/** The request as seen behind the proxy, with the client address found by {@link #client}. */
	private static final class ClientAddress extends jakarta.servlet.http.HttpServletRequestWrapper {

		private final String client;

		ClientAddress(HttpServletRequest request, String client) {
			super(request);
			this.client = client;
		}

		@Override
		public String getRemoteAddr() {
			return client;
		}

		@Override
		public String getRemoteHost() {
			return client;
		}

	}

}
