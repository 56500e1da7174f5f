package az.asan.mektub.journey;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * A real OpenID Connect provider in the test JVM, standing in for ASAN Login: Spring Authorization
 * Server in a small Spring context of its own (not the app's), on embedded Tomcat on a free port. It
 * knows one client (the app, confidential, which must use PKCE), signs people in with its own login
 * form, and puts their name and address in the id token. A test can make it misbehave: sign with a
 * key it does not publish, put a nonce of its own in the id token, or answer 503 (all of it, or its
 * token endpoint only).
 */
final class TestIdentityProvider implements AutoCloseable {

	static final String CLIENT_ID = "asan-mektub";

	static final String CLIENT_SECRET = "provider-test-secret";

	/** Someone the provider knows: username and password on its form, and the claims it vouches for. */
	record Person(String username, String password, String email, String givenName, String familyName) {
	}

	private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();

	/** Every path the provider was asked for, in order. */
	static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

	/** What the provider has been asked to authorise: each authorization request's query string. */
	static final List<String> AUTHORIZATION_REQUESTS = new CopyOnWriteArrayList<>();

	static volatile boolean down;

	static volatile boolean tokenEndpointDown;

	static volatile boolean signWithUnpublishedKey;

	static volatile boolean forgeNonce;

	/** The address is given with {@code email_verified: false}. */
	static volatile boolean emailUnverified;

	static volatile String redirectUri = "http://localhost/login/oauth2/code/asan";

	private final Tomcat tomcat;

	private final Path baseDir;

	private final int port;

	TestIdentityProvider() {
		try {
			this.port = freePort();
			this.baseDir = Files.createTempDirectory("asan-idp-");
			this.tomcat = new Tomcat();
			tomcat.setBaseDir(baseDir.toString());
			tomcat.setPort(port);
			tomcat.getConnector();
			Context context = tomcat.addContext("", baseDir.toString());
			AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
			spring.register(Provider.class);
			context.addServletContainerInitializer((classes, servletContext) -> {
				spring.setServletContext(servletContext);
				spring.refresh();
				FilterRegistration.Dynamic misbehaviour = servletContext.addFilter("misbehaviour", misbehaviour());
				misbehaviour.addMappingForUrlPatterns(null, false, "/*");
				FilterRegistration.Dynamic security = servletContext.addFilter("springSecurityFilterChain",
						new DelegatingFilterProxy("springSecurityFilterChain", spring));
				security.addMappingForUrlPatterns(null, true, "/*");
				servletContext.addServlet("nothing", new HttpServlet() {
					@Override
					protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
						response.sendError(404);
					}
				}).addMapping("/");
			}, Set.of());
			tomcat.start();
		}
		catch (IOException | LifecycleException ex) {
			throw new IllegalStateException("The test identity provider did not start", ex);
		}
	}

	String issuer() {
		return "http://localhost:" + port;
	}

	static void add(Person person) {
		PEOPLE.put(person.username(), person);
	}

	/** Behaves again (after a test made it misbehave). */
	static void behave() {
		down = false;
		tokenEndpointDown = false;
		signWithUnpublishedKey = false;
		forgeNonce = false;
		emailUnverified = false;
	}

	@Override
	public void close() {
		try {
			tomcat.stop();
			tomcat.destroy();
		}
		catch (LifecycleException ex) {
			System.err.println("The test identity provider did not stop: " + ex);
		}
		try (var paths = Files.walk(baseDir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("Could not remove " + baseDir + ": " + ex);
		}
	}

	private static Filter misbehaviour() {
		return (request, response, chain) -> {
			HttpServletRequest http = (HttpServletRequest) request;
			REQUESTS.add(http.getRequestURI());
			if (http.getRequestURI().equals("/oauth2/authorize") && http.getQueryString() != null) {
				AUTHORIZATION_REQUESTS.add(http.getQueryString());
			}
			if (down || (tokenEndpointDown && http.getRequestURI().equals("/oauth2/token"))) {
				((HttpServletResponse) response).sendError(503);
				return;
			}
			chain.doFilter(request, response);
		};
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The provider's beans. Not a {@code @Configuration}: the app's component scan would take it in, and
	 * the provider would run inside the app. Only {@link TestIdentityProvider}'s own context registers it.
	 */
	@EnableWebSecurity
	static class Provider {

		private static final KeyPair PUBLISHED = rsa();

		/** Another key under the same key id: what an impostor signing "as the provider" would use. */
		private static final KeyPair UNPUBLISHED = rsa();

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
				.oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain signIn(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
			return http.build();
		}

		/** A plain lookup (not a manager: the provider must not try to re-encode anyone's password). */
		@Bean
		UserDetailsService people() {
			return username -> {
				Person person = PEOPLE.get(username);
				if (person == null) {
					throw new UsernameNotFoundException(username);
				}
				return User.withUsername(person.username()).password("{noop}" + person.password()).roles("USER").build();
			};
		}

		@Bean
		RegisteredClientRepository clients() {
			return new RegisteredClientRepository() {

				@Override
				public void save(RegisteredClient registeredClient) {
					// the secret re-encoded after its first use: the test's client stays as it is
				}

				@Override
				public RegisteredClient findById(String id) {
					return "mektub".equals(id) ? app() : null;
				}

				@Override
				public RegisteredClient findByClientId(String clientId) {
					return CLIENT_ID.equals(clientId) ? app() : null;
				}

			};
		}

		/** The app: confidential, authorization code only, PKCE required, no consent page. */
		private static RegisteredClient app() {
			return RegisteredClient.withId("mektub")
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(redirectUri)
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE)
				.scope(OidcScopes.EMAIL)
				.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.build();
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}

		@Bean
		JWKSource<SecurityContext> jwkSource() {
			return new ImmutableJWKSet<>(new JWKSet(key(PUBLISHED)));
		}

		@Bean
		JwtEncoder jwtEncoder() {
			JwtEncoder published = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key(PUBLISHED))));
			JwtEncoder unpublished = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key(UNPUBLISHED))));
			return parameters -> (signWithUnpublishedKey ? unpublished : published).encode(parameters);
		}

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) PUBLISHED.getPublic()).build();
		}

		/** The person's name and address in the id token (the user info endpoint answers from it). */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> claims() {
			return context -> {
				if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					return;
				}
				Person person = PEOPLE.get(context.getPrincipal().getName());
				if (person != null) {
					context.getClaims()
						.claim("email", person.email())
						.claim("email_verified", !emailUnverified)
						.claim("given_name", person.givenName())
						.claim("family_name", person.familyName())
						.claim("name", person.givenName() + " " + person.familyName());
				}
				if (forgeNonce) {
					context.getClaims().claim("nonce", "a-nonce-this-browser-never-sent");
				}
			};
		}

		private static RSAKey key(KeyPair pair) {
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID("provider-key")
				.build();
		}

		private static KeyPair rsa() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				return generator.generateKeyPair();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
