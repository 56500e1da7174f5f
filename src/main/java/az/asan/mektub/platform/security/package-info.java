/**
 * Who may do what: the security filter chain, sessions kept in PostgreSQL (ids stored hashed, values
 * encoded), sign-in and guess throttles, password hashing and one-time links.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security and sessions")
package az.asan.mektub.platform.security;
