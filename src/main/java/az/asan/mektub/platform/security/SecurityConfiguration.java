package az.asan.mektub.platform.security;

import az.asan.mektub.platform.web.SecurityHeaders;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Who may open which URL. Region checks happen in the features themselves (a volunteer asking for
 * another region's letter gets 404); here the coarse rule by role.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String SESSION_COOKIE = "ASANSESSION";

	/** The CSRF token lives in this cookie, not in a session: a visitor who has not signed in has none. */
	static final String CSRF_COOKIE = "ASANCSRF";

	static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> pages,
			OidcProvider oidc, ObjectProvider<OidcSignIns> oidcSignIns) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
			// GET too: the adoption form of a visitor who has not signed in asks them to sign in first (and
			// carries no CSRF token, so the letter's page is the same for every such visitor).
			.requestMatchers("/letters/*/adopt").authenticated()
			.requestMatchers("/", "/login", "/login/oidc", "/login/oidc/**", "/register", "/register/organisation", "/account/confirm", "/password/**", "/tree/**", "/letters/**",
					"/impact/**", "/about", "/robots.txt", "/sitemap.xml",
					"/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/actuator/health/**", "/error")
			.permitAll()
			.requestMatchers("/admin/users/staff/**", "/admin/backups/**", "/admin/backups").hasRole("ADMIN")
			.requestMatchers("/admin/**", "/reports/**").hasAnyRole("STAFF", "ADMIN")
			.requestMatchers("/volunteer/**").hasAnyRole("VOLUNTEER", "STAFF", "ADMIN")
			.requestMatchers("/me/**", "/actuator/**").authenticated()
			.requestMatchers(new UnknownPage(pages)).permitAll()
			.anyRequest().authenticated())
			.formLogin(login -> login.loginPage("/login")
				.usernameParameter("email")
				.successHandler(new RoleHomeSuccessHandler(throttle))
				.failureHandler(new ThrottledFailureHandler(throttle))
				.permitAll())
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			// No session for a visitor who has not signed in (issue 12): the CSRF token and the page a
			// visitor was on the way to are kept in cookies; a session begins when someone signs in.
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
			.requestCache(cache -> cache.requestCache(new SavedRequestCookie()))
			.logout(logout -> logout.logoutSuccessUrl("/?loggedOut").deleteCookies(SESSION_COOKIE))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny())
				.permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY))
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
		if (oidc.enabled()) {
			// The national digital identity (OpenID Connect), only when it is configured: otherwise its
			// addresses answer 404 like any other unknown one, and nothing asks the provider anything.
			http.oauth2Login(login -> login.loginPage("/login")
				.clientRegistrationRepository(oidc)
				// the provider's access token is not used after sign-in: nothing keeps it (Spring's default
				// keeps it in this node's memory, for ever)
				.authorizedClientRepository(new NoAuthorizedClients())
				.successHandler(new OidcSuccessHandler(oidcSignIns, new RoleHomeSuccessHandler(throttle)))
				.failureHandler(new OidcFailureHandler())
				.permitAll())
				.addFilterBefore(new AuthorizationStart(oidc),
						org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter.class);
		}
		return http.build();
	}

	/**
	 * Where the sign-in begins, before Spring Security's filter (which answers a bare 500 and logs an
	 * ERROR with a stack trace when it finds no registration): a registration other than the one this
	 * app has is the app's 404, and the provider that does not answer is told on the sign-in page.
	 */
	static final class AuthorizationStart extends OncePerRequestFilter {

		private static final String PREFIX = "/oauth2/authorization/";

		private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuthorizationStart.class);

		private final OidcProvider oidc;

		AuthorizationStart(OidcProvider oidc) {
			this.oidc = oidc;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !request.getRequestURI().startsWith(request.getContextPath() + PREFIX);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String id = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
			if (!OidcProvider.REGISTRATION_ID.equals(id)) {
				response.sendError(HttpStatus.NOT_FOUND.value());
				return;
			}
			if (!oidc.available()) {
				log.warn("Sign-in through the identity provider asked for while it does not answer");
				response.sendRedirect(request.getContextPath() + "/login?oidc=unavailable");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** The provider's access and refresh tokens are not kept: this app signs people in and asks nothing else. */
	static final class NoAuthorizedClients implements org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository {

		@Override
		public <T extends org.springframework.security.oauth2.client.OAuth2AuthorizedClient> T loadAuthorizedClient(
				String clientRegistrationId, Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(org.springframework.security.oauth2.client.OAuth2AuthorizedClient authorizedClient,
				Authentication principal, HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

	/**
	 * After the provider's answer was checked, the accounts module says who the person is here. They
	 * are then signed in as that account, the same kind of session a password gives (one codec, one
	 * principal for every page), or sent to a page without being signed in (to prove they own an
	 * account with the same address first).
	 */
	static final class OidcSuccessHandler implements org.springframework.security.web.authentication.AuthenticationSuccessHandler {

		private final ObjectProvider<OidcSignIns> signIns;

		private final RoleHomeSuccessHandler home;

		private final org.springframework.security.web.context.SecurityContextRepository contexts =
				new org.springframework.security.web.context.HttpSessionSecurityContextRepository();

		OidcSuccessHandler(ObjectProvider<OidcSignIns> signIns, RoleHomeSuccessHandler home) {
			this.signIns = signIns;
			this.home = home;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException, ServletException {
			OidcSignIns.Outcome outcome = signIns.getObject()
				.signedIn((org.springframework.security.oauth2.core.oidc.user.OidcUser) authentication.getPrincipal(), request);
			org.springframework.security.core.context.SecurityContext context = org.springframework.security.core.context.SecurityContextHolder
				.createEmptyContext();
			if (outcome.signIn() != null) {
				context.setAuthentication(outcome.signIn());
			}
			org.springframework.security.core.context.SecurityContextHolder.setContext(context);
			// replaces the provider's token the filter kept in the session (or removes it)
			contexts.saveContext(context, request, response);
			if (outcome.signIn() != null) {
				home.onAuthenticationSuccess(request, response, outcome.signIn());
			}
			else {
				response.sendRedirect(request.getContextPath() + outcome.page());
			}
		}

	}

	/**
	 * Whatever went wrong with the provider's answer is told on the sign-in page, in the reader's
	 * language, never as a stack trace: a sign-in that did not start here or started too long ago
	 * (state unknown), a provider that could not be reached, a person who cancelled there, and an
	 * answer that did not pass the checks (signature, issuer, audience, nonce, expiry).
	 */
	static final class OidcFailureHandler implements org.springframework.security.web.authentication.AuthenticationFailureHandler {

		private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OidcFailureHandler.class);

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			String code = exception instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth
					? oauth.getError().getErrorCode() : "";
			String kind = switch (code) {
				case "authorization_request_not_found", "invalid_state_parameter" -> "expired";
				case "access_denied" -> "cancelled";
				// the token or user info endpoint, or the keys, did not answer; anything else failed a check
				default -> unreachable(exception) ? "unavailable" : "refused";
			};
			// the code and the reason only: never a token
			log.warn("Sign-in through the identity provider failed ({}): {}", code, exception.getMessage());
			response.sendRedirect(request.getContextPath() + "/login?oidc=" + kind);
		}

		private static boolean unreachable(Throwable exception) {
			for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
				// no answer, or the provider's own failure (5xx, as a provider behind its load balancer answers while down)
				if (cause instanceof java.io.IOException
						|| cause instanceof org.springframework.web.client.ResourceAccessException
						|| cause instanceof org.springframework.web.client.HttpServerErrorException) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * The operators' endpoints: health for everyone, metrics for administrators (their session from
	 * the sign-in form), nothing else. They are not advertised: someone not signed in gets 404, not
	 * the sign-in page.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.hasRole("ADMIN")
				.anyRequest()
				.denyAll())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND)))
			.requestCache(cache -> cache.disable());
		return http.build();
	}

	static CsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName(CSRF_COOKIE);
		tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
		return new SessionOrCookieCsrfTokens(tokens);
	}

	/**
	 * A signed-in person's CSRF token lives in their session (a row in PostgreSQL, read once per
	 * request anyway), so a cookie planted by a sibling subdomain, with a token of its own, is never
	 * compared for them; it is replaced at sign-in (Spring's CsrfAuthenticationStrategy). Visitors
	 * who have not signed in have no session and keep theirs in a cookie, which creates none.
	 */
	static final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

		private final CsrfTokenRepository cookie;

		private final org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository session =
				new org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository();

		SessionOrCookieCsrfTokens(CsrfTokenRepository cookie) {
			this.cookie = cookie;
		}

		private static boolean hasSession(HttpServletRequest request) {
			return request.getSession(false) != null;
		}

		@Override
		public org.springframework.security.web.csrf.CsrfToken generateToken(HttpServletRequest request) {
			return cookie.generateToken(request);
		}

		@Override
		public void saveToken(org.springframework.security.web.csrf.CsrfToken token, HttpServletRequest request,
				HttpServletResponse response) {
			if (hasSession(request)) {
				session.saveToken(token, request, response);
			}
			if (token == null || !hasSession(request)) {
				// removed (sign-in, sign-out) or a visitor without a session: the cookie is the one to change
				cookie.saveToken(token, request, response);
			}
		}

		@Override
		public org.springframework.security.web.csrf.CsrfToken loadToken(HttpServletRequest request) {
			return hasSession(request) ? session.loadToken(request) : cookie.loadToken(request);
		}

	}

	/**
	 * Without Spring Security's per-filter observations: they cost about a tenth of a simple page, and
	 * requests are still timed as a whole (http.server.requests).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
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

	/**
	 * An address no page answers: everyone, signed in or not, gets the 404 page in their language
	 * rather than a detour through the sign-in page. Addresses that a page does answer keep their
	 * rule (anything not listed above still needs a signed-in person).
	 */
	static class UnknownPage implements RequestMatcher {

		private final ObjectProvider<RequestMappingHandlerMapping> pages;

		UnknownPage(ObjectProvider<RequestMappingHandlerMapping> pages) {
			this.pages = pages;
		}

		@Override
		public boolean matches(HttpServletRequest request) {
			Object previousPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
			try {
				ServletRequestPathUtils.parseAndCache(request);
				return pages.getObject().getHandler(request) == null;
			}
			catch (Exception ex) {
				// A page answers this address, though not this way (another method, say): keep its rule.
				return false;
			}
			finally {
				if (previousPath == null) {
					ServletRequestPathUtils.clearParsedRequestPath(request);
				}
				else {
					request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previousPath);
				}
			}
		}

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

		/** Read by the sign-in page (AccountController). */
		static final String TYPED_EMAIL_COOKIE = "ASANLOGINEMAIL";

		private final LoginThrottle throttle;

		ThrottledFailureHandler(LoginThrottle throttle) {
			super("/login?error");
			this.throttle = throttle;
			// the login page says "wrong e-mail or password" from ?error; no session to keep the exception in
			setAllowSessionCreation(false);
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			String email = request.getParameter("email");
			if (exception instanceof org.springframework.security.authentication.CredentialsExpiredException) {
				// the right password of someone who must sign in through the national identity provider
				// (asan.oidc.required-for-staff): not a failed guess, and the page says where to sign in
				getRedirectStrategy().sendRedirect(request, response, "/login?oidcRequired");
				return;
			}
			throttle.failed(email, request.getRemoteAddr());
			if (email != null && !email.isBlank() && email.length() <= 254) {
				// The sign-in page shows again what was typed, without the address in the URL: in a
				// cookie only the sign-in page receives, gone after a minute or when read.
				response.addHeader(org.springframework.http.HttpHeaders.SET_COOKIE, org.springframework.http.ResponseCookie
					.from(TYPED_EMAIL_COOKIE, java.net.URLEncoder.encode(email.strip(), java.nio.charset.StandardCharsets.UTF_8))
					.path(request.getContextPath() + "/login")
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.maxAge(60)
					.build()
					.toString());
			}
			super.onAuthenticationFailure(request, response, exception);
		}

	}

	/**
	 * The page a visitor asked for before being sent to sign in, kept in a cookie rather than a session.
	 * Only pages (GET, not a script's request) are kept, as Spring Security's default does with CSRF on,
	 * and only an address on this host is followed back.
	 */
	static class SavedRequestCookie extends CookieRequestCache {

		private static final java.util.regex.Pattern ADOPT = java.util.regex.Pattern.compile("(.*/letters/[^/]+)/adopt");

		SavedRequestCookie() {
			setRequestMatcher(request -> "GET".equals(request.getMethod())
					&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
					&& request.getHeader("HX-Request") == null && !request.getRequestURI().endsWith("/favicon.ico"));
		}

		/**
		 * Pressing "adopt" on a letter before signing in keeps the letter's page (GET) as the way back:
		 * the press itself is not repeated, the donor sees the letter again and presses once more.
		 */
		@Override
		public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
			java.util.regex.Matcher adopt = ADOPT.matcher(request.getRequestURI());
			if ("POST".equals(request.getMethod()) && adopt.matches()) {
				super.saveRequest(new jakarta.servlet.http.HttpServletRequestWrapper(request) {
					@Override
					public String getMethod() {
						return "GET";
					}

					@Override
					public String getRequestURI() {
						return adopt.group(1);
					}

					@Override
					public String getServletPath() {
						return adopt.group(1).substring(request.getContextPath().length());
					}

					@Override
					public String getQueryString() {
						return null;
					}

					@Override
					public StringBuffer getRequestURL() {
						StringBuffer url = request.getRequestURL();
						return url.replace(url.length() - request.getRequestURI().length(), url.length(), adopt.group(1));
					}
				}, response);
				return;
			}
			super.saveRequest(request, response);
		}

		/**
		 * A cookie this app did not write (planted by a sibling subdomain, say) whose address cannot be
		 * read is dropped and forgotten, never a 500 on every page of that browser (as a bad language
		 * cookie is ignored).
		 */
		@Override
		public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
			try {
				return super.getMatchingRequest(request, response);
			}
			catch (RuntimeException unreadable) {
				removeRequest(request, response);
				return null;
			}
		}

		@Override
		public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
			SavedRequest saved;
			try {
				saved = super.getRequest(request, response);
			}
			catch (RuntimeException unreadable) {
				removeRequest(request, response);
				return null;
			}
			if (saved == null) {
				return null;
			}
			try {
				String host = java.net.URI.create(saved.getRedirectUrl()).getHost();
				return request.getServerName().equalsIgnoreCase(host) ? saved : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

	/** After signing in, a person lands where their work is, unless they were on their way somewhere. */
	static class RoleHomeSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

		private final RequestCache cache = new SavedRequestCookie();

		private final LoginThrottle throttle;

		RoleHomeSuccessHandler(LoginThrottle throttle) {
			this.throttle = throttle;
			setRequestCache(cache);
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			// The account that signed in, never a request parameter: after the identity provider's answer
			// the query string is the visitor's own, and an "email" added to it would clear another
			// account's count of failed guesses.
			throttle.succeeded(authentication.getName(), request.getRemoteAddr());
			// Only the path of the page a person was on the way to: the saved address holds the scheme and
			// Host of the request that was sent to sign in, which a visitor chooses. No field of this shared
			// handler is changed per request.
			SavedRequest saved = cache.getRequest(request, response);
			String target = saved == null ? null : pathOf(saved.getRedirectUrl(), request.getContextPath());
			cache.removeRequest(request, response);
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, target == null ? homeOf(authentication) : target);
		}

		/** The path and query of an address on this site, without the context path; null if it has none. */
		static String pathOf(String url, String contextPath) {
			try {
				java.net.URI uri = java.net.URI.create(url);
				String path = uri.getRawPath();
				if (path == null || !path.startsWith(contextPath + "/")) {
					return null;
				}
				path = path.substring(contextPath.length());
				if (path.startsWith("//") || path.contains("\\")) {
					return null;
				}
				return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
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
