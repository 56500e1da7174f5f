package az.asan.mektub.platform.web;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymousPagesUnitTest {

	private final AtomicInteger renders = new AtomicInteger();

	private final AnonymousPages cache = new AnonymousPages(
			az.asan.mektub.platform.web.CacheConfiguration.shortLived("tree-pages", java.time.Duration.ofSeconds(5), 5_000),
			java.util.Set.of("/tree"));

	@Test
	void aVisitorWithoutASessionGetsTheSameRenderForAFewSeconds() throws Exception {
		MockHttpServletResponse first = get(request("region=9"));
		MockHttpServletResponse second = get(request("region=9"));

		assertThat(renders).hasValue(1);
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).contains("render 1");
		assertThat(second.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
		assertThat(get(request("region=10")).getContentAsString()).contains("render 2");
	}

	@Test
	void aKeptPageCarriesEachVisitorsOwnRequestIdOnceAndNoHeaderOfTheAnswerItWasRenderedFor() throws Exception {
		// the request id filter runs before the cache and names each answer (issue 23)
		MockHttpServletResponse first = new MockHttpServletResponse();
		first.setHeader("X-Request-Id", "first-visitor");
		get(request("ids=1"), first);
		MockHttpServletResponse second = new MockHttpServletResponse();
		second.setHeader("X-Request-Id", "second-visitor");
		get(request("ids=1"), second);

		assertThat(renders).hasValue(1);
		assertThat(second.getHeaders("X-Request-Id")).containsExactly("second-visitor");
		assertThat(second.getHeaders("Content-Security-Policy")).containsExactly("default-src 'self'");
		assertThat(second.getHeaders("X-Rendered-For")).isEmpty();
		assertThat(second.getHeaders("Date")).isEmpty();
	}

	@Test
	void eachLanguageHasItsOwnPage() throws Exception {
		get(request("view=list"));
		MockHttpServletRequest russian = request("view=list");
		russian.setCookies(new Cookie("ASANLANG", "ru"));
		get(russian);
		assertThat(renders).hasValue(2);
	}

	@Test
	void signedInVisitorsAndLanguageSwitchesAreNeverCached() throws Exception {
		MockHttpServletRequest signedIn = request("");
		signedIn.setCookies(new Cookie("ASANSESSION", "abc"));
		get(signedIn);
		get(signedIn);
		MockHttpServletRequest switching = request("lang=en");
		switching.setParameter("lang", "en");
		get(switching);
		get(switching);
		assertThat(renders).hasValue(4);
	}

	@Test
	void aPathPrefixFromATrustedProxyIsPartOfTheKey() throws Exception {
		get(request("view=list"));
		MockHttpServletRequest prefixed = new MockHttpServletRequest("GET", "/mektub/tree");
		prefixed.setContextPath("/mektub");
		prefixed.setQueryString("view=list");
		get(prefixed);
		assertThat(renders).hasValue(2);
	}

	@Test
	void anAnswerThatSetsACookieIsNotKept() throws Exception {
		MockHttpServletRequest request = request("q=top");
		get(request, true);
		get(request, true);
		assertThat(renders).hasValue(2);
	}

	@Test
	void aRushOfVisitorsForAnExpiredPageCostsOneRender() throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			java.util.List<java.util.concurrent.Future<String>> pages = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				pages.add(pool.submit(() -> get(request("rush=1"), false, 200).getContentAsString()));
			}
			for (java.util.concurrent.Future<String> page : pages) {
				assertThat(page.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains("render 1");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(renders).hasValue(1);
	}

	private MockHttpServletRequest request(String query) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tree");
		request.setQueryString(query);
		return request;
	}

	private MockHttpServletResponse get(MockHttpServletRequest request) throws Exception {
		return get(request, false);
	}

	private MockHttpServletResponse get(MockHttpServletRequest request, boolean setsCookie) throws Exception {
		return get(request, setsCookie, 0);
	}

	private MockHttpServletResponse get(MockHttpServletRequest request, MockHttpServletResponse response)
			throws Exception {
		return get(request, false, 0, response);
	}

	private MockHttpServletResponse get(MockHttpServletRequest request, boolean setsCookie, long renderMillis)
			throws Exception {
		return get(request, setsCookie, renderMillis, new MockHttpServletResponse());
	}

	private MockHttpServletResponse get(MockHttpServletRequest request, boolean setsCookie, long renderMillis,
			MockHttpServletResponse response) throws Exception {
		cache.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
				try {
					Thread.sleep(renderMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				res.setContentType("text/html;charset=UTF-8");
				res.setHeader("Content-Security-Policy", "default-src 'self'");
				res.setHeader("X-Rendered-For", "this answer only");
				res.setDateHeader("Date", System.currentTimeMillis());
				if (setsCookie) {
					res.addHeader("Set-Cookie", "ASANSESSION=x");
				}
				res.getWriter().write("<p>render " + renders.incrementAndGet() + "</p>");
			}
		}));
		return response;
	}

}
