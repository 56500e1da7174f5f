package az.asan.mektub.account;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import az.asan.mektub.notification.Mailer;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.web.Links;
import az.asan.mektub.platform.web.NotFound;
import az.asan.mektub.platform.security.Sessions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with people: open volunteer accounts, assign regions, lock and unlock, flag a donor
 * as an organisation with its own limit; administrators also grant and take back staff roles. Every
 * change is written to the audit log with who made it, and a change to what someone may do (lock,
 * role, regions) ends their open sessions on every node, so it applies at once. Staff act on donors and volunteers only, and
 * nobody changes their own role or lock.
 */
@Service
public class AccountAdministration {

	public record Person(long id, String fullName, String email, String phone, Role role, boolean locked,
			boolean organisation, Integer adoptionLimit, boolean emailConfirmed, boolean anonymised, Instant createdAt,
			Set<Integer> regionIds) {
	}

	public record Page(List<Person> people, long total) {
	}

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final Mailer mailer;

	private final Links links;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Sessions sessions;

	private final org.springframework.context.ApplicationEventPublisher events;

	AccountAdministration(Accounts accounts, AccountTokens tokens, Mailer mailer, Links links, Regions regions,
			JdbcClient jdbc, AuditLog auditLog, Sessions sessions,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.auditLog = auditLog;
		this.sessions = sessions;
		this.accounts = accounts;
		this.tokens = tokens;
		this.mailer = mailer;
		this.links = links;
		this.regions = regions;
		this.jdbc = jdbc;
	}

	/**
	 * Names in the Azerbaijani order, a number at the end by its value: Donor 1, Donor 2, Donor 10
	 * (not Donor 1, Donor 10, Donor 2).
	 */
	static final String NATURAL_NAME_ORDER = """
			regexp_replace(full_name, '[0-9]+$', '') COLLATE "az-x-icu",
			CAST(substring(full_name FROM '([0-9]{1,18})$') AS bigint) NULLS FIRST, full_name COLLATE "az-x-icu", id""";

	@Transactional(readOnly = true)
	public Page search(Role role, String q, int page, int pageSize) {
		String query = q == null ? "" : q.strip();
		String where = """
				WHERE anonymised_at IS NULL AND (CAST(:role AS varchar) IS NULL OR role = CAST(:role AS varchar))
				  AND (:q = '' OR az_fold(full_name) LIKE '%' || az_fold(:qLike) || '%' OR lower(email) LIKE '%' || lower(:qLike) || '%')""";
		long total = jdbc.sql("SELECT count(*) FROM app_user " + where)
			.param("role", role == null ? null : role.name())
			.param("q", query)
			.param("qLike", az.asan.mektub.platform.database.SqlLike.escape(query))
			.query(Long.class)
			.single();
		List<Long> ids = jdbc.sql("SELECT id FROM app_user " + where + " ORDER BY " + NATURAL_NAME_ORDER + " LIMIT :limit OFFSET :offset")
			.param("role", role == null ? null : role.name())
			.param("q", query)
			.param("qLike", az.asan.mektub.platform.database.SqlLike.escape(query))
			.param("limit", pageSize)
			.param("offset", (Math.max(page, 1) - 1) * pageSize)
			.query(Long.class)
			.list();
		List<Person> people = accounts.findAllWithRegionsByIdIn(ids)
			.stream()
			.map(AccountAdministration::person)
			.sorted(java.util.Comparator.comparing(p -> ids.indexOf(p.id())))
			.toList();
		return new Page(people, total);
	}

	@Transactional(readOnly = true)
	public Optional<Person> person(long id) {
		return accounts.findById(id).filter(a -> a.getAnonymisedAt() == null).map(AccountAdministration::person);
	}

	/** Opens a volunteer account and mails the link that sets its password. */
	@Transactional
	public long createVolunteer(VolunteerForm form, long actorId, Locale locale) {
		Account account = new Account(form.email(), null, form.fullName(), Role.VOLUNTEER);
		if (form.phone() != null && !form.phone().isBlank()) {
			account.setPhone(form.phone().strip());
		}
		account.assignRegions(validRegions(form.regionIds()));
		account.confirmEmail();
		account.speaks(Set.of("az", "en", "ru").contains(locale.getLanguage()) ? locale.getLanguage() : "az");
		accounts.saveAndFlush(account);
		audit(actorId, "CREATED", account.getId(), "VOLUNTEER " + regionCodes(account.getRegionIds()),
				new TreeSet<>(account.getRegionIds()));
		// the other modules add their part (handover: the centres ticked on the form), in this transaction
		events.publishEvent(new VolunteerCreated(account.getId(), actorId, form.handoverPointIds()));
		String token = tokens.issue(account.getId(), AccountTokens.Purpose.INVITE); // its reference: the mail gets the token when sent or shown
		mailer.queue(account.getEmail(), account.getLanguage(), "invite", account.getFullName(),
				links.absolute("/password/reset?token=" + token));
		return account.getId();
	}

	@Transactional
	public void assignRegions(long id, List<Integer> regionIds, SignedInUser actor) {
		Account account = editable(id, actor);
		Set<Integer> before = new TreeSet<>(account.getRegionIds());
		Set<Integer> after = new TreeSet<>(validRegions(regionIds));
		if (!before.equals(after)) {
			account.assignRegions(after);
			audit(actor.id(), "REGIONS", id, regionCodes(before) + " → " + regionCodes(after), before, after);
			sessions.endAll(account.getEmail());
		}
	}

	@Transactional
	public void lock(long id, boolean locked, SignedInUser actor) {
		Account account = editable(id, actor);
		if (account.isLocked() != locked) {
			account.lock(locked);
			audit(actor.id(), locked ? "LOCKED" : "UNLOCKED", id, null);
			if (locked) {
				sessions.endAll(account.getEmail());
			}
		}
	}

	@Transactional
	public void flagOrganisation(long id, boolean organisation, Integer limit, SignedInUser actor) {
		Account account = editable(id, actor);
		if (account.getRole() != Role.DONOR) {
			throw new IllegalArgumentException("people.error.notADonor");
		}
		if (organisation && (limit == null || limit < 1 || limit > 1000)) {
			throw new IllegalArgumentException("people.error.limit");
		}
		account.setOrganisation(organisation, limit);
		if (organisation) {
			audit(actor.id(), "ORGANISATION", id, "limit " + limit, limit);
		}
		else {
			audit(actor.id(), "ORGANISATION_OFF", id, "none");
		}
	}

	/** A self-registered organisation as staff review it. */
	public record AwaitingOrganisation(long id, String name, String voen, String contactName, String email,
			boolean emailConfirmed, Instant registeredAt, boolean voenElsewhere) {
	}

	/**
	 * Organisations that registered themselves and wait for staff, oldest first, each saying whether
	 * another account already gave its VÖEN (a second registration, or a branch), for staff to look at.
	 */
	@Transactional(readOnly = true)
	public List<AwaitingOrganisation> organisationsAwaiting() {
		return jdbc.sql("""
				SELECT u.id, u.full_name, u.voen, u.contact_name, u.email, u.email_confirmed_at IS NOT NULL AS confirmed,
				       u.created_at, EXISTS (SELECT 1 FROM app_user o WHERE o.voen = u.voen AND o.id <> u.id
				                             AND o.anonymised_at IS NULL) AS voen_elsewhere
				FROM app_user u
				WHERE u.organisation_review = 'PENDING' AND u.anonymised_at IS NULL
				ORDER BY u.created_at, u.id LIMIT 500""")
			.query((rs, n) -> new AwaitingOrganisation(rs.getLong("id"), rs.getString("full_name"), rs.getString("voen"),
					rs.getString("contact_name"), rs.getString("email"), rs.getBoolean("confirmed"),
					rs.getTimestamp("created_at").toInstant(), rs.getBoolean("voen_elsewhere")))
			.list();
	}

	/**
	 * Staff confirm a self-registered organisation (it adopts from now on, up to its limit) or refuse it
	 * (it stays unable to adopt); either is audited, and its contact person is told by mail. False when
	 * it was decided already (by a colleague a moment ago) or is no such organisation.
	 */
	@Transactional
	public boolean reviewOrganisation(long id, boolean confirm, SignedInUser actor) {
		Account account = editable(id, actor);
		if (!account.review(confirm ? OrganisationReview.CONFIRMED : OrganisationReview.REFUSED)) {
			return false;
		}
		audit(actor.id(), confirm ? "ORGANISATION_CONFIRMED" : "ORGANISATION_REFUSED", id, "VÖEN " + account.getVoen(),
				account.getVoen());
		mailer.queue(account.getEmail(), account.getLanguage(), confirm ? "organisationConfirmed" : "organisationRefused",
				account.getContactName(), account.getFullName(), links.absolute(confirm ? "/tree" : "/about"),
				// a name that carries its own quotes (“«Azər-Tikinti» MMC”) gets none around it
				quoted(account.getFullName()) ? "quoted" : "plain");
		return true;
	}

	/** Whether a name holds quotation marks of its own (a company's legal name often does). */
	static boolean quoted(String name) {
		return name != null && name.chars().anyMatch(c -> "\"«»“”„‘’".indexOf(c) >= 0);
	}

	/** Only an administrator grants or takes back roles, and not their own. */
	@Transactional
	public void changeRole(long id, Role role, SignedInUser actor) {
		if (actor.role() != Role.ADMIN) {
			throw new AccessDeniedException("Only administrators change roles");
		}
		Account account = accounts.findById(id).filter(a -> a.getAnonymisedAt() == null).orElseThrow(NotFound::new);
		if (account.getId() == actor.id()) {
			throw new IllegalArgumentException("people.error.self");
		}
		if (account.getRole() != role) {
			Role before = account.getRole();
			account.changeRole(role);
			audit(actor.id(), "ROLE", id, before + " → " + role, before, role);
			sessions.endAll(account.getEmail());
		}
	}

	/** Staff may change donors and volunteers; staff and administrators only an administrator; nobody themselves. */
	private Account editable(long id, SignedInUser actor) {
		Account account = accounts.findById(id).filter(a -> a.getAnonymisedAt() == null).orElseThrow(NotFound::new);
		if (account.getId() == actor.id()) {
			throw new IllegalArgumentException("people.error.self");
		}
		if (account.getRole().seesAllRegions() && actor.role() != Role.ADMIN) {
			throw new AccessDeniedException("Only administrators change staff accounts");
		}
		return account;
	}

	private Set<Integer> validRegions(List<Integer> ids) {
		Set<Integer> valid = new HashSet<>();
		if (ids != null) {
			for (Integer id : ids) {
				regions.byId(id).filter(Region::acceptsLetters).ifPresent(r -> valid.add(r.id()));
			}
		}
		return valid;
	}

	private String regionCodes(Set<Integer> ids) {
		return regions.byIds(ids).stream().map(Region::code).sorted().toList().toString();
	}

	private void audit(long actorId, String action, long targetId, String detail, Object... args) {
		auditLog.record(actorId, AuditLog.Kind.PERSON, action, targetId, detail, args);
	}

	private static Person person(Account a) {
		return new Person(a.getId(), a.getFullName(), a.getEmail(), a.getPhone(), a.getRole(), a.isLocked(),
				a.isOrganisation(), a.getAdoptionLimit(), a.getEmailConfirmedAt() != null, a.getAnonymisedAt() != null,
				a.getCreatedAt(), Set.copyOf(a.getRegionIds()));
	}

}
