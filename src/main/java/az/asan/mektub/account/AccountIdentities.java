package az.asan.mektub.account;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which person at the national identity provider is which account here ({@code account_identity}):
 * the provider's issuer and subject, never an e-mail address, which a provider may let people change.
 */
@Component
class AccountIdentities {

	private final JdbcClient jdbc;

	AccountIdentities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> account(String issuer, String subject) {
		return jdbc.sql("SELECT user_id FROM account_identity WHERE issuer = ? AND subject = ?")
			.params(issuer, subject)
			.query(Long.class)
			.optional();
	}

	/** Links the person to the account; a person already linked (a second tab, say) stays as they were. */
	boolean link(String issuer, String subject, long userId) {
		return jdbc.sql("INSERT INTO account_identity (issuer, subject, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(issuer, subject, userId)
			.update() > 0;
	}

	/** A deleted account can no longer be signed into through the provider. */
	int forget(long userId) {
		return jdbc.sql("DELETE FROM account_identity WHERE user_id = ?").param(userId).update();
	}

	boolean linked(long userId) {
		return jdbc.sql("SELECT count(*) > 0 FROM account_identity WHERE user_id = ?")
			.param(userId)
			.query(Boolean.class)
			.single();
	}

}
