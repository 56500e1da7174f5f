/**
 * Who may do what: the security filter chain, sessions kept in PostgreSQL (ids stored hashed, values
 * encoded), sign-in and guess throttles, password hashing and one-time links, and the national identity
 * provider's OpenID Connect sign-in when it is configured ({@link az.asan.mektub.platform.security.OidcProvider}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security and sessions")
package az.asan.mektub.platform.security;
