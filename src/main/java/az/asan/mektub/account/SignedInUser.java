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

	/** Whether this account's password no longer signs it in (it must use the identity provider). */
	private final boolean passwordRetired;

	SignedInUser(Account account) {
		this(account, false);
	}

	/** As the sign-in form checks a password: {@code passwordRetired} refuses the right one too. */
	SignedInUser(Account account, boolean passwordRetired) {
		this.id = account.getId();
		this.email = account.getEmail();
		this.fullName = account.getFullName();
		this.role = account.getRole();
		this.locked = account.isLocked();
		this.enabled = account.getPasswordHash() != null;
		this.passwordHash = account.getPasswordHash();
		this.passwordRetired = passwordRetired;
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
		this.passwordRetired = false;
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

	/** Checked by the sign-in form after the password: false refuses even the right one (see {@link #passwordRetired}). */
	@Override
	public boolean isCredentialsNonExpired() {
		return !passwordRetired;
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
