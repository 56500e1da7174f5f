package az.asan.mektub.platform.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.ApplicationContext;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContext;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a page's content to a string, with the same beans and helpers the page itself sees, so that
 * what is the same for every visitor (the tree, a letter, the reports) is rendered once and kept for a
 * few seconds while the layout around it is still rendered per request.
 */
@Component
public class TemplateFragments {

	private final SpringTemplateEngine templates;

	private final ApplicationContext applicationContext;

	TemplateFragments(SpringTemplateEngine templates, ApplicationContext applicationContext) {
		this.templates = templates;
		this.applicationContext = applicationContext;
	}

	/**
	 * Stands for the visitor's CSRF token in content rendered once for many people: {@link #withCsrf}
	 * puts each person's own token in its place when the content is served.
	 */
	static final String CSRF_PLACEHOLDER = "asan-csrf-token-of-the-reader-" + Placeholders.NONCE;

	/**
	 * Renders content that is the same for many signed-in people and may contain forms: each form gets
	 * a placeholder instead of this request's CSRF token, so the result can be kept and served to
	 * anyone through {@link #withCsrf}, never carrying one person's token to another.
	 */
	public String renderShared(String template, Map<String, Object> model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		HttpServletRequest placeholder = new PlaceholderCsrf(request);
		// What a view gives its forms (ThymeleafView does the same): without it th:action adds no token.
		Map<String, Object> withForms = new java.util.HashMap<>(model);
		RequestContext requestContext = new RequestContext(placeholder, response, request.getServletContext(), withForms);
		withForms.put(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, requestContext);
		withForms.put("springMacroRequestContext", requestContext);
		withForms.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
				new SpringWebMvcThymeleafRequestContext(requestContext, placeholder));
		return render(template, withForms, locale, placeholder, response);
	}

	/** Content from {@link #renderShared} with this request's own CSRF token in its forms. */
	public static String withCsrf(String shared, HttpServletRequest request) {
		if (!shared.contains(CSRF_PLACEHOLDER)) {
			return shared;
		}
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return shared.replace(CSRF_PLACEHOLDER, token == null ? "" : HtmlUtils.htmlEscape(token.getToken()));
	}

	/**
	 * Stands, in content from {@link #renderShared}, for a part made for each reader (put in the model
	 * under the part's name and shown with {@code th:utext}); {@link #withPart} puts the reader's own part
	 * in its place when the content is served, so nothing of one reader is ever kept for another.
	 */
	public static String partPlaceholder(String name) {
		return "asan-part-" + Placeholders.NONCE + "-" + name + "-";
	}

	/** Content from {@link #renderShared} with this reader's own part where {@link #partPlaceholder} stood. */
	public static String withPart(String shared, String name, String part) {
		return shared.replace(partPlaceholder(name), part == null ? "" : part);
	}

	public String render(String template, Map<String, Object> model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), locale, model);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(applicationContext, null));
		return templates.process(template, context);
	}

	/** The request as the shared content sees it: the same, except for a placeholder CSRF token. */
	static class PlaceholderCsrf extends HttpServletRequestWrapper {

		private final CsrfToken placeholder;

		PlaceholderCsrf(HttpServletRequest request) {
			super(request);
			CsrfToken real = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			this.placeholder = real == null ? null
					: new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), CSRF_PLACEHOLDER);
		}

		@Override
		public Object getAttribute(String name) {
			if (this.placeholder != null && (CsrfToken.class.getName().equals(name) || "_csrf".equals(name))) {
				return this.placeholder;
			}
			return super.getAttribute(name);
		}

	}

}
