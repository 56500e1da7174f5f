package az.asan.mektub.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	private final boolean providerRequiredForStaff;

	AccountUserDetailsService(Accounts accounts, az.asan.mektub.platform.settings.AsanProperties asan) {
		this.accounts = accounts;
		this.providerRequiredForStaff = asan.oidc().requiredForStaff();
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return accounts.findByEmail(email.trim())
			.filter(a -> a.getPasswordHash() != null)
			// a volunteer's or staff member's password is refused after it was checked (so the answer says
			// nothing of the role to someone who does not know it) when they must use the identity provider
			.map(a -> new SignedInUser(a, providerRequiredForStaff && a.getRole() != Role.DONOR))
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}

}
