package az.asan.mektub.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A person with a browser, without the browser: opens pages through MockMvc, keeps the cookies the
 * app sets (language, session, flash messages), follows redirects, and submits the forms exactly as
 * the page serves them (every field it holds, with the values it holds, nothing more) after the test
 * changed what a person would type. Every submitted form is recorded in {@link SubmittedForms}, which
 * the form inventory compares with the forms in the templates.
 */
public final class Visitor {

	private final MockMvc mvc;

	private final UserDetails user;

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	/**
	 * A signed-in browser always has a session; MockMvc's {@code user()} signs in without one, which the
	 * anonymous tree's kept answer (platform.web.AnonymousPages) would take for a visitor's. The session stands for it.
	 */
	private final org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();

	private Visitor(MockMvc mvc, UserDetails user) {
		this.mvc = mvc;
		this.user = user;
	}

	public static Visitor anonymous(MockMvc mvc) {
		return new Visitor(mvc, null);
	}

	public static Visitor signedIn(MockMvc mvc, UserDetails user) {
		return new Visitor(mvc, user);
	}

	public boolean isAnonymous() {
		return user == null;
	}

	/** Chooses a language through the page's own language switch ({@code ?lang=}), remembered by a cookie. */
	public Visitor speaking(String language) {
		Page page = open("/?lang=" + language);
		assertThat(page.document().select("html").attr("lang")).as("language switched").isEqualTo(language);
		return this;
	}

	/** Opens an address and follows its redirects, as a browser does. */
	public Page open(String url) {
		return follow(perform(MockMvcRequestBuilders.get(URI.create(url))), url);
	}

	/** Opens an address without following a redirect. */
	public MvcResult request(String url) {
		return perform(MockMvcRequestBuilders.get(URI.create(url)));
	}

	/** Follows the redirects of a response until a page answers. */
	public Page follow(MvcResult result, String url) {
		String current = url;
		for (int hops = 0; hops < 8; hops++) {
			int status = result.getResponse().getStatus();
			String location = result.getResponse().getRedirectedUrl();
			if (status < 300 || status >= 400 || location == null) {
				return new Page(this, current, result);
			}
			URI target = URI.create(current).resolve(location);
			if (target.getHost() != null && !"localhost".equals(target.getHost())) {
				return new Page(this, current, result);
			}
			current = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
			result = perform(MockMvcRequestBuilders.get(URI.create(current)));
		}
		throw new AssertionError("Too many redirects from " + url);
	}

	MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request) {
		if (user != null) {
			request.with(user(user));
			request.session(session);
		}
		if (!cookies.isEmpty()) {
			request.cookie(cookies.values().toArray(Cookie[]::new));
		}
		try {
			MvcResult result = mvc.perform(request).andReturn();
			for (Cookie cookie : result.getResponse().getCookies()) {
				if (cookie.getMaxAge() == 0) {
					cookies.remove(cookie.getName());
				}
				else {
					cookies.put(cookie.getName(), cookie);
				}
			}
			return result;
		}
		catch (Exception ex) {
			throw new AssertionError("Request failed: " + request, ex);
		}
	}

	/** A served page. */
	public record Page(Visitor visitor, String url, MvcResult result) {

		public int status() {
			return result.getResponse().getStatus();
		}

		public String html() {
			try {
				return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		public Document document() {
			return Jsoup.parse(html(), "http://localhost" + url);
		}

		/** The messages of the page (alerts and the errors beside fields), for assertion descriptions. */
		public String messages() {
			return url + " " + status() + ": " + document().select(".alert, .invalid-feedback").eachText();
		}

		/** What a person reads: the text of the page's main content, entities decoded. */
		public String text() {
			Element main = document().selectFirst("main");
			return (main == null ? document().body() : main).text();
		}

		public Form form(String cssSelector) {
			Element found = document().selectFirst(cssSelector);
			assertThat(found).as("form " + cssSelector + " on " + url).isNotNull();
			Element form = found instanceof FormElement ? found : found.closest("form");
			assertThat(form).as("form around " + cssSelector + " on " + url).isInstanceOf(FormElement.class);
			return new Form(visitor, this, (FormElement) form);
		}

		/** The form whose action ends with the given path. */
		public Form formTo(String actionEnd) {
			for (Element form : document().select("form")) {
				String action = form.attr("action");
				String path = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
				if (path.endsWith(actionEnd)) {
					return new Form(visitor, this, (FormElement) form);
				}
			}
			throw new AssertionError("No form to …" + actionEnd + " on " + url + ": " + document().select("form"));
		}

	}

	/** A form as served, with the fields a person changes before pressing its button. */
	public static final class Form {

		private final Visitor visitor;

		private final Page page;

		private final FormElement element;

		private final List<Map.Entry<String, String>> fields = new ArrayList<>();

		private final List<MockMultipartFile> files = new ArrayList<>();

		Form(Visitor visitor, Page page, FormElement element) {
			this.visitor = visitor;
			this.page = page;
			this.element = element;
			element.formData().forEach(kv -> fields.add(Map.entry(kv.key(), kv.value())));
			// a select without a chosen option sends its first option, as a browser does (jsoup sends nothing)
			for (Element select : element.select("select[name]")) {
				if (select.selectFirst("option[selected]") == null && !select.hasAttr("multiple")
						&& fields.stream().noneMatch(f -> f.getKey().equals(select.attr("name")))) {
					Element first = select.selectFirst("option");
					if (first != null) {
						fields.add(Map.entry(select.attr("name"), first.hasAttr("value") ? first.attr("value") : first.text()));
					}
				}
			}
		}

		public boolean has(String name) {
			return !element.select("[name=" + name + "]").isEmpty();
		}

		/** Types a value into a field the form holds (a hidden, text, date or number input, a text area, a select). */
		public Form set(String name, String value) {
			Element field = element.selectFirst("[name=" + name + "]");
			assertThat(field).as("field " + name + " in form " + action()).isNotNull();
			if (field.tagName().equals("select")) {
				boolean offered = field.select("option")
					.stream()
					.anyMatch(o -> (o.hasAttr("value") ? o.attr("value") : o.text()).equals(value));
				assertThat(offered).as("option " + value + " of " + name).isTrue();
			}
			fields.removeIf(f -> f.getKey().equals(name));
			fields.add(Map.entry(name, value));
			return this;
		}

		/** Ticks a checkbox or chooses a radio button by its value. */
		public Form check(String name, String value) {
			Element box = element.selectFirst("input[name=" + name + "][value=" + value + "]");
			assertThat(box).as("checkbox " + name + "=" + value).isNotNull();
			if (box.attr("type").equals("radio")) {
				fields.removeIf(f -> f.getKey().equals(name));
			}
			fields.add(Map.entry(name, value));
			return this;
		}

		public Form check(String name) {
			Element box = element.selectFirst("input[name=" + name + "]");
			assertThat(box).as("checkbox " + name).isNotNull();
			return check(name, box.hasAttr("value") ? box.attr("value") : "on");
		}

		/** Chooses options of a select that takes several, or ticks exactly these boxes of a checkbox list. */
		public Form choose(String name, String... values) {
			fields.removeIf(f -> f.getKey().equals(name));
			for (String value : values) {
				assertThat(element.selectFirst("select[name=" + name + "] option[value=" + value + "], input[type=checkbox][name="
						+ name + "][value=" + value + "]"))
					.as("option " + value + " of " + name)
					.isNotNull();
				fields.add(Map.entry(name, value));
			}
			return this;
		}

		public Form uncheck(String name) {
			fields.removeIf(f -> f.getKey().equals(name));
			return this;
		}

		public Form attach(String name, String fileName, String type, byte[] bytes) {
			assertThat(element.selectFirst("input[type=file][name=" + name + "]")).as("file field " + name).isNotNull();
			files.add(new MockMultipartFile(name, fileName, type, bytes));
			return this;
		}

		public String value(String name) {
			return fields.stream().filter(f -> f.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
		}

		public String action() {
			String action = element.attr("action");
			return action.isEmpty() ? page.url() : action;
		}

		public String method() {
			return element.attr("method").isEmpty() ? "GET" : element.attr("method").toUpperCase();
		}

		private String sentTo;

		/** Presses the form's button; the answer before any redirect. */
		public MvcResult press() {
			String path = URI.create(page.url()).resolve(action()).getRawPath();
			SubmittedForms.record(method(), path);
			sentTo = path;
			if (method().equals("GET")) {
				UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(path);
				fields.forEach(f -> uri.queryParam(f.getKey(), f.getValue()));
				URI target = uri.encode().build().toUri();
				sentTo = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
				return visitor.perform(MockMvcRequestBuilders.get(target));
			}
			AbstractMockHttpServletRequestBuilder<?> request;
			if ("multipart/form-data".equalsIgnoreCase(element.attr("enctype"))) {
				MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(URI.create(path));
				files.forEach(multipart::file);
				for (Element file : element.select("input[type=file][name]")) {
					if (files.stream().noneMatch(f -> f.getName().equals(file.attr("name")))) {
						multipart.file(new MockMultipartFile(file.attr("name"), "", "application/octet-stream", new byte[0]));
					}
				}
				request = multipart;
			}
			else {
				request = MockMvcRequestBuilders.request(HttpMethod.POST, URI.create(path));
			}
			boolean servedToken = false;
			for (Map.Entry<String, String> field : fields) {
				if (field.getKey().equals("_csrf")) {
					servedToken = true;
					continue;
				}
				request.param(field.getKey(), field.getValue());
			}
			assertThat(servedToken).as("form " + path + " carries its CSRF token").isTrue();
			// The served token belongs to the served session; MockMvc checks the test's own.
			request.with(csrf());
			return visitor.perform(request);
		}

		/** Presses the button and follows the redirect to the page that answers. */
		public Page submit() {
			MvcResult answer = press();
			return visitor.follow(answer, sentTo);
		}

	}

}
