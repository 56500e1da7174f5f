package az.asan.mektub.system;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Who may open which URL. Region checks happen in the features themselves (a volunteer asking for
 * another region's letter gets 404); here the coarse rule by role.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String SESSION_COOKIE = "ASANSESSION";

	static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
			.requestMatchers(HttpMethod.POST, "/letters/*/adopt").authenticated()
			.requestMatchers("/", "/login", "/register", "/account/confirm", "/password/**", "/tree/**", "/letters/**",
					"/impact/**", "/about",
					"/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/actuator/health/**", "/error")
			.permitAll()
			.requestMatchers("/admin/users/staff/**").hasRole("ADMIN")
			.requestMatchers("/admin/**", "/reports/**").hasAnyRole("STAFF", "ADMIN")
			.requestMatchers("/volunteer/**").hasAnyRole("VOLUNTEER", "STAFF", "ADMIN")
			.requestMatchers("/me/**").authenticated()
			.anyRequest().authenticated())
			.formLogin(login -> login.loginPage("/login")
				.usernameParameter("email")
				.successHandler(new RoleHomeSuccessHandler(throttle))
				.failureHandler(new ThrottledFailureHandler(throttle))
				.permitAll())
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.logout(logout -> logout.logoutSuccessUrl("/?loggedOut").deleteCookies(SESSION_COOKIE))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny())
				.permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordHashing.encoder();
	}

	/**
	 * The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS
	 * (behind a proxy too, as X-Forwarded-Proto is trusted, see application.properties).
	 */
	@Bean
	CookieSerializer cookieSerializer() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(SESSION_COOKIE);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		return serializer;
	}

	/** Refuses a sign-in attempt while its account or address must wait or is locked, before checking it. */
	static class LoginThrottleFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		LoginThrottleFilter(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod())
					&& (request.getContextPath() + "/login").equals(request.getRequestURI()));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			LoginThrottle.Verdict verdict = throttle.check(request.getParameter("email"), request.getRemoteAddr());
			if (!verdict.allowed()) {
				response.sendRedirect(request.getContextPath() + "/login?" + (verdict.locked() ? "locked=" : "wait=")
						+ verdict.waitSeconds());
				return;
			}
			chain.doFilter(request, response);
		}

	}

	static class ThrottledFailureHandler extends SimpleUrlAuthenticationFailureHandler {

		private final LoginThrottle throttle;

		ThrottledFailureHandler(LoginThrottle throttle) {
			super("/login?error");
			this.throttle = throttle;
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			throttle.failed(request.getParameter("email"), request.getRemoteAddr());
			super.onAuthenticationFailure(request, response, exception);
		}

	}

	/** After signing in, a person lands where their work is, unless they were on their way somewhere. */
	static class RoleHomeSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

		private final HttpSessionRequestCache cache = new HttpSessionRequestCache();

		private final LoginThrottle throttle;

		RoleHomeSuccessHandler(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			throttle.succeeded(request.getParameter("email"), request.getRemoteAddr());
			if (cache.getRequest(request, response) == null) {
				setDefaultTargetUrl(homeOf(authentication));
				setAlwaysUseDefaultTargetUrl(true);
			}
			else {
				setAlwaysUseDefaultTargetUrl(false);
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

		static String homeOf(Authentication authentication) {
			var authorities = authentication.getAuthorities().toString();
			if (authorities.contains("ROLE_ADMIN") || authorities.contains("ROLE_STAFF")) {
				return "/reports";
			}
			if (authorities.contains("ROLE_VOLUNTEER")) {
				return "/volunteer";
			}
			return "/";
		}

	}

}
