package az.asan.mektub.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesUnitTest {

	private final TrustedProxies filter = new TrustedProxies("10.1.2.3, 192.168.50.0/24");

	@Test
	void aNamedProxyTellsTheClientsAddressSchemeAndHost() throws Exception {
		HttpServletRequest seen = pass(request("192.168.50.7"));
		assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.5");
		assertThat(seen.isSecure()).isTrue();
		assertThat(seen.getServerName()).isEqualTo("mektub.example");
	}

	@Test
	void anyoneElsesForwardedHeadersAreRemovedUnread() throws Exception {
		HttpServletRequest seen = pass(request("198.51.100.9"));
		assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.9");
		assertThat(seen.isSecure()).isFalse();
		assertThat(seen.getServerName()).isEqualTo("localhost");
		assertThat(seen.getHeader("X-Forwarded-For")).isNull();
		assertThat(seen.getHeader("X-Forwarded-Prefix")).isNull();
	}

	@Test
	void byDefaultNoProxyIsTrusted() throws Exception {
		TrustedProxies none = new TrustedProxies("");
		assertThat(none.trusts("127.0.0.1")).isFalse();
		assertThat(none.trusts("10.1.2.3")).isFalse();
		assertThat(filter.trusts("10.1.2.3")).isTrue();
		assertThat(filter.trusts("not an address")).isFalse();
	}

	@Test
	void aMalformedPrefixFromATrustedProxyIsA400() throws Exception {
		MockHttpServletRequest request = request("10.1.2.3");
		request.removeHeader("X-Forwarded-Prefix");
		request.addHeader("X-Forwarded-Prefix", "/evil prefix");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(400);
	}

	private static MockHttpServletRequest request(String from) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tree");
		request.setRemoteAddr(from);
		request.addHeader("X-Forwarded-For", "203.0.113.5");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "mektub.example");
		request.addHeader("X-Forwarded-Prefix", "/mektub");
		return request;
	}

	private HttpServletRequest pass(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		return (HttpServletRequest) chain.getRequest();
	}

}
