package az.asan.mektub.system;

import java.net.URI;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
		URI uri = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page")
			.replaceQueryParam(name, value)
			.build(true)
			.toUri();
		return uri.getRawPath() + "?" + uri.getRawQuery();
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
