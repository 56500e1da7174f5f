package az.asan.mektub.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The page Tomcat itself answers with when a request never reaches the application (a NUL or a
 * backslash in the path, {@code /..;/}, a header too large, a body it refuses): a small static page
 * in the visitor's language (Accept-Language; Azerbaijani first) with the app's security headers,
 * instead of Tomcat's own report naming the server. Set as the host's error report valve, replacing
 * the one Tomcat or Spring Boot adds.
 */
@Component
class ContainerErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("az"), Locale.ENGLISH,
			Locale.forLanguageTag("ru"));

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// Tomcat answers TRACE itself with a bare 405 and no headers; let it reach Spring Security's
		// firewall, which refuses it (platform.web.RejectedRequests) before any servlet could echo it.
		factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(PlainValve.class.getName());
				host.getPipeline().addValve(new PlainValve());
			}
		});
	}

	/** After Spring Boot's own customizer, which adds a valve of its own. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static Locale language(String acceptLanguage) {
		if (acceptLanguage != null && !acceptLanguage.isBlank() && acceptLanguage.length() < 500) {
			try {
				Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
				if (best != null) {
					return best;
				}
			}
			catch (IllegalArgumentException ex) {
				// a header no browser sends: the default language
			}
		}
		return LANGUAGES.get(0);
	}

	static String page(int status, Locale language) {
		String heading = text(language, "error." + status + ".heading", "error.400.heading");
		String body = text(language, "error." + status + ".text", "error.400.text");
		return "<!DOCTYPE html>\n<html lang=\"" + language.getLanguage() + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
				+ escape(heading) + "</title></head><body><main><p>" + status + "</p><h1>"
				+ escape(heading) + "</h1><p>" + escape(body) + "</p><p><a href=\"/\">"
				+ escape(text(language, "error.back", "error.back")) + "</a></p></main></body></html>\n";
	}

	/** The page's heading, for an answer in JSON. */
	static String heading(int status, Locale language) {
		return text(language, "error." + status + ".heading", "error.400.heading");
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String text(Locale language, String key, String fallbackKey) {
		try {
			ResourceBundle bundle = ResourceBundle.getBundle("messages", language,
					ContainerErrorPage.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
							ResourceBundle.Control.FORMAT_PROPERTIES));
			return bundle.containsKey(key) ? bundle.getString(key) : bundle.getString(fallbackKey);
		}
		catch (MissingResourceException ex) {
			return "Error";
		}
	}

	/** Tomcat's error report valve, writing the page above and nothing about the server. */
	public static class PlainValve extends ErrorReportValve {

		public PlainValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(true);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			try {
				String html = page(status, language(request.getHeader("Accept-Language")));
				SecurityHeaders.of(request.isSecure()).forEach(response::setHeader);
				response.setContentType("text/html");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(html);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the connection is gone: nothing to answer
			}
		}

	}

}
