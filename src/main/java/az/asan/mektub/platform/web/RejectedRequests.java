package az.asan.mektub.platform.web;

import az.asan.mektub.platform.i18n.LanguageSwitch;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * What Spring Security's firewall refuses before any page sees it ({@code //}, {@code ;} in a path, a
 * method no browser sends such as TRACE or PROPFIND): the same small page in the visitor's language
 * as for what the container refuses ({@link ContainerErrorPage}), with the same security headers,
 * written here rather than through the error page, which would render the layout of a signed-in
 * person without the filters that give it its headers and its CSRF token.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

	private static final Logger LOG = LoggerFactory.getLogger(RejectedRequests.class);

	private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException rejected) throws IOException {
		LOG.debug("Refused {}: {}", request.getMethod(), rejected.getMessage());
		if (response.isCommitted()) {
			return;
		}
		boolean method = !METHODS.contains(request.getMethod());
		int status = method ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : HttpServletResponse.SC_BAD_REQUEST;
		response.resetBuffer();
		response.setStatus(status);
		SecurityHeaders.apply(response, request.isSecure());
		if (method) {
			response.setHeader("Allow", "GET, HEAD, POST");
		}
		boolean json = ErrorAnswers.prefersJson(request.getHeader("Accept"));
		response.setContentType(json ? "application/json" : "text/html");
		response.setCharacterEncoding("UTF-8");
		if (!"HEAD".equals(request.getMethod())) {
			response.getWriter().write(json ? ErrorAnswers.json(status, ContainerErrorPage.heading(status, language(request)),
					request.getAttribute(RequestId.ATTRIBUTE) instanceof String id ? id : null)
					: ContainerErrorPage.page(status, language(request)));
		}
		response.flushBuffer();
	}

	/** The language chosen on the site (its cookie), else the browser's. */
	private static Locale language(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if ("ASANLANG".equals(cookie.getName()) && LanguageSwitch.SUPPORTED.contains(cookie.getValue())) {
					return Locale.forLanguageTag(cookie.getValue());
				}
			}
		}
		return ContainerErrorPage.language(request.getHeader("Accept-Language"));
	}

}
