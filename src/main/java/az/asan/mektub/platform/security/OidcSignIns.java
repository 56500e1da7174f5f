package az.asan.mektub.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who a person the national identity provider vouches for is in this app: answered by the module
 * that owns the accounts. The filter chain ({@link SecurityConfiguration}) has already checked the
 * provider's answer (state, PKCE, the id token's signature, issuer, audience, expiry and nonce).
 */
public interface OidcSignIns {

	/**
	 * What to do with this person: sign them in as {@code signIn}, or (signIn null) send them to
	 * {@code page} without signing them in (to prove they own an account first, or to be told why not).
	 */
	record Outcome(Authentication signIn, String page) {

		public static Outcome signIn(Authentication authentication) {
			return new Outcome(authentication, null);
		}

		public static Outcome sendTo(String page) {
			return new Outcome(null, page);
		}

	}

	Outcome signedIn(OidcUser person, HttpServletRequest request);

}
