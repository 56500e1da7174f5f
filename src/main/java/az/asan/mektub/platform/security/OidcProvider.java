package az.asan.mektub.platform.security;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import az.asan.mektub.platform.settings.AsanProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The national digital identity's OpenID Connect provider (ASAN Login / SİMA), as {@code asan.oidc.*}
 * names it, and the one client registration ({@value #REGISTRATION_ID}) this app has there.
 * <p>
 * Its configuration is read from {@code <issuer>/.well-known/openid-configuration} when the sign-in
 * is first asked for, never at start: a provider that is down when the app starts does not stop it,
 * and one that is down when someone presses its button is answered with the app's own page
 * ({@link #available()} false). What was read is kept on this node (it is the provider's public
 * description, the same on every node); a failure is kept a few seconds, so that a crowd pressing the
 * button while the provider is down does not become a crowd of requests to it.
 * <p>
 * The code is exchanged with PKCE (S256) although this client is confidential, and with state and
 * nonce, which Spring Security checks.
 */
@Component
public class OidcProvider implements ClientRegistrationRepository {

	public static final String REGISTRATION_ID = "asan";

	/** Where the sign-in begins (Spring Security's authorization request filter). */
	public static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

	private static final Logger log = LoggerFactory.getLogger(OidcProvider.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(3);

	private final AsanProperties.Oidc settings;

	private final String redirectUri;

	private final RestClient rest;

	private volatile ClientRegistration registration;

	private volatile Instant failedAt;

	public OidcProvider(AsanProperties asan) {
		this.settings = asan.oidc();
		String base = asan.baseUrl();
		// the address the provider sends the browser back to: the public one when it is known, never a
		// guess from a request's Host header then
		this.redirectUri = (base == null || base.isBlank() ? "{baseUrl}" : base.replaceAll("/+$", ""))
				+ "/login/oauth2/code/{registrationId}";
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
		requests.setReadTimeout(TIMEOUT);
		this.rest = RestClient.builder().requestFactory(requests).build();
	}

	/** Whether sign-in through the provider is offered (its issuer is set). */
	public boolean enabled() {
		return settings.enabled();
	}

	/** Whether volunteers, staff and administrators must sign in through the provider. */
	public boolean requiredForStaff() {
		return settings.requiredForStaff();
	}

	/** Whether the provider answers now (its configuration could be read, now or before). */
	public boolean available() {
		return registration() != null;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return REGISTRATION_ID.equals(registrationId) ? registration() : null;
	}

	private ClientRegistration registration() {
		ClientRegistration known = registration;
		if (known != null || !enabled()) {
			return known;
		}
		Instant failed = failedAt;
		if (failed != null && failed.plus(RETRY_AFTER).isAfter(Instant.now())) {
			return null;
		}
		synchronized (this) {
			if (registration == null) {
				try {
					registration = discover();
					failedAt = null;
				}
				catch (RuntimeException ex) {
					failedAt = Instant.now();
					log.warn("The OpenID Connect provider {} cannot be read: {}", settings.issuerUri(), ex.toString());
				}
			}
			return registration;
		}
	}

	private ClientRegistration discover() {
		String issuer = settings.issuerUri().strip().replaceAll("/+$", "");
		Map<String, Object> metadata = rest.get()
			.uri(issuer + "/.well-known/openid-configuration")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		if (metadata == null || !issuer.equals(String.valueOf(metadata.get("issuer")).replaceAll("/+$", ""))) {
			// OpenID Connect Discovery 1.0, 4.3: the issuer it names must be the one asked
			throw new IllegalStateException("the provider names another issuer: " + (metadata == null ? null : metadata.get("issuer")));
		}
		return ClientRegistrations.fromOidcConfiguration(metadata)
			.registrationId(REGISTRATION_ID)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.scope("openid", "profile", "email")
			.redirectUri(redirectUri)
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.build();
	}

}
