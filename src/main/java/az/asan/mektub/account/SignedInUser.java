package az.asan.mektub.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import az.asan.mektub.platform.web.Viewer;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a request. It lives in the session, which lives in PostgreSQL, so it is small
 * and serializable; region assignments are read per request because staff may change them.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Viewer.Named {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private final String fullName;

	private final Role role;

	private final boolean locked;

	private final boolean enabled;

	private String passwordHash;

	SignedInUser(Account account) {
		this.id = account.getId();
		this.email = account.getEmail();
		this.fullName = account.getFullName();
		this.role = account.getRole();
		this.locked = account.isLocked();
		this.enabled = account.getPasswordHash() != null;
		this.passwordHash = account.getPasswordHash();
	}

	/**
	 * Signed in through the national identity provider: no password, and an account opened that way may
	 * have none at all.
	 */
	static SignedInUser throughProvider(Account account) {
		return new SignedInUser(account.getId(), account.getEmail(), account.getFullName(), account.getRole(),
				account.isLocked(), account.getAnonymisedAt() == null);
	}

	/** As read back from a session (see {@link SignedInSessionCodec}); the password hash is never kept there. */
	SignedInUser(long id, String email, String fullName, Role role, boolean locked, boolean enabled) {
		this.id = id;
		this.email = email;
		this.fullName = fullName;
		this.role = role;
		this.locked = locked;
		this.enabled = enabled;
	}

	/** The same person under a new name, as their session should show them after they changed it. */
	SignedInUser renamed(String newName) {
		return new SignedInUser(id, email, newName, role, locked, enabled);
	}

	boolean locked() {
		return locked;
	}

	public long id() {
		return id;
	}

	public String fullName() {
		return fullName;
	}

	public Role role() {
		return role;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
