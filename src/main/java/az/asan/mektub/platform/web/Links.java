package az.asan.mektub.platform.web;

import az.asan.mektub.platform.settings.AsanProperties;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Absolute links for mail and QR codes. {@code asan.base-url} names the public address of a real
 * deployment; without it they point to this machine ({@code http://localhost:<port>}), which is right
 * for the zero-setup default. They never take the address from a request: its {@code Host} or
 * forwarded headers are the sender's to choose, and a password-reset link to an attacker's host would
 * hand them the token.
 */
@Component
public class Links implements ApplicationListener<ServletWebServerInitializedEvent> {

	private final String configured;

	private volatile String local;

	Links(AsanProperties asan, ServerProperties server) {
		int port = server.getPort() == null ? 8080 : server.getPort();
		String configured = asan.baseUrl() == null ? "" : asan.baseUrl();
		this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
		this.local = "http://localhost:" + port;
	}

	/**
	 * The current page's path and query with one parameter set to another value and the page number
	 * dropped, for links such as "shake the tree" or "show as a list" that keep every filter.
	 */
	public String withParam(String name, Object value) {
		return current(java.util.Map.of(name, value), "page");
	}

	/**
	 * The current request's path and query with the parameters of {@code set} set to their values (at
	 * the end, in its order; left out when a value is null) and the {@code dropped} ones left out.
	 * Every name and value is decoded and encoded again, so whatever a visitor typed ({@code q=a=b},
	 * {@code ;}, {@code +}) stays theirs and never breaks the link.
	 */
	public static String current(java.util.Map<String, ?> set, String... dropped) {
		jakarta.servlet.http.HttpServletRequest request = ((org.springframework.web.context.request.ServletRequestAttributes)
				org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
		java.util.Set<String> left = new java.util.HashSet<>(java.util.Arrays.asList(dropped));
		left.addAll(set.keySet());
		StringBuilder query = new StringBuilder();
		String raw = request.getQueryString();
		for (String pair : raw == null ? new String[0] : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			try {
				String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				if (!left.contains(key)) {
					append(query, key,
							equals < 0 ? null : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
			catch (IllegalArgumentException malformed) {
				// not a parameter the app could have read either
			}
		}
		set.forEach((name, value) -> {
			if (value != null) {
				append(query, name, String.valueOf(value));
			}
		});
		return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
	}

	private static void append(StringBuilder query, String key, String value) {
		if (!query.isEmpty()) {
			query.append('&');
		}
		query.append(URLEncoder.encode(key, StandardCharsets.UTF_8));
		if (value != null) {
			query.append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	/** The port the server really listens on ({@code server.port=0} picks a free one). */
	@Override
	public void onApplicationEvent(ServletWebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.local = "http://localhost:" + event.getWebServer().getPort();
		}
	}

	public String absolute(String path) {
		return (StringUtils.hasText(configured) ? configured : local) + path;
	}

}
