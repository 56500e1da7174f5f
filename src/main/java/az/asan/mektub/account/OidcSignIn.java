package az.asan.mektub.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import az.asan.mektub.notification.Mailer;
import az.asan.mektub.platform.security.LoginThrottle;
import az.asan.mektub.platform.security.OidcSignIns;
import az.asan.mektub.platform.security.Sessions;
import az.asan.mektub.platform.web.Links;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Who a person signed in by the national identity provider (ASAN Login / SİMA) is here.
 * <ul>
 * <li>Linked before (the provider's issuer and subject): that account.</li>
 * <li>New, with an address no account has: a donor account in the name the provider gives, ready to
 * adopt at once (the national identity is a stronger check than a confirmed address).</li>
 * <li>New, with an address an account has: never signed in as that account on the provider's word.
 * The person is sent to a page where they prove the account is theirs, with its password or a link
 * mailed to it; only then is the link kept and are they signed in.</li>
 * </ul>
 * What waits for the proof lives in the session (in PostgreSQL, so any node continues it) for
 * {@link #PENDING_FOR}, and the mailed link works only in that same session.
 */
@Component
class OidcSignIn implements OidcSignIns {

	static final String LINK_PAGE = "/login/oidc/link";

	static final String CONFIRM_LINK = LINK_PAGE + "/confirm?token=";

	static final Duration PENDING_FOR = Duration.ofMinutes(30);

	private static final String PENDING = "asan.oidc.pending";

	/** The SHA-256 of the links this session had mailed for its proof (the last few, space-separated). */
	private static final String MAILED = "asan.oidc.mailed";

	private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

	private final Accounts accounts;

	private final AccountIdentities identities;

	private final PasswordEncoder passwords;

	private final AccountTokens tokens;

	private final Mailer mailer;

	private final Links links;

	private final LoginThrottle throttle;

	private final Sessions sessions;

	private final AuditLog auditLog;

	OidcSignIn(Accounts accounts, AccountIdentities identities, PasswordEncoder passwords, AccountTokens tokens,
			Mailer mailer, Links links, LoginThrottle throttle, Sessions sessions, AuditLog auditLog) {
		this.sessions = sessions;
		this.auditLog = auditLog;
		this.accounts = accounts;
		this.identities = identities;
		this.passwords = passwords;
		this.tokens = tokens;
		this.mailer = mailer;
		this.links = links;
		this.throttle = throttle;
	}

	/** A person the provider vouched for who must still prove they own the account of their address. */
	record Pending(String issuer, String subject, long accountId, String providerName, Instant since)
			implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		boolean expired() {
			return since.plus(PENDING_FOR).isBefore(Instant.now());
		}

	}

	@Override
	@Transactional
	public Outcome signedIn(OidcUser person, HttpServletRequest request) {
		String issuer = person.getIssuer().toString();
		String subject = person.getSubject();
		Optional<Long> linked = identities.account(issuer, subject);
		if (linked.isPresent()) {
			return accounts.findById(linked.get())
				.filter(a -> a.getAnonymisedAt() == null)
				.map(a -> a.isLocked() ? Outcome.sendTo("/login?oidc=locked") : Outcome.signIn(authentication(a, request)))
				.orElse(Outcome.sendTo("/login?oidc=refused"));
		}
		String email = Emails.normalize(person.getEmail());
		if (email == null || email.isEmpty() || email.length() > 254 || !email.matches(Emails.PRINTABLE_ASCII)
				|| !email.contains("@")) {
			return Outcome.sendTo("/login?oidc=noEmail");
		}
		if (!Boolean.TRUE.equals(person.getEmailVerified())) {
			// an address the provider does not vouch for opens no account and is linked to none
			return Outcome.sendTo("/login?oidc=unverified");
		}
		String name = nameOf(person, email);
		Optional<Account> existing = accounts.findByEmail(email);
		if (existing.isPresent()) {
			Account account = existing.get();
			if (account.getAnonymisedAt() != null) {
				return Outcome.sendTo("/login?oidc=refused");
			}
			request.getSession().setAttribute(PENDING, new Pending(issuer, subject, account.getId(), name, Instant.now()));
			// links mailed for an earlier proof in this browser prove nothing for this one
			request.getSession().removeAttribute(MAILED);
			return Outcome.sendTo(LINK_PAGE);
		}
		Account donor = new Account(email, null, name, Role.DONOR);
		donor.speaks(language(request));
		// the provider identified the person: no mailed confirmation is needed to adopt
		donor.confirmEmail();
		try {
			accounts.saveAndFlush(donor);
		}
		catch (DataIntegrityViolationException ex) {
			// the same address registered at this very moment: the next sign-in asks for the proof
			return Outcome.sendTo("/login?oidc=refused");
		}
		identities.link(issuer, subject, donor.getId());
		log.info("Donor account {} opened through the identity provider", donor.getId());
		return Outcome.signIn(authentication(donor, request));
	}

	/** The name the provider gives: its full name, else given and family name, else the address. */
	static String nameOf(OidcUser person, String email) {
		String name = printable(person.getFullName() == null ? "" : person.getFullName());
		if (name.isEmpty()) {
			name = printable((person.getGivenName() == null ? "" : person.getGivenName()) + " "
					+ (person.getFamilyName() == null ? "" : person.getFamilyName()));
		}
		if (name.isEmpty()) {
			name = email.substring(0, email.indexOf('@'));
		}
		// at most 200 characters, never half of a pair
		return name.codePointCount(0, name.length()) > 200 ? name.substring(0, name.offsetByCodePoints(0, 200)).strip() : name;
	}

	/**
	 * A name as {@link PrintableName} accepts a typed one: line breaks, tabs and other controls become
	 * spaces, and what steers or hides text (U+202E and the other bidi controls, zero-width characters,
	 * private-use, unassigned and lone surrogate code points) goes; spaces are collapsed.
	 */
	static String printable(String name) {
		String spaced = name.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", " ").replaceAll("[\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}]", "");
		return spaced.replaceAll("\\s+", " ").strip();
	}

	/** The proof that waits in this session, if any and still fresh. */
	Optional<Pending> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
			return Optional.empty();
		}
		if (pending.expired()) {
			session.removeAttribute(PENDING);
			return Optional.empty();
		}
		return Optional.of(pending);
	}

	/** The address of the account waiting to be linked, to name it on the page. */
	@Transactional(readOnly = true)
	String emailOf(Pending pending) {
		return accounts.findById(pending.accountId()).map(Account::getEmail).orElse("");
	}

	/** What a proof came to. */
	enum Proof {
		LINKED, WRONG, WAIT,
		/** The account's address was never confirmed: its password may be a squatter's; only the mailed link proves it. */
		UNCONFIRMED
	}

	/**
	 * The account's password proves it: the link is kept. Guesses count against the account as at the
	 * sign-in form (a volunteer who must use the provider proves it this way too: the provider has
	 * already identified them).
	 */
	@Transactional
	Proof proveWithPassword(Pending pending, String password, String address) {
		Account account = accounts.findById(pending.accountId()).orElse(null);
		if (account == null || account.getAnonymisedAt() != null) {
			return Proof.WRONG;
		}
		if (account.getEmailConfirmedAt() == null) {
			return Proof.UNCONFIRMED;
		}
		if (!throttle.check(account.getEmail(), address).allowed()) {
			return Proof.WAIT;
		}
		if (account.getPasswordHash() == null
				|| !passwords.matches(password == null ? "" : password, account.getPasswordHash())) {
			throttle.failed(account.getEmail(), address);
			return Proof.WRONG;
		}
		throttle.succeeded(account.getEmail(), address);
		link(pending, account);
		return Proof.LINKED;
	}

	/** Mails the account a link that proves it (at most a few an hour); false when none was sent. */
	@Transactional
	boolean mailProof(Pending pending, HttpServletRequest request) {
		Account account = accounts.findById(pending.accountId()).orElse(null);
		if (account == null || account.getAnonymisedAt() != null || tokens.issuedWithin(account.getId(),
				AccountTokens.Purpose.LINK_IDENTITY, AccountManagement.RESET_MAILS_PERIOD) >= AccountManagement.RESET_MAILS_PER_PERIOD) {
			return false;
		}
		String reference = tokens.issue(account.getId(), AccountTokens.Purpose.LINK_IDENTITY);
		// the link works only in the session that asked for it: it keeps the link's hash
		HttpSession session = request.getSession();
		String before = session.getAttribute(MAILED) instanceof String mailed ? mailed : "";
		java.util.List<String> hashes = new java.util.ArrayList<>(java.util.Arrays.asList(before.split(" ")));
		hashes.removeIf(String::isBlank);
		hashes.add(tokens.hashOfReference(reference));
		session.setAttribute(MAILED, String.join(" ", hashes.subList(Math.max(0, hashes.size() - AccountManagement.RESET_MAILS_PER_PERIOD), hashes.size())));
		mailer.queue(account.getEmail(), account.getLanguage(), "oidcLink", account.getFullName(), pending.providerName(),
				links.absolute(CONFIRM_LINK + reference));
		return true;
	}

	/**
	 * The mailed link proves the account, in the session that asked for it only: a link forwarded to or
	 * opened by the account's owner elsewhere links nothing (someone else's identity with a look-alike
	 * claim to the address cannot have the owner click it into their account).
	 */
	@Transactional
	boolean proveWithLink(Pending pending, String token, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (token == null || token.isEmpty() || session == null || !(session.getAttribute(MAILED) instanceof String mailed)
				|| !java.util.Arrays.asList(mailed.split(" ")).contains(AccountTokens.hash(token))) {
			// a link this session did not ask for: another browser's, or another impostor's
			return false;
		}
		if (!tokens.owner(token, AccountTokens.Purpose.LINK_IDENTITY).filter(id -> id == pending.accountId()).isPresent()
				|| tokens.redeem(token, AccountTokens.Purpose.LINK_IDENTITY).isEmpty()) {
			return false;
		}
		Account account = accounts.findById(pending.accountId()).orElseThrow();
		mailer.forget(account.getEmail(), tokens.reference(token));
		if (account.getEmailConfirmedAt() == null) {
			// Whoever opened this account never proved the address; its owner just did. A password set by
			// someone else (a squatter who registered the address) no longer signs in, and whoever is
			// signed in with it is signed out; the owner can set one through "forgot password".
			account.confirmEmail();
			account.changePasswordHash(null);
			sessions.endAll(account.getEmail());
			log.info("Account {} confirmed by the identity provider's mailed proof; its password was removed", account.getId());
		}
		link(pending, account);
		return true;
	}

	/**
	 * Keeps the link, tells the account's address (in its language: who linked it, and how to undo it)
	 * and writes it in the audit log. A link kept already (a second tab) is not told again.
	 */
	private void link(Pending pending, Account account) {
		if (!identities.link(pending.issuer(), pending.subject(), account.getId())) {
			return;
		}
		mailer.queue(account.getEmail(), account.getLanguage(), "oidcLinked", account.getFullName(), pending.providerName(),
				links.absolute("/me"), links.absolute("/password/forgot"));
		auditLog.record(account.getId(), AuditLog.Kind.PERSON, "IDENTITY_LINKED", account.getId(), pending.issuer());
	}

	/**
	 * Signs in the account the proof was for, in a new session id (as any sign-in), and forgets the
	 * proof. Answers the role's home page.
	 */
	@Transactional(readOnly = true)
	String signInLinked(Pending pending, HttpServletRequest request, HttpServletResponse response) {
		Account account = accounts.findById(pending.accountId()).orElseThrow();
		request.getSession().removeAttribute(PENDING);
		if (account.isLocked()) {
			return "/login?oidc=locked";
		}
		request.changeSessionId();
		// a new CSRF token with the new sign-in, as Spring Security's own sign-in does
		new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication(account, request));
		SecurityContextHolder.setContext(context);
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
		return switch (account.getRole()) {
			case ADMIN, STAFF -> "/reports";
			case VOLUNTEER -> "/volunteer";
			case DONOR -> "/";
		};
	}

	/** The same kind of sign-in a password gives: one principal for every page, one session codec. */
	private static Authentication authentication(Account account, HttpServletRequest request) {
		SignedInUser user = SignedInUser.throughProvider(account);
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		token.setDetails(new WebAuthenticationDetails(request));
		return token;
	}

	private static String language(HttpServletRequest request) {
		Locale locale;
		try {
			locale = RequestContextUtils.getLocale(request);
		}
		catch (RuntimeException ex) {
			locale = null;
		}
		String language = locale == null ? "az" : locale.getLanguage();
		return java.util.Set.of("az", "en", "ru").contains(language) ? language : "az";
	}

}
