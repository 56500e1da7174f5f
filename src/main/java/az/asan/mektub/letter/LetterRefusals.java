package az.asan.mektub.letter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import az.asan.mektub.platform.i18n.Messages;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A step the letter's lifecycle refuses ({@link LetterTransitionException}) becomes, for every page
 * alike, a message in the user's language on the page the form came from: nothing changed, the person
 * reads why. "Back" is the Referer only when it names this site, and only its path and query are kept,
 * so a crafted header can never send anyone elsewhere; without one, the handler's {@link Otherwise}
 * says where to go. What a person typed travels back too when the controller asked for it with
 * {@link #keep}.
 */
@ControllerAdvice
public class LetterRefusals {

	/** Where a refused step goes when the request says nothing usable about the page it came from. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	public @interface Otherwise {

		/** A path of this site; {@code {name}} is the handler's path variable of that name. */
		String value();

	}

	private static final String KEPT = LetterRefusals.class.getName() + ".kept";

	private final Messages messages;

	LetterRefusals(Messages messages) {
		this.messages = messages;
	}

	/** Values to put back on the page (what was typed) if the step about to run is refused. */
	public static void keep(String name, Object value) {
		RequestAttributes request = RequestContextHolder.currentRequestAttributes();
		@SuppressWarnings("unchecked")
		Map<String, Object> kept = (Map<String, Object>) request.getAttribute(KEPT, RequestAttributes.SCOPE_REQUEST);
		if (kept == null) {
			kept = new LinkedHashMap<>();
			request.setAttribute(KEPT, kept, RequestAttributes.SCOPE_REQUEST);
		}
		kept.put(name, value);
	}

	@ExceptionHandler(LetterTransitionException.class)
	RedirectView refused(LetterTransitionException refusal, HttpServletRequest request, HandlerMethod handler) {
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		@SuppressWarnings("unchecked")
		Map<String, Object> kept = (Map<String, Object>) request.getAttribute(KEPT);
		if (kept != null) {
			flash.putAll(kept);
		}
		flash.put("failure", messages.get(refusal.messageKey(), refusal.arguments()));
		// A view of its own, not a "redirect:" name: each page's address would be a new name, which the
		// view resolver's cache would keep (and lock for) without ever finding it again.
		RedirectView back = new RedirectView(back(request).orElseGet(() -> otherwise(request, handler)), true);
		// the address is already expanded and encoded; a brace in it is not a template variable
		back.setExpandUriTemplateVariables(false);
		return back;
	}

	/**
	 * The page the form was on, as a path of this application (with its query), when the Referer
	 * names this very host and port and an ordinary path under the application.
	 */
	static Optional<String> back(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null || referer.isBlank() || referer.length() > 2000) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = new URI(referer);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		if (uri.isOpaque() || uri.getScheme() == null || uri.getHost() == null
				|| !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
				|| !uri.getHost().equalsIgnoreCase(request.getServerName()) || port(uri) != request.getServerPort()
				|| uri.getRawUserInfo() != null) {
			return Optional.empty();
		}
		String path = uri.getRawPath();
		String context = request.getContextPath();
		if (path == null || !path.startsWith(context + "/")) {
			return Optional.empty();
		}
		path = path.substring(context.length());
		if (path.startsWith("//") || path.contains("\\") || path.contains("/../") || path.endsWith("/..")) {
			return Optional.empty();
		}
		if ("GET".equals(request.getMethod()) && path.equals(request.getRequestURI().substring(context.length()))) {
			// a page refused on its own reload: going "back" would loop
			return Optional.empty();
		}
		return Optional.of(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static String otherwise(HttpServletRequest request, HandlerMethod handler) {
		Otherwise otherwise = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Otherwise.class);
		if (otherwise == null) {
			return "/";
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return UriComponentsBuilder.fromPath(otherwise.value())
			.buildAndExpand(variables == null ? Map.of() : variables)
			.encode()
			.toUriString();
	}

}
