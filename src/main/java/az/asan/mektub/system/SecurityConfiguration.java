package az.asan.mektub.system;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
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

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
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
				.successHandler(new RoleHomeSuccessHandler())
				.failureUrl("/login?error")
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?loggedOut").deleteCookies("ASANSESSION"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** After signing in, a person lands where their work is, unless they were on their way somewhere. */
	static class RoleHomeSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

		private final HttpSessionRequestCache cache = new HttpSessionRequestCache();

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
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
