package az.asan.mektub.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Every error the app answers through {@code /error}: the app's page in the visitor's language, or,
 * for a client that prefers JSON, {@code {"status":404,"error":"Səhifə tapılmadı","requestId":"7F3A09C2"}}
 * with the same words and the id the logs carry. Never Spring's default body (timestamp, path,
 * exception names) and never an empty one, whatever the client accepts.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorAnswers extends AbstractErrorController {

	private final MessageSource messages;

	ErrorAnswers(ErrorAttributes attributes, ObjectProvider<ErrorViewResolver> resolvers, MessageSource messages) {
		super(attributes, resolvers.orderedStream().toList());
		this.messages = messages;
	}

	@RequestMapping
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = getStatus(request);
		if (prefersJson(request.getHeader(HttpHeaders.ACCEPT))) {
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			if (!"HEAD".equals(request.getMethod())) {
				response.getWriter().write(json(status.value(), message(status.value(), RequestContextUtils.getLocale(request)),
						request.getAttribute(RequestId.ATTRIBUTE) instanceof String id ? id : null));
			}
			return null;
		}
		Map<String, Object> model = java.util.Collections.unmodifiableMap(getErrorAttributes(request,
				ErrorAttributeOptions.defaults()));
		response.setStatus(status.value());
		ModelAndView view = resolveErrorView(request, response, status, model);
		return view != null ? view : new ModelAndView("error", model);
	}

	/** The heading of the status's page, in the visitor's language. */
	String message(int status, Locale locale) {
		String fallback = status >= 500 ? "error.500.heading" : "error.400.heading";
		String text = messages.getMessage("error." + status + ".heading", null, null, locale);
		return text != null ? text : messages.getMessage(fallback, null, locale);
	}

	/**
	 * Whether the client asks for JSON before HTML: {@code application/json} or a {@code +json} type
	 * named with a higher quality than any HTML type, or as high and earlier. A browser's {@code Accept}
	 * and {@code *}{@code /*} get the page.
	 */
	static boolean prefersJson(String accept) {
		if (accept == null || accept.isBlank() || accept.length() > 1000) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		double json = 0;
		double html = 0;
		int jsonAt = Integer.MAX_VALUE;
		int htmlAt = Integer.MAX_VALUE;
		for (int i = 0; i < types.size(); i++) {
			MediaType type = types.get(i);
			if (type.isWildcardType() || type.isWildcardSubtype()) {
				continue;
			}
			double quality = type.getQualityValue();
			String subtype = type.getSubtype();
			if ("application".equals(type.getType()) && ("json".equals(subtype) || subtype.endsWith("+json"))) {
				if (quality > json) {
					json = quality;
					jsonAt = i;
				}
			}
			else if (("text".equals(type.getType()) && "html".equals(subtype)) || "xhtml+xml".equals(subtype)) {
				if (quality > html) {
					html = quality;
					htmlAt = i;
				}
			}
		}
		return json > 0 && (json > html || (json == html && jsonAt < htmlAt));
	}

	static String json(int status, String error, String requestId) {
		StringBuilder out = new StringBuilder("{\"status\":").append(status).append(",\"error\":");
		quote(out, error);
		out.append(",\"requestId\":");
		if (requestId == null) {
			out.append("null");
		}
		else {
			quote(out, requestId);
		}
		return out.append("}").toString();
	}

	private static void quote(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '<' -> out.append("\\u003c");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
