package az.asan.mektub.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's address behind trusted proxies, read from the right of the forwarded chain. */
class TrustedProxiesChainUnitTest {

	private final TrustedProxies filter = new TrustedProxies("127.0.0.1, 10.9.0.0/16");

	@Test
	void theFirstUntrustedAddressFromTheRightIsTheClient() throws Exception {
		assertThat(seen("X-Forwarded-For", "10.0.0.1, 203.0.113.5")).isEqualTo("203.0.113.5");
		assertThat(seen("X-Forwarded-For", "10.0.0.1, 203.0.113.5, 10.9.1.1")).isEqualTo("203.0.113.5");
		assertThat(seen("X-Forwarded-For", "198.51.100.7:5555")).isEqualTo("198.51.100.7");
		assertThat(seen("Forwarded", "for=198.51.100.1, for=203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(seen("Forwarded", "for=198.51.100.1;proto=https, for=\"[2001:db8::7]:443\"")).isEqualTo("2001:db8:0:0:0:0:0:7");
		// only proxies in the chain: the leftmost of them
		assertThat(seen("X-Forwarded-For", "10.9.3.3, 10.9.1.1")).isEqualTo("10.9.3.3");
	}

	@Test
	void aValueThatIsNoAddressLeavesTheConnectingOne() throws Exception {
		assertThat(seen("X-Forwarded-For", "garbage-not-ip")).isEqualTo("127.0.0.1");
		assertThat(seen("X-Forwarded-For", "1.2.3.4, garbage-not-ip")).isEqualTo("127.0.0.1");
		assertThat(seen("X-Forwarded-For", "999.1.1.1")).isEqualTo("127.0.0.1");
		assertThat(seen("Forwarded", "for=unknown")).isEqualTo("127.0.0.1");
		assertThat(seen("X-Forwarded-For", "a:b")).isEqualTo("127.0.0.1");
		// the garbage left of a real entry was the client's own writing: never read
		assertThat(seen("X-Forwarded-For", "garbage-not-ip, 203.0.113.9")).isEqualTo("203.0.113.9");
	}

	@Test
	void fromAnyoneElseTheConnectingAddressStands() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tree");
		request.setRemoteAddr("198.51.100.50");
		request.addHeader("X-Forwarded-For", "10.0.0.1");
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest().getRemoteAddr()).isEqualTo("198.51.100.50");
	}

	@Test
	void aRedirectBehindAProxyStaysRelative() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/volunteer");
		request.setRemoteAddr("127.0.0.1");
		request.addHeader("X-Forwarded-Host", "evil.example");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Prefix", "/pfx");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, (req, res) -> ((HttpServletResponse) res)
			.sendRedirect(((HttpServletRequest) req).getContextPath() + "/login"));
		assertThat(response.getHeader("Location")).isEqualTo("/pfx/login");
	}

	private String seen(String header, String value) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tree");
		request.setRemoteAddr("127.0.0.1");
		request.addHeader(header, value);
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		return chain.getRequest().getRemoteAddr();
	}

}
