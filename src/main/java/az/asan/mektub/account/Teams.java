package az.asan.mektub.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import az.asan.mektub.notification.Mailer;
import az.asan.mektub.platform.security.OneTimeLinks;
import az.asan.mektub.platform.web.Links;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's team (issue 27.2): the organisation invites its employees by e-mail, each opens
 * the mailed link signed in as a donor with that address and joins. The link works once, for seven
 * days; the database keeps only its token's SHA-256 and the reference that stands for it in the stored
 * mail, as {@link AccountTokens} does. A person belongs to one team at a time. The tables
 * {@code organisation_invitation} and {@code organisation_member} are this module's.
 */
@Service
public class Teams {

	/** How long an invitation link works. */
	static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);

	/** At most this many addresses in one invitation form, and invitations a day per organisation. */
	public static final int MAX_PER_FORM = 50;

	static final int MAX_PER_DAY = 200;

	/** The path of the link in the mail; the token follows. */
	static final String JOIN_LINK = "/team/join?token=";

	private final JdbcClient jdbc;

	private final OneTimeLinks oneTimeLinks;

	private final Mailer mailer;

	private final Links links;

	private final AccountManagement accounts;

	Teams(JdbcClient jdbc, OneTimeLinks oneTimeLinks, Mailer mailer, Links links, AccountManagement accounts) {
		this.jdbc = jdbc;
		this.oneTimeLinks = oneTimeLinks;
		this.mailer = mailer;
		this.links = links;
		this.accounts = accounts;
	}

	/** A person of an organisation's team. */
	public record Member(long id, String fullName, String email, Instant joinedAt) {
	}

	/** An invitation not yet used, still valid. */
	public record Pending(long id, String email, Instant expiresAt) {
	}

	/** An invitation link as its reader sees it before joining. */
	public record Invitation(long organisationId, String organisationName, String email) {
	}

	/** What opening an invitation came to. */
	public enum Joined {

		/** The person joined the team. */
		JOINED,
		/** An unknown, used or expired link: nothing changed. */
		BAD_LINK,
		/** The link was sent to another address than the signed-in person's. */
		OTHER_ADDRESS,
		/** Only a person's donor account joins a team (not an organisation, volunteer or staff). */
		NOT_A_PERSON,
		/** The person belongs to another organisation's team already. */
		IN_ANOTHER_TEAM

	}

	/** Whether this account is an organisation staff confirmed, which may have a team. */
	@Transactional(readOnly = true)
	public boolean mayLeadATeam(long accountId) {
		AccountManagement.Standing standing = accounts.standing(accountId);
		return standing.donor() && standing.organisation() && standing.emailConfirmed() && !standing.locked()
				&& !standing.awaitingConfirmation();
	}

	/**
	 * Mails each address a link to join the organisation's team; an earlier unused invitation to the
	 * same address stops working. Addresses already in the team are skipped. Returns how many were
	 * invited; refuses (with no mail sent) beyond the day's number.
	 */
	@Transactional
	public int invite(long organisationId, List<String> emails) {
		if (!mayLeadATeam(organisationId)) {
			throw new org.springframework.security.access.AccessDeniedException("Only a confirmed organisation invites");
		}
		int today = jdbc.sql("""
				SELECT count(*) FROM organisation_invitation
				WHERE organisation_id = ? AND created_at > now() - interval '1 day'""")
			.param(organisationId)
			.query(Integer.class)
			.single();
		if (today + emails.size() > MAX_PER_DAY) {
			throw new TooManyInvitations(MAX_PER_DAY);
		}
		AccountManagement.Contact organisation = accounts.contact(organisationId).orElseThrow();
		int invited = 0;
		for (String email : emails) {
			boolean member = jdbc.sql("""
					SELECT EXISTS (SELECT 1 FROM organisation_member m JOIN app_user u ON u.id = m.member_id
					               WHERE m.organisation_id = ? AND lower(u.email) = lower(?))""")
				.params(organisationId, email)
				.query(Boolean.class)
				.single();
			if (member) {
				continue;
			}
			jdbc.sql("""
					UPDATE organisation_invitation SET used_at = now()
					WHERE organisation_id = ? AND lower(email) = lower(?) AND used_at IS NULL""")
				.params(organisationId, email)
				.update();
			String reference = oneTimeLinks.newReference();
			jdbc.sql("""
					INSERT INTO organisation_invitation (organisation_id, email, token_hash, link_ref, expires_at)
					VALUES (?, ?, ?, ?, now() + make_interval(secs => ?))""")
				.params(organisationId, email, AccountTokens.hash(oneTimeLinks.token(reference)), reference,
						INVITATION_VALID_FOR.toSeconds())
				.update();
			// the invited person has no language of their own here yet: the organisation's
			mailer.queue(email, organisation.language(), "teamInvite", organisation.fullName(),
					links.absolute(JOIN_LINK + reference));
			invited++;
		}
		return invited;
	}

	/** Thrown when an organisation would send more invitations in a day than allowed. */
	public static class TooManyInvitations extends RuntimeException {

		private final int limit;

		TooManyInvitations(int limit) {
			super("too many invitations");
			this.limit = limit;
		}

		public int limit() {
			return limit;
		}

	}

	/** The invitation a link stands for, if it is valid, without using it. */
	@Transactional(readOnly = true)
	public Optional<Invitation> invitation(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT i.organisation_id, o.full_name, i.email FROM organisation_invitation i
				JOIN app_user o ON o.id = i.organisation_id
				WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > now()""")
			.param(AccountTokens.hash(token))
			.query((rs, n) -> new Invitation(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/**
	 * The signed-in person joins the team the link invites them to. The link is used up only when
	 * they join: one sent to another address, or opened by an account that cannot join, stays valid for
	 * its owner.
	 */
	@Transactional
	public Joined join(String token, long personId) {
		Optional<Invitation> invitation = invitation(token);
		if (invitation.isEmpty()) {
			return Joined.BAD_LINK;
		}
		Optional<AccountManagement.Profile> person = accounts.profile(personId);
		if (person.isEmpty() || person.get().role() != Role.DONOR || person.get().organisation()) {
			return Joined.NOT_A_PERSON;
		}
		if (!Emails.normalize(person.get().email()).equalsIgnoreCase(invitation.get().email())) {
			return Joined.OTHER_ADDRESS;
		}
		Optional<Long> team = organisationOf(personId);
		if (team.isPresent() && team.get() != invitation.get().organisationId()) {
			return Joined.IN_ANOTHER_TEAM;
		}
		// used here, once: of two presses of one link, the second finds it used
		boolean used = jdbc.sql("""
				UPDATE organisation_invitation SET used_at = now()
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()""")
			.param(AccountTokens.hash(token))
			.update() == 1;
		if (!used) {
			return Joined.BAD_LINK;
		}
		jdbc.sql("""
				INSERT INTO organisation_member (member_id, organisation_id) VALUES (?, ?)
				ON CONFLICT (member_id) DO NOTHING""")
			.params(personId, invitation.get().organisationId())
			.update();
		// the mail's link works no more: its text goes from the stored mail
		mailer.forget(invitation.get().email(), referenceOf(token));
		return Joined.JOINED;
	}

	private String referenceOf(String token) {
		return jdbc.sql("SELECT link_ref FROM organisation_invitation WHERE token_hash = ?")
			.param(AccountTokens.hash(token))
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** The organisation whose team this person belongs to, if any. */
	@Transactional(readOnly = true)
	public Optional<Long> organisationOf(long personId) {
		return jdbc.sql("SELECT organisation_id FROM organisation_member WHERE member_id = ?")
			.param(personId)
			.query(Long.class)
			.optional();
	}

	/**
	 * A person leaving the program leaves its team; an organisation leaving takes its team and its
	 * invitations with it (its account is anonymised, not deleted, so nothing cascades by itself).
	 */
	@org.springframework.context.event.EventListener
	void on(DonorLeaving leaving) {
		jdbc.sql("DELETE FROM organisation_member WHERE member_id = :id OR organisation_id = :id")
			.param("id", leaving.donorId())
			.update();
		jdbc.sql("DELETE FROM organisation_invitation WHERE organisation_id = ?").param(leaving.donorId()).update();
	}

	/** The organisation's own e-mail address (it does not invite itself into its team). */
	@Transactional(readOnly = true)
	public String ownAddress(long organisationId) {
		return accounts.contact(organisationId).map(AccountManagement.Contact::email).orElse("");
	}

	/** The organisation's name, for its team's pages. */
	@Transactional(readOnly = true)
	public String organisationName(long organisationId) {
		return accounts.contact(organisationId).map(AccountManagement.Contact::fullName).orElse("");
	}

	/** The organisation's team, in the Azerbaijani order of their names. */
	@Transactional(readOnly = true)
	public List<Member> members(long organisationId) {
		return jdbc.sql("""
				SELECT u.id, u.full_name, u.email, m.joined_at FROM organisation_member m
				JOIN app_user u ON u.id = m.member_id
				WHERE m.organisation_id = ? ORDER BY u.full_name COLLATE "az-x-icu", u.id""")
			.param(organisationId)
			.query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** Invitations sent and neither used nor expired, newest first. */
	@Transactional(readOnly = true)
	public List<Pending> pending(long organisationId) {
		return jdbc.sql("""
				SELECT id, email, expires_at FROM organisation_invitation
				WHERE organisation_id = ? AND used_at IS NULL AND expires_at > now()
				ORDER BY created_at DESC LIMIT 200""")
			.param(organisationId)
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * The organisation takes back an invitation not used yet: its link stops working at once. Returns
	 * the address it was sent to, empty when it is not the organisation's or no longer pending.
	 */
	@Transactional
	public Optional<String> revoke(long organisationId, long invitationId) {
		return jdbc.sql("""
				UPDATE organisation_invitation SET expires_at = now()
				WHERE id = ? AND organisation_id = ? AND used_at IS NULL AND expires_at > now()
				RETURNING email""")
			.params(invitationId, organisationId)
			.query(String.class)
			.optional();
	}

	/**
	 * The organisation removes a person from its team: from now on they do not see its pool nor take
	 * for it. The letters they took stay the organisation's (its donor, with who took them). Returns
	 * their name, empty when they are not in this organisation's team.
	 */
	@Transactional
	public Optional<String> remove(long organisationId, long memberId) {
		return jdbc.sql("""
				DELETE FROM organisation_member m USING app_user u
				WHERE m.member_id = ? AND m.organisation_id = ? AND u.id = m.member_id
				RETURNING u.full_name""")
			.params(memberId, organisationId)
			.query(String.class)
			.optional();
	}

}
