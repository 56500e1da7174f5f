package az.asan.mektub.platform.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import az.asan.mektub.platform.settings.AsanProperties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity provider's registration is made when it is first asked for, never at start: unset, it
 * is off and asks nothing; set to a provider that does not answer, it says so (no exception, no
 * registration) and the app goes on.
 */
class OidcProviderUnitTest {

	@Test
	void unsetItIsOffAndHasNoRegistration() {
		OidcProvider provider = new OidcProvider(settings(Map.of()));
		assertThat(provider.enabled()).isFalse();
		assertThat(provider.requiredForStaff()).isFalse();
		assertThat(provider.available()).isFalse();
		assertThat(provider.findByRegistrationId(OidcProvider.REGISTRATION_ID)).isNull();
	}

	@Test
	void aProviderThatDoesNotAnswerIsUnavailableWithoutStoppingAnything() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		OidcProvider provider = new OidcProvider(settings(Map.of("asan.oidc.issuer-uri", "http://127.0.0.1:" + closed,
				"asan.oidc.client-id", "mektub", "asan.oidc.client-secret", "secret")));

		assertThat(provider.enabled()).isTrue();
		assertThat(provider.available()).isFalse();
		assertThat(provider.findByRegistrationId(OidcProvider.REGISTRATION_ID)).isNull();
		assertThat(provider.findByRegistrationId("another")).isNull();
	}

	private static AsanProperties settings(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("asan", AsanProperties.class);
	}

}
