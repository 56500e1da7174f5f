package az.asan.mektub.system;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links for mail and QR codes. {@code asan.base-url} names the public address of a real
 * deployment; without it, a link made while answering a request uses that request's address, and
 * one made by a job the local one.
 */
@Component
public class Links {

	private final String configured;

	private final String local;

	Links(@Value("${asan.base-url:}") String configured, @Value("${server.port:8080}") int port) {
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

	public String absolute(String path) {
		if (StringUtils.hasText(configured)) {
			return configured + path;
		}
		if (RequestContextHolder.getRequestAttributes() != null) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
		}
		return local + path;
	}

}
