package az.asan.mektub.platform.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.function.Supplier;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.support.RequestContext;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * The one way the app renders HTML for more than one reader and keeps it. A signed-in person's tree,
 * their desk and their letters spent most of their time rendering the layout and lists that are the
 * same for thousands of people (issue 17); the anonymous tree, a letter's page and the reports keep
 * their content for a few seconds.
 * <ul>
 * <li><b>Whole pages</b> ({@link PageShell}): every Thymeleaf view of the app is a {@link View}; one whose
 * model asks for it is rendered once with placeholders ({@link Placeholders}) for the reader's name,
 * CSRF token and per-request parts (its holes), kept as pieces, and put together per request.</li>
 * <li><b>Parts</b> ({@link #renderPart}, {@link #keptPart}): a template rendered to text, for the content
 * a page places with {@code th:utext}, or for a person's part that is put into a hole.</li>
 * </ul>
 * Both render the same way, safe by construction: the template sees the model it is given and nothing
 * else — a request without the app's attributes, parameters, session or principal ({@link StandIn}), a
 * viewer whose name is a placeholder, an empty security context and a placeholder CSRF token — so a
 * template that reads something undeclared renders nothing of anyone, never another reader's value.
 * What was rendered for many leaves the app through {@link #forReader} (or a page's shell), which puts
 * this reader's name and token where the placeholders stood.
 */
@Configuration(proxyBeanMethods = false)
public class PageShells {

	private final Cache shells;

	private final Cache parts;

	private final SpringTemplateEngine templates;

	private final ApplicationContext applicationContext;

	PageShells(CacheManager caches, SpringTemplateEngine templates, ApplicationContext applicationContext) {
		this.shells = caches.getCache(CacheConfiguration.PAGE_SHELLS);
		this.parts = caches.getCache(CacheConfiguration.RENDERED_PARTS);
		this.templates = templates;
		this.applicationContext = applicationContext;
	}

	/**
	 * A template rendered to text with {@code model} and nothing else (see the class's comment): the
	 * result may hold placeholders, and is the same for every reader; serve it through {@link #forReader}
	 * unless it goes into a kept page, which fills them itself.
	 */
	public String renderPart(String template, Map<String, ?> model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Viewer viewer = (Viewer) request.getAttribute(Viewer.ATTRIBUTE);
		HttpServletRequest standIn = new StandIn(request, viewer == null ? null : viewer.standIn());
		Map<String, Object> seen = new HashMap<>(model);
		// What a view gives its forms (ThymeleafView does the same): without it th:action adds no token.
		RequestContext requestContext = new RequestContext(standIn, response, request.getServletContext(), seen);
		seen.put(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, requestContext);
		seen.put("springMacroRequestContext", requestContext);
		seen.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
				new SpringWebMvcThymeleafRequestContext(requestContext, standIn));
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(standIn, response), locale, seen);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.applicationContext, null));
		SecurityContext reader = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
		try {
			return this.templates.process(template, context);
		}
		finally {
			SecurityContextHolder.setContext(reader);
		}
	}

	/**
	 * A part rendered by {@link #renderPart} and kept for a few seconds, keyed by {@code key} (which must
	 * name everything the model shows), the template, the language and the path prefix its links carry;
	 * returned with this reader's token and name in it ({@link #forReader}): a page shows it as it is, or
	 * puts it in a hole of a kept page — never among a kept page's shared inputs.
	 * Parts that only a change can make stale are kept in their feature's own cache ({@code cache}), which
	 * the feature forgets when it hears of the change; parts keyed by all they show need none (below).
	 */
	public String keptPart(Cache cache, Object key, String template, Supplier<Map<String, ?>> model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		return CacheConfiguration.get(cache, PartKey.of(template, key, locale, request),
				() -> Kept.of(renderPart(template, model.get(), locale, request, response)))
			.forReader(request);
	}

	/**
	 * A part cut into pieces at {@code separator} (a comment its template writes between the pieces a page
	 * shows in different places), kept like {@link #keptPart} — cut once, when it is kept, not per reader —
	 * and each piece returned with this reader's token and name in it.
	 */
	public List<ReadersPiece> keptPieces(Cache cache, Object key, String template, String separator,
			Supplier<Map<String, ?>> model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		List<Kept> pieces = CacheConfiguration.get(cache, new PiecesKey(PartKey.of(template, key, locale, request), separator),
				() -> java.util.Arrays.stream(renderPart(template, model.get(), locale, request, response)
					.split(Pattern.quote(separator), -1)).map(Kept::of).toList());
		return pieces.stream().map(piece -> new ReadersPiece(piece, request)).toList();
	}

	/**
	 * A kept piece for this request's reader, put together only where it is used: in a hole of a kept page,
	 * straight into the page as it is filled (no text of its own made first); anywhere else, as text
	 * ({@link #toString()}) with the reader's token and name in it.
	 */
	public static final class ReadersPiece {

		private final Kept kept;

		private final HttpServletRequest request;

		ReadersPiece(Kept kept, HttpServletRequest request) {
			this.kept = kept;
			this.request = request;
		}

		void appendTo(StringBuilder page) {
			this.kept.appendTo(page, this.request);
		}

		@Override
		public String toString() {
			return this.kept.forReader(this.request);
		}

	}

	/** What a part kept in pieces is kept by. */
	record PiecesKey(PartKey part, String separator) {
	}

	/** A part keyed by everything it shows (so never out of date), kept in the parts' own cache. */
	public String keptPart(Object key, String template, Supplier<Map<String, ?>> model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		return keptPart(this.parts, key, template, model, locale, request, response);
	}

	/**
	 * A kept part, cut once, when it is kept, at the reader's placeholders it holds (their token, their name):
	 * {@code texts} are the pieces between them, {@code names} whether the placeholder after each piece but the
	 * last is the reader's name (else their token). Most kept content holds none and is served as it is; the rest is put together for each reader in one
	 * pass, with no search.
	 */
	record Kept(String html, String[] texts, boolean[] names) {

		static Kept of(String html) {
			if (!html.contains(Placeholders.NONCE)) {
				return new Kept(html, null, null);
			}
			List<String> texts = new java.util.ArrayList<>();
			List<Boolean> names = new java.util.ArrayList<>();
			int from = 0;
			while (true) {
				int csrf = html.indexOf(Placeholders.CSRF, from);
				int name = html.indexOf(Placeholders.NAME, from);
				if (csrf < 0 && name < 0) {
					break;
				}
				boolean isName = csrf < 0 || (name >= 0 && name < csrf);
				int at = isName ? name : csrf;
				texts.add(html.substring(from, at));
				names.add(isName);
				from = at + (isName ? Placeholders.NAME : Placeholders.CSRF).length();
			}
			texts.add(html.substring(from));
			boolean[] flags = new boolean[names.size()];
			for (int i = 0; i < flags.length; i++) {
				flags[i] = names.get(i);
			}
			return new Kept(html, texts.toArray(String[]::new), flags);
		}

		/** The kept text with this reader's token and name in it, or as it is when it holds no placeholder. */
		String forReader(HttpServletRequest request) {
			if (texts == null || texts.length == 1) {
				return texts == null ? html : texts[0];
			}
			return appendTo(new StringBuilder(html.length() + 64), request).toString();
		}

		/** The same, written onto the end of {@code page}. */
		StringBuilder appendTo(StringBuilder page, HttpServletRequest request) {
			if (texts == null) {
				return page.append(html);
			}
			String token = null;
			String name = null;
			for (int i = 0; i < names.length; i++) {
				page.append(texts[i]);
				if (names[i]) {
					if (name == null) {
						name = readersName(request);
					}
					page.append(name);
				}
				else {
					if (token == null) {
						token = readersToken(request);
					}
					page.append(token);
				}
			}
			return page.append(texts[texts.length - 1]);
		}

	}

	private static String readersToken(HttpServletRequest request) {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return token == null ? "" : HtmlUtils.htmlEscape(token.getToken(), "UTF-8");
	}

	private static String readersName(HttpServletRequest request) {
		Viewer viewer = (Viewer) request.getAttribute(Viewer.ATTRIBUTE);
		String name = viewer == null ? null : viewer.getName();
		return name == null ? "" : HtmlUtils.htmlEscape(name, "UTF-8");
	}

	/** What a kept part is kept by: its feature's key and everything else that shapes it. */
	record PartKey(String template, Object key, String language, String contextPath) {

		static PartKey of(String template, Object key, Locale locale, HttpServletRequest request) {
			return new PartKey(template, key, locale.toLanguageTag(), request.getContextPath());
		}

	}

	/**
	 * Text rendered for many ({@link #renderPart}) with this request's reader in it: their CSRF token in its
	 * forms and their name where the viewer's name stood.
	 */
	public static String forReader(String rendered, HttpServletRequest request) {
		if (!rendered.contains(Placeholders.NONCE)) {
			return rendered; // one scan: every placeholder carries the nonce, and most kept content has none
		}
		return Kept.of(rendered).forReader(request);
	}

	/**
	 * Stands, in a part rendered for many, for a part made for each reader (put in the model under the
	 * part's name and shown with {@code th:utext}); {@link #withPart} puts the reader's own part in its place.
	 */
	public static String partPlaceholder(String name) {
		return Placeholders.part(name);
	}

	/** A part rendered for many with this reader's own part where {@link #partPlaceholder} stood. */
	public static String withPart(String shared, String name, String part) {
		return shared.replace(Placeholders.part(name), part == null ? "" : part);
	}

	/** Every Thymeleaf view of the app is a {@link View}. */
	@Bean
	static BeanPostProcessor pageShellViews() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(View.class);
				}
				return bean;
			}

		};
	}

	/** A kept page in pieces: text, then what goes between one piece and the next, and so on. */
	record Shell(String contentType, String characterEncoding, String[] texts, Slot[] slots) {

		String fill(HttpServletRequest request, Viewer viewer, Map<String, ?> model, List<String> holes) {
			StringBuilder page = new StringBuilder(texts[0].length() * 5 / 4 + 4096);
			for (int i = 0; i < slots.length; i++) {
				page.append(texts[i]);
				Slot slot = slots[i];
				switch (slot.kind()) {
					case NAME -> {
						String name = viewer.getName();
						page.append(name == null ? "" : HtmlUtils.htmlEscape(name, "UTF-8"));
					}
					case CSRF -> {
						CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
						page.append(token == null ? "" : HtmlUtils.htmlEscape(token.getToken(), "UTF-8"));
					}
					case HOLE -> {
						// a part rendered for many may carry placeholders too: this reader's are put in
						Object part = model.get(holes.get(slot.hole()));
						if (part instanceof ReadersPiece piece) {
							piece.appendTo(page);
						}
						else if (part != null) {
							page.append(forReader(part.toString(), request));
						}
					}
				}
			}
			return page.append(texts[slots.length]).toString();
		}

	}

	record Slot(Kind kind, int hole) {

		enum Kind {

			NAME, CSRF, HOLE

		}

	}

	private static final Pattern HOLE = Pattern.compile(Pattern.quote("asan-hole-" + Placeholders.NONCE + "-") + "(\\d+)-");

	/** Cuts a page rendered with placeholders into its pieces. */
	static Shell cut(String rendered, String contentType, String characterEncoding) {
		Pattern any = Pattern.compile(Pattern.quote(Placeholders.NAME) + "|" + Pattern.quote(Placeholders.CSRF)
				+ "|" + HOLE.pattern());
		List<String> texts = new ArrayList<>();
		List<Slot> slots = new ArrayList<>();
		Matcher m = any.matcher(rendered);
		int from = 0;
		while (m.find()) {
			texts.add(rendered.substring(from, m.start()));
			String found = m.group();
			if (found.equals(Placeholders.NAME)) {
				slots.add(new Slot(Slot.Kind.NAME, -1));
			}
			else if (found.equals(Placeholders.CSRF)) {
				slots.add(new Slot(Slot.Kind.CSRF, -1));
			}
			else {
				slots.add(new Slot(Slot.Kind.HOLE, Integer.parseInt(m.group(1))));
			}
			from = m.end();
		}
		texts.add(rendered.substring(from));
		return new Shell(contentType, characterEncoding, texts.toArray(String[]::new), slots.toArray(Slot[]::new));
	}

	/** Whether a model carries a message for its reader alone (after a form was sent). */
	private static boolean personal(Map<String, ?> model, HttpServletRequest request) {
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		return model.get("success") != null || model.get("failure") != null || (flash != null && !flash.isEmpty());
	}

	/**
	 * What the kept page is rendered with: its shared attributes and its holes' placeholders, nothing
	 * else. Anything else in the model is a mistake of the controller, named here, never another
	 * reader's value on a page kept for many.
	 */
	static Map<String, Object> declared(String view, PageShell shell, Map<String, ?> model) {
		List<String> undeclared = model.keySet()
			.stream()
			.filter(name -> !shell.declares(name) && !name.startsWith("org.springframework."))
			.sorted()
			.toList();
		if (!undeclared.isEmpty()) {
			throw new IllegalStateException("The kept page " + view + " was given " + undeclared
					+ ", which its PageShell does not declare: add them to its key and sharing(...), or make them holes");
		}
		Map<String, Object> seen = new HashMap<>();
		shell.shared().forEach(name -> seen.put(name, model.get(name)));
		seen.put(PageShell.ATTRIBUTE, shell);
		for (int i = 0; i < shell.holes().size(); i++) {
			seen.put(shell.holes().get(i), Placeholders.hole(i));
		}
		return seen;
	}

	/**
	 * The app's Thymeleaf view: as Thymeleaf's own, except that a page whose model holds a
	 * {@link PageShell} is kept and put together per request.
	 */
	public static class View extends ThymeleafView {

		private PageShells shells;

		@Override
		protected void renderFragment(Set<String> markupSelectors, Map<String, ?> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Object asked = model.get(PageShell.ATTRIBUTE);
			Viewer viewer = (Viewer) request.getAttribute(Viewer.ATTRIBUTE);
			if (!(asked instanceof PageShell shell) || viewer == null
					|| (markupSelectors != null && !markupSelectors.isEmpty()) || personal(model, request)) {
				// not kept: a page with a message for its reader is rendered for that reader alone
				super.renderFragment(markupSelectors, model, request, response);
				return;
			}
			if (this.shells == null) {
				this.shells = getApplicationContext().getBean(PageShells.class);
			}
			Locale locale = RequestContextUtils.getLocale(request);
			String key = getTemplateName() + "|" + shell.key() + "|" + locale.toLanguageTag() + "|"
					+ request.getContextPath() + "|" + viewer.shape();
			Map<String, Object> declared = declared(getTemplateName(), shell, model);
			Shell kept = CacheConfiguration.get(this.shells.shells, key, () -> render(declared, request, response, viewer));
			String page = kept.fill(request, viewer, model, shell.holes());
			response.setLocale(locale);
			if (kept.contentType() != null) {
				response.setContentType(kept.contentType());
			}
			if (kept.characterEncoding() != null) {
				response.setCharacterEncoding(kept.characterEncoding());
			}
			response.getWriter().write(page);
			response.getWriter().flush();
		}

		private Shell render(Map<String, Object> declared, HttpServletRequest request, HttpServletResponse response,
				Viewer viewer) {
			Capture capture = new Capture(response);
			// no one is signed in while a page for many renders: a template asking who is gets no one's name
			SecurityContext reader = SecurityContextHolder.getContext();
			SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
			try {
				super.renderFragment(null, declared, new StandIn(request, viewer.standIn()), capture);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				SecurityContextHolder.setContext(reader);
			}
			return cut(capture.text(), capture.contentType, capture.characterEncoding);
		}

	}

	/**
	 * The request as a page kept for many sees it: a stand-in for the viewer and for the CSRF token, the
	 * framework's own attributes (the locale, the static files' hashed names, the handler), and nothing
	 * of the app's or of this reader's: no other attribute, no parameter, no session, no principal.
	 */
	static final class StandIn extends WithoutParameters {

		private final Viewer viewer;

		private final CsrfToken placeholder;

		StandIn(HttpServletRequest request, Viewer viewer) {
			super(request);
			this.viewer = viewer;
			CsrfToken real = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			this.placeholder = real == null ? null
					: new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), Placeholders.CSRF);
		}

		static boolean framework(String name) {
			return (name.startsWith("org.springframework.") && !name.startsWith("org.springframework.security."))
					|| name.startsWith("jakarta.") || name.equals(CsrfToken.class.getName()) || name.equals("_csrf");
		}

		/** What the rendering itself sets (Thymeleaf keeps its variables as request attributes): its own. */
		private final Map<String, Object> own = new HashMap<>();

		@Override
		public Object getAttribute(String name) {
			if (this.own.containsKey(name)) {
				return this.own.get(name);
			}
			if (Viewer.ATTRIBUTE.equals(name)) {
				return this.viewer;
			}
			if (CsrfToken.class.getName().equals(name) || "_csrf".equals(name)) {
				return this.placeholder;
			}
			return framework(name) ? super.getAttribute(name) : null;
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.own.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			// a removed attribute stays removed for this rendering, whoever set it
			this.own.put(name, null);
		}

		@Override
		public java.util.Enumeration<String> getAttributeNames() {
			java.util.Set<String> names = new java.util.LinkedHashSet<>();
			if (this.viewer != null) {
				names.add(Viewer.ATTRIBUTE);
			}
			java.util.Collections.list(super.getAttributeNames()).stream().filter(StandIn::framework).forEach(names::add);
			this.own.forEach((name, value) -> {
				if (value == null) {
					names.remove(name);
				}
				else {
					names.add(name);
				}
			});
			return java.util.Collections.enumeration(names);
		}

		@Override
		public jakarta.servlet.http.HttpSession getSession(boolean create) {
			return null;
		}

		@Override
		public jakarta.servlet.http.HttpSession getSession() {
			throw new IllegalStateException("A page kept for many cannot start or read a session");
		}

		@Override
		public java.security.Principal getUserPrincipal() {
			return null;
		}

		@Override
		public String getRemoteUser() {
			return null;
		}

		@Override
		public boolean isUserInRole(String role) {
			return false;
		}

	}

	/** Keeps what the view writes, and the content type it sets, instead of sending them. */
	private static final class Capture extends HttpServletResponseWrapper {

		private final StringWriter text = new StringWriter(16_384);

		private final PrintWriter writer = new PrintWriter(this.text);

		private String contentType;

		private String characterEncoding;

		Capture(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		@Override
		public void setContentType(String type) {
			this.contentType = type;
		}

		@Override
		public void setCharacterEncoding(String charset) {
			this.characterEncoding = charset;
		}

		@Override
		public void setLocale(Locale locale) {
			// set on the real response when the page is sent
		}

		@Override
		public void flushBuffer() {
		}

		String text() {
			this.writer.flush();
			return this.text.toString();
		}

	}

}
