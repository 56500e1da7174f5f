package az.asan.mektub.account;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import az.asan.mektub.notification.Mailer;
import az.asan.mektub.platform.web.Links;
import az.asan.mektub.platform.security.LoginThrottle;
import az.asan.mektub.platform.security.Sessions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: opening a donor account and confirming its address, profile and password, resetting a
 * forgotten password, deleting an account, and answering who may see which region.
 */
@Service
public class AccountManagement {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final AccountTokens tokens;

	private final Mailer mailer;

	private final Links links;

	private final ApplicationEventPublisher events;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final AccountIdentities identities;

	AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder, AccountTokens tokens, Mailer mailer,
			Links links, ApplicationEventPublisher events, Sessions sessions, LoginThrottle throttle, JdbcClient jdbc,
			AuditLog auditLog, AccountIdentities identities) {
		this.identities = identities;
		this.auditLog = auditLog;
		this.sessions = sessions;
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.tokens = tokens;
		this.mailer = mailer;
		this.links = links;
		this.events = events;
	}

	/** Thrown when an address already has an account; the form says so beside the field. */
	static final String RESET_LINK = "/password/reset?token=";

	static final int RESET_MAILS_PER_PERIOD = 3;

	static final java.time.Duration RESET_MAILS_PERIOD = java.time.Duration.ofHours(1);

	public static class EmailTakenException extends RuntimeException {

		EmailTakenException() {
			super("email taken");
		}

	}

	/** How to reach a person, for mail sent on their behalf by other modules. */
	public record Contact(long id, String email, String fullName, String language, boolean reachable) {
	}

	/** What decides whether a donor may adopt now, and how many letters at once. */
	public record Standing(boolean donor, boolean emailConfirmed, boolean locked, boolean organisation,
			Integer adoptionLimit, boolean awaitingConfirmation) {

		public boolean mayAdopt() {
			return donor && emailConfirmed && !locked;
		}

	}

	@Transactional(readOnly = true)
	public boolean emailTaken(String email) {
		return accounts.existsByEmail(email.trim());
	}

	/**
	 * Opens a donor account and mails the link that confirms the address. When the address already
	 * has an account nothing is opened and its owner is told by mail instead: the page answers the
	 * same either way (and takes as long), so registering does not reveal who has an account.
	 */
	@Transactional
	public void registerDonor(RegistrationForm form, Locale locale) {
		String encoded = passwordEncoder.encode(form.password());
		Optional<Account> existing = accounts.findByEmail(form.email().trim());
		if (existing.isPresent()) {
			tellOwner(existing.get());
			return;
		}
		Account donor = new Account(form.email(), encoded, form.fullName(), Role.DONOR);
		if (form.phone() != null && !form.phone().isBlank()) {
			donor.setPhone(form.phone().trim());
		}
		donor.speaks(language(locale));
		try {
			accounts.saveAndFlush(donor);
		}
		catch (DataIntegrityViolationException ex) {
			throw new EmailTakenException();
		}
		sendConfirmation(donor);
	}

	/**
	 * Opens an organisation's account (its name where a donor's name shows, its contact person signing
	 * in for it) and mails the link that confirms the address, as {@link #registerDonor} does, with the
	 * same answer when the address already has an account. Staff then confirm the organisation.
	 */
	@Transactional
	public void registerOrganisation(OrganisationRegistrationForm form, Locale locale) {
		String encoded = passwordEncoder.encode(form.password());
		Optional<Account> existing = accounts.findByEmail(form.email().trim());
		if (existing.isPresent()) {
			tellOwner(existing.get());
			return;
		}
		Account organisation = Account.organisation(form.email(), encoded, form.organisationName(), form.voen(),
				form.contactName());
		organisation.speaks(language(locale));
		try {
			accounts.saveAndFlush(organisation);
		}
		catch (DataIntegrityViolationException ex) {
			throw new EmailTakenException();
		}
		sendConfirmation(organisation);
	}

	/**
	 * Mails the owner of an address that someone tried to register again, at most a few times an hour
	 * (as the reset form): anyone can type any address into the registration forms.
	 */
	private void tellOwner(Account owner) {
		if (mailer.queuedWithin(owner.getEmail(), "registerExisting", RESET_MAILS_PERIOD) >= RESET_MAILS_PER_PERIOD) {
			return;
		}
		mailer.queue(owner.getEmail(), owner.getLanguage(), "registerExisting", owner.getFullName(),
				links.absolute("/login"), links.absolute("/password/forgot"));
	}

	/** Mails a new confirmation link, at most a few an hour (counting the one sent on registering). */
	@Transactional
	public void resendConfirmation(long userId) {
		accounts.findById(userId)
			.filter(a -> a.getEmailConfirmedAt() == null)
			.filter(a -> tokens.issuedWithin(a.getId(), AccountTokens.Purpose.CONFIRM_EMAIL,
					RESET_MAILS_PERIOD) < RESET_MAILS_PER_PERIOD)
			.ifPresent(this::sendConfirmation);
	}

	private void sendConfirmation(Account account) {
		String token = tokens.issue(account.getId(), AccountTokens.Purpose.CONFIRM_EMAIL);
		// an organisation's mail greets the person who registered it
		mailer.queue(account.getEmail(), account.getLanguage(), "confirm",
				account.getContactName() != null ? account.getContactName() : account.getFullName(),
				links.absolute("/account/confirm?token=" + token));
	}

	/** What confirming an address came to. */
	public enum Confirmation {
		/** The address is confirmed and the person may adopt. */
		CONFIRMED,
		/** The address is confirmed; the organisation still waits for staff to confirm it. */
		AWAITING_REVIEW,
		/** An unknown, used or expired link: nothing changed. */
		BAD_LINK
	}

	/** Confirms the address the token was sent to; false for an unknown, used or expired link. */
	@Transactional
	public boolean confirmEmail(String token) {
		return confirm(token) != Confirmation.BAD_LINK;
	}

	/** Confirms the address the token was sent to, and says whether the account may adopt now. */
	@Transactional
	public Confirmation confirm(String token) {
		return tokens.redeem(token, AccountTokens.Purpose.CONFIRM_EMAIL)
			.flatMap(accounts::findById)
			.map(account -> {
				account.confirmEmail();
				mailer.forget(account.getEmail(), tokens.reference(token));
				return account.isAwaitingConfirmation() ? Confirmation.AWAITING_REVIEW : Confirmation.CONFIRMED;
			})
			.orElse(Confirmation.BAD_LINK);
	}

	/**
	 * Mails a reset link if the address has an account that can sign in. The answer is the same
	 * either way, so the form does not tell who has an account.
	 */
	@Transactional
	public void requestPasswordReset(String email, Locale locale) {
		accounts.findByEmail(email == null ? "" : Emails.normalize(email))
			.filter(a -> a.getAnonymisedAt() == null && !a.isLocked())
			// at most a few mails an hour, so that no one can fill a person's mailbox from this form
			.filter(a -> tokens.issuedWithin(a.getId(), AccountTokens.Purpose.RESET_PASSWORD,
					RESET_MAILS_PERIOD) < RESET_MAILS_PER_PERIOD)
			.ifPresent(account -> {
				String token = tokens.issue(account.getId(), AccountTokens.Purpose.RESET_PASSWORD);
				// the earlier links stopped working: their text goes from the stored mails
				mailer.forgetLinks(account.getEmail(), RESET_LINK);
				mailer.queue(account.getEmail(), account.getLanguage(), "passwordReset", account.getFullName(),
						links.absolute(RESET_LINK + token));
			});
	}

	/** What is wrong with a new password for this person (a message key), if anything; see {@link Passwords}. */
	@Transactional(readOnly = true)
	public Optional<String> passwordProblem(long userId, String password) {
		return accounts.findById(userId).flatMap(a -> Passwords.problem(password, a.getEmail(), a.getFullName()));
	}

	/** The same for the person a reset or invitation link was sent to. */
	@Transactional(readOnly = true)
	public Optional<String> passwordProblem(String token, String password) {
		Optional<Long> owner = tokens.owner(token, AccountTokens.Purpose.RESET_PASSWORD, AccountTokens.Purpose.INVITE);
		return owner.isPresent() ? passwordProblem(owner.get(), password) : Passwords.problem(password, null, null);
	}

	@Transactional(readOnly = true)
	public boolean resetTokenValid(String token) {
		return tokens.valid(token, AccountTokens.Purpose.RESET_PASSWORD, AccountTokens.Purpose.INVITE);
	}

	/** Sets a new password through a reset link; a good link also proves the address. */
	@Transactional
	public boolean resetPassword(String token, String newPassword) {
		return tokens.redeem(token, AccountTokens.Purpose.RESET_PASSWORD, AccountTokens.Purpose.INVITE)
			.flatMap(accounts::findById)
			.map(account -> {
				account.changePasswordHash(passwordEncoder.encode(newPassword));
				account.confirmEmail();
				mailer.forget(account.getEmail(), tokens.reference(token));
				mailer.forgetLinks(account.getEmail(), RESET_LINK);
				// Whoever knew the old password is signed out everywhere; the owner, who proved their
				// address, is no longer slowed down by anyone's failed guesses.
				sessions.endAll(account.getEmail());
				throttle.forgive(account.getEmail());
				// and whoever linked their national identity to it (with the old password, say) links
				// again, with proof
				if (identities.forget(account.getId()) > 0) {
					auditLog.record(account.getId(), AuditLog.Kind.PERSON, "IDENTITY_UNLINKED", account.getId(),
							"password reset");
				}
				return true;
			})
			.orElse(false);
	}

	/**
	 * False when the current password is wrong; nothing changes then. Every other session of the
	 * person ends: the one they changed it in ({@code keptSessionId}) stays.
	 */
	@Transactional
	public boolean changePassword(long userId, String currentPassword, String newPassword, String keptSessionId) {
		Account account = accounts.findById(userId).orElseThrow();
		if (account.getPasswordHash() == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			return false;
		}
		account.changePasswordHash(passwordEncoder.encode(newPassword));
		sessions.endAllBut(account.getEmail(), keptSessionId);
		return true;
	}

	@Transactional
	public boolean updateProfile(long userId, ProfileForm form) {
		Account account = accounts.findById(userId).orElseThrow();
		String before = account.getFullName();
		boolean wasConfirmed = account.getOrganisationReview() == OrganisationReview.CONFIRMED;
		account.updateProfile(form.fullName(), form.phone(), form.language());
		if (!account.isOrganisation() || before.equals(account.getFullName())) {
			return false;
		}
		// An organisation's name is what staff confirmed (and what donors and children's carers read):
		// a new one is checked again, and the change is in the audit log.
		account.renamedOrganisation();
		auditLog.record(userId, AuditLog.Kind.PERSON, "ORGANISATION_RENAMED", userId, before + " → " + account.getFullName(),
				before, account.getVoen() == null ? "—" : account.getVoen());
		return wasConfirmed;
	}

	/**
	 * Deletes a donor's account: their holds go back to the tree, their unsent mails are deleted, then
	 * the account forgets who they were. Letters they helped keep their history (as an anonymous donor). False when the password
	 * is wrong.
	 */
	@Transactional
	public boolean deleteDonor(long userId, String password) {
		return deleteDonor(userId, password, null);
	}

	/**
	 * Deletes a donor's account when they confirm it: with their password, or — an account opened through
	 * the national identity, which has none — by typing their e-mail address (their session already
	 * proves who they are; the address proves they mean it).
	 */
	@Transactional
	public boolean deleteDonor(long userId, String password, String typedEmail) {
		Account account = accounts.findById(userId).orElseThrow();
		boolean confirmed = account.getPasswordHash() == null
				? typedEmail != null && typedEmail.strip().equalsIgnoreCase(account.getEmail())
				: passwordEncoder.matches(password == null ? "" : password, account.getPasswordHash());
		if (account.getRole() != Role.DONOR || !confirmed) {
			return false;
		}
		events.publishEvent(new DonorLeaving(userId));
		sessions.endAll(account.getEmail());
		// after the holds went back (their mails too): nothing addressed to them stays in the outbox
		mailer.purgeUnsent(account.getEmail());
		// nor can the national identity sign into it any more
		identities.forget(userId);
		account.anonymise();
		return true;
	}

	/** Whether the national identity signs into this account. */
	@Transactional(readOnly = true)
	public boolean identityLinked(long userId) {
		return identities.linked(userId);
	}

	/** The person's national identity no longer signs into their account (false when none did). */
	@Transactional
	public boolean unlinkIdentity(long userId) {
		if (identities.forget(userId) == 0) {
			return false;
		}
		auditLog.record(userId, AuditLog.Kind.PERSON, "IDENTITY_UNLINKED", userId, "by the person");
		return true;
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
	 * The regions whose letters this person may see and change. Read per request: an assignment
	 * changed by staff applies at once.
	 */
	public RegionScope regionScope(SignedInUser user) {
		if (user.role().seesAllRegions()) {
			return RegionScope.all();
		}
		// Read once per session and kept in it: changing a person's regions (or role) ends their sessions
		// (AccountAdministration), so what a session keeps is never older than the session itself. It was
		// one statement on every request of every volunteer page (issue 17). Keyed by the person, in case
		// a session passes from one person to another at sign-in.
		String key = "asan.regions@" + user.id();
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		// kept as text: Spring writes a mutable session value back after every request that read it
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_SESSION) instanceof String kept) {
			return RegionScope.of(kept.isEmpty() ? Set.of()
					: java.util.Arrays.stream(kept.split(",")).map(Integer::valueOf).collect(java.util.stream.Collectors.toSet()));
		}
		List<Integer> ids = jdbc.sql("SELECT region_id FROM volunteer_region WHERE user_id = ?")
			.param(user.id())
			.query(Integer.class)
			.list();
		if (request != null) {
			request.setAttribute(key, ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")),
					RequestAttributes.SCOPE_SESSION);
		}
		return RegionScope.of(Set.copyOf(ids));
	}

	@Transactional(readOnly = true)
	public Optional<Contact> contact(Long id) {
		if (id == null) {
			return Optional.empty();
		}
		return accounts.findById(id)
			.map(a -> new Contact(a.getId(), a.getEmail(), a.getFullName(), a.getLanguage(),
					a.getAnonymisedAt() == null && (a.getPasswordHash() != null || identities.linked(a.getId()))));
	}

	@Transactional(readOnly = true)
	public Standing standing(long id) {
		return accounts.findById(id)
			.map(a -> new Standing(a.getRole() == Role.DONOR, a.getEmailConfirmedAt() != null, a.isLocked(),
					a.isOrganisation(), a.getAdoptionLimit(), a.isAwaitingConfirmation()))
			.orElse(new Standing(false, false, true, false, null, false));
	}

	/** What adopting needs of a donor: whether they may, and where the confirmation goes. */
	public record Adopter(Standing standing, Optional<Contact> contact) {
	}

	/**
	 * The same as {@link #standing} and {@link #contact} together, in one narrow query that neither
	 * loads the account through Hibernate nor locks its row: a press of "adopt" reads it once.
	 */
	@Transactional(readOnly = true)
	public Adopter adopter(long id) {
		return jdbc.sql("""
				SELECT role, email_confirmed_at IS NOT NULL, locked, organisation, adoption_limit,
				       organisation_review, email, full_name, language,
				       anonymised_at IS NULL AND (password_hash IS NOT NULL
				           OR EXISTS (SELECT 1 FROM account_identity i WHERE i.user_id = app_user.id))
				FROM app_user WHERE id = ?""")
			.param(id)
			.query((rs, row) -> {
				String review = rs.getString(6);
				boolean awaiting = review != null && OrganisationReview.valueOf(review).awaitsConfirmation();
				Integer limit = rs.getObject(5) == null ? null : rs.getInt(5);
				Standing standing = new Standing(Role.DONOR.name().equals(rs.getString(1)), rs.getBoolean(2),
						rs.getBoolean(3), rs.getBoolean(4), limit, awaiting);
				return new Adopter(standing,
						Optional.of(new Contact(id, rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10))));
			})
			.optional()
			.orElse(new Adopter(new Standing(false, false, true, false, null, false), Optional.empty()));
	}

	/** What a person sees of their own account; read whole, so no page touches a lazy collection. */
	public record Profile(long id, String fullName, String email, String phone, Role role, Set<Integer> regionIds,
			boolean emailConfirmed, boolean organisation, Integer adoptionLimit, String language, String contactName,
			String voen, OrganisationReview organisationReview, boolean hasPassword) {
	}

	@Transactional(readOnly = true)
	public Optional<Profile> profile(long id) {
		return accounts.findById(id)
			.map(a -> new Profile(a.getId(), a.getFullName(), a.getEmail(), a.getPhone(), a.getRole(),
					Set.copyOf(a.getRegionIds()), a.getEmailConfirmedAt() != null, a.isOrganisation(),
					a.getAdoptionLimit(), a.getLanguage(), a.getContactName(), a.getVoen(), a.getOrganisationReview(),
					a.getPasswordHash() != null));
	}

	private static String language(Locale locale) {
		String language = locale == null ? "az" : locale.getLanguage();
		return Set.of("az", "en", "ru").contains(language) ? language : "az";
	}

}
