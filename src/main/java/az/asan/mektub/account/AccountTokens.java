package az.asan.mektub.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import az.asan.mektub.platform.security.OneTimeLinks;
import org.springframework.stereotype.Component;

/**
 * One-time tokens for links sent by mail. The link carries 256 bits made from a random reference
 * under a key outside the database ({@link OneTimeLinks}); the database keeps only their SHA-256 and
 * the reference, and a stored mail only the reference, so neither a backup nor a curious reader of
 * the tables can use a link. A token works once, for one purpose, until it expires.
 */
@Component
class AccountTokens {

	enum Purpose {

		CONFIRM_EMAIL(Duration.ofDays(7)), RESET_PASSWORD(Duration.ofHours(2)), INVITE(Duration.ofDays(7)),
		/** Proves that whoever signed in through the identity provider owns the account of the same address. */
		LINK_IDENTITY(Duration.ofMinutes(30));

		final Duration validFor;

		Purpose(Duration validFor) {
			this.validFor = validFor;
		}

	}

	private final JdbcClient jdbc;

	private final OneTimeLinks links;

	AccountTokens(JdbcClient jdbc, OneTimeLinks links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	/**
	 * A new token; earlier unused tokens of the same purpose stop working. Returns the token's
	 * reference, which goes into the link of the stored mail ({@code ?token=<reference>}); the mail
	 * gets the token itself only when it is sent or shown ({@link OneTimeLinks#render}).
	 */
	String issue(long userId, Purpose purpose) {
		String reference = links.newReference();
		String token = links.token(reference);
		jdbc.sql("UPDATE account_token SET used_at = now() WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
			.params(userId, purpose.name())
			.update();
		jdbc.sql("""
				INSERT INTO account_token (token_hash, user_id, purpose, expires_at, link_ref)
				VALUES (:hash, :user, :purpose, now() + make_interval(secs => :seconds), :reference)""")
			.param("hash", hash(token))
			.param("reference", reference)
			.param("user", userId)
			.param("purpose", purpose.name())
			.param("seconds", purpose.validFor.toSeconds())
			.update();
		return reference;
	}

	/** The SHA-256 of the token made from a reference {@link #issue} answered. */
	String hashOfReference(String reference) {
		return hash(links.token(reference));
	}

	/** The reference a token was made from, which stands for it in stored mails; empty if unknown. */
	String reference(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return "";
		}
		return jdbc.sql("SELECT link_ref FROM account_token WHERE token_hash = ?")
			.param(hash(token))
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** How many tokens of a purpose the user was sent within the last period (used or not). */
	int issuedWithin(long userId, Purpose purpose, Duration period) {
		// Tokens keep no issue time: one issued within the period expires later than validity minus period from now.
		return jdbc.sql("""
				SELECT count(*) FROM account_token
				WHERE user_id = :user AND purpose = :purpose AND expires_at > now() + make_interval(secs => :seconds)""")
			.param("user", userId)
			.param("purpose", purpose.name())
			.param("seconds", purpose.validFor.minus(period).toSeconds())
			.query(Integer.class)
			.single();
	}

	/** The user the token was issued to, if it is valid; it cannot be used again. */
	Optional<Long> redeem(String token, Purpose... purposes) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				UPDATE account_token SET used_at = now()
				WHERE token_hash = :hash AND purpose IN (:purposes) AND used_at IS NULL AND expires_at > now()
				RETURNING user_id""")
			.param("hash", hash(token))
			.param("purposes", java.util.Arrays.stream(purposes).map(Enum::name).toList())
			.query(Long.class)
			.optional();
	}

	/** Whom a valid token was issued to, without using it. */
	Optional<Long> owner(String token, Purpose... purposes) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT user_id FROM account_token
				WHERE token_hash = :hash AND purpose IN (:purposes) AND used_at IS NULL AND expires_at > now()""")
			.param("hash", hash(token))
			.param("purposes", java.util.Arrays.stream(purposes).map(Enum::name).toList())
			.query(Long.class)
			.optional();
	}

	/** Whether the token is valid, without using it (to show the reset form only for a good link). */
	boolean valid(String token, Purpose... purposes) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return false;
		}
		return jdbc.sql("""
				SELECT count(*) > 0 FROM account_token
				WHERE token_hash = :hash AND purpose IN (:purposes) AND used_at IS NULL AND expires_at > now()""")
			.param("hash", hash(token))
			.param("purposes", java.util.Arrays.stream(purposes).map(Enum::name).toList())
			.query(Boolean.class)
			.single();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
