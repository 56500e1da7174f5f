package az.asan.mektub.notification;

import java.util.Locale;


import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a message in the recipient's language. It joins the caller's transaction: if the change
 * it reports is rolled back, so is the message. A one-time link in a stored message holds a reference
 * instead of its token ({@code platform.security.OneTimeLinks}), which is put in only when the message is sent or
 * shown in the mailbox; the reference goes once the message is sent, the link is used, or it expires.
 */
@Component
public class Mailer {

	/** What stands in a stored mail where a one-time link's secret was. */
	static final String REMOVED = "-";

	/** The secret part of the app's one-time links ({@code …?token=…}) in a mail body, for PostgreSQL. */
	static final String SECRET_SQL_PATTERN = "token=[A-Za-z0-9_-]+";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	Mailer(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** {@code mail.<kind>.subject} and {@code mail.<kind>.body} with the same arguments. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(String recipient, String language, String kind, Object... args) {
		Locale locale = Locale.forLanguageTag(language == null ? "az" : language);
		String subject = messages.getMessage("mail." + kind + ".subject", args, locale);
		String body = messages.getMessage("mail." + kind + ".body", args, locale) + "\n\n"
				+ messages.getMessage("mail.signature", null, locale);
		jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body, kind) VALUES (?, ?, ?, ?)")
			.params(recipient, subject, body, kind)
			.update();
	}

	/**
	 * How many mails of a kind were queued to an address within the last period (sent or not): the
	 * forms that mail an address anyone may type in send only a few an hour.
	 */
	@Transactional(readOnly = true)
	public int queuedWithin(String recipient, String kind, java.time.Duration period) {
		return jdbc.sql("""
				SELECT count(*) FROM mail_outbox
				WHERE lower(recipient) = lower(:recipient) AND kind = :kind
				  AND created_at > now() - make_interval(secs => :seconds)""")
			.param("recipient", recipient)
			.param("kind", kind)
			.param("seconds", period.toSeconds())
			.query(Integer.class)
			.single();
	}

	/**
	 * Removes the secrets of every link to one page ({@code /password/reset?token=}) from the stored
	 * mails to a person: once one of them is used, or a newer one is sent, the older links are dead
	 * and their text is no use to whoever reads the mailbox or a copy of the database.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forgetLinks(String recipient, String path) {
		jdbc.sql("""
				UPDATE mail_outbox SET body = regexp_replace(body, :pattern, :replacement, 'g')
				WHERE lower(recipient) = lower(:recipient) AND strpos(body, :path) > 0""")
			.param("pattern", path.replaceAll("([\\\\.?+*()\\[\\]{}|^$])", "\\\\$1") + "[A-Za-z0-9_-]+")
			.param("replacement", path + REMOVED)
			.param("recipient", recipient)
			.param("path", path)
			.update();
	}

	/**
	 * Removes a one-time link's secret from the stored copies of the mail that carried it, once the
	 * link has been used: a copy of the database then holds no link that still works. The outbox job
	 * does the same for every mail it has sent, and for links that expired unsent.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(String recipient, String secret) {
		if (secret == null || secret.isBlank()) {
			return;
		}
		jdbc.sql("""
				UPDATE mail_outbox SET body = replace(body, :secret, :removed)
				WHERE lower(recipient) = lower(:recipient) AND strpos(body, :secret) > 0""")
			.param("secret", secret)
			.param("removed", REMOVED)
			.param("recipient", recipient)
			.update();
	}

	/**
	 * Deletes every mail to a person that has not been sent yet, with their name and address in it: a
	 * person who deleted their account is not written to afterwards, and nothing of them waits in the
	 * outbox. What was sent already goes with the job that forgets sent mail.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int purgeUnsent(String recipient) {
		return jdbc.sql("DELETE FROM mail_outbox WHERE lower(recipient) = lower(?) AND sent_at IS NULL")
			.param(recipient)
			.update();
	}

}
