package az.asan.mektub.notification;

import java.util.Locale;


import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a message in the recipient's language. It joins the caller's transaction: if the change
 * it reports is rolled back, so is the message.
 */
@Component
public class Mailer {

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
		jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body) VALUES (?, ?, ?)")
			.params(recipient, subject, body)
			.update();
	}


}
