package az.asan.mektub.account;

import az.asan.mektub.platform.settings.AsanProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sign-in form's check of an e-mail address and password: Spring Security's own, with one rule
 * more. When volunteers, staff and administrators must use the national identity provider
 * ({@code asan.oidc.required-for-staff}), their password is refused after it was checked, so that the
 * answer tells nothing of the account's role to someone who does not know its password; the sign-in
 * page then says where to sign in (SecurityConfiguration's failure handler reads the
 * {@link CredentialsExpiredException}).
 */
@Configuration(proxyBeanMethods = false)
class PasswordSignIn {

	@Bean
	DaoAuthenticationProvider passwordAuthenticationProvider(AccountUserDetailsService people, PasswordEncoder passwords,
			AsanProperties asan) {
		boolean providerRequiredForStaff = asan.oidc().requiredForStaff();
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(people);
		provider.setPasswordEncoder(passwords);
		provider.setPostAuthenticationChecks(user -> {
			if (!user.isCredentialsNonExpired()) {
				throw new CredentialsExpiredException("credentials expired");
			}
			if (!user.isAccountNonExpired()) {
				throw new AccountExpiredException("account expired");
			}
			if (providerRequiredForStaff && user instanceof SignedInUser person && person.role() != Role.DONOR) {
				throw new CredentialsExpiredException("this account signs in through the identity provider");
			}
		});
		return provider;
	}

}
