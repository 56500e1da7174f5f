package az.asan.mektub.account;

import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening accounts and answering who may see which region. */
@Service
public class AccountManagement {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	/** Thrown when an address already has an account; the form says so beside the field. */
	public static class EmailTakenException extends RuntimeException {

		EmailTakenException() {
			super("email taken");
		}

	}

	@Transactional(readOnly = true)
	public boolean emailTaken(String email) {
		return accounts.existsByEmail(email.trim());
	}

	@Transactional
	public Account registerDonor(RegistrationForm form) {
		if (accounts.existsByEmail(form.email().trim())) {
			throw new EmailTakenException();
		}
		Account donor = new Account(form.email(), passwordEncoder.encode(form.password()), form.fullName(), Role.DONOR);
		if (form.phone() != null && !form.phone().isBlank()) {
			donor.setPhone(form.phone().trim());
		}
		try {
			return accounts.saveAndFlush(donor);
		}
		catch (DataIntegrityViolationException ex) {
			throw new EmailTakenException();
		}
	}

	@Transactional
	public Account create(String email, String rawPassword, String fullName, Role role, Set<Integer> regionIds) {
		Account account = new Account(email, rawPassword == null ? null : passwordEncoder.encode(rawPassword),
				fullName, role);
		account.assignRegions(regionIds);
		account.confirmEmail();
		return accounts.save(account);
	}

	/**
	 * The regions whose letters this person may see and change; empty means all regions (staff and
	 * administrators). Read per request: an assignment changed by staff applies at once.
	 */
	@Transactional(readOnly = true)
	public RegionScope regionScope(SignedInUser user) {
		if (user.role().seesAllRegions()) {
			return RegionScope.all();
		}
		return RegionScope.of(accounts.findById(user.id()).map(a -> Set.copyOf(a.getRegionIds())).orElse(Set.of()));
	}

	/** What a person sees of their own account; read whole, so no page touches a lazy collection. */
	public record Profile(long id, String fullName, String email, Role role, Set<Integer> regionIds) {
	}

	@Transactional(readOnly = true)
	public Optional<Profile> profile(long id) {
		return accounts.findById(id)
			.map(a -> new Profile(a.getId(), a.getFullName(), a.getEmail(), a.getRole(), Set.copyOf(a.getRegionIds())));
	}

}
