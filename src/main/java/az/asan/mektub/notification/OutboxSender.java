package az.asan.mektub.notification;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.security.OneTimeLinks;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what waits in the outbox. Each message is taken with {@code FOR UPDATE SKIP LOCKED}, so two
 * nodes never send one message twice even if both ran the job; a failed send is retried later with
 * a growing pause and the error kept for the staff to see. Without an SMTP server the job has
 * nothing to do: the messages stay readable in the local mailbox.
 */
@Component
public class OutboxSender {

	private static final int BATCH = 50;

	private final Log log = LogFactory.getLog(OutboxSender.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	private final OneTimeLinks links;

	/** A sender of its own (tests: another SMTP server), with the links' key this node uses. */
	OutboxSender(JdbcClient jdbc, TransactionTemplate tx, ObjectProvider<JavaMailSender> sender, AsanProperties asan) {
		this(jdbc, tx, sender, asan, new OneTimeLinks(asan, jdbc));
	}

	@org.springframework.beans.factory.annotation.Autowired
	OutboxSender(JdbcClient jdbc, TransactionTemplate tx, ObjectProvider<JavaMailSender> sender,
			AsanProperties asan, OneTimeLinks links) {
		this.links = links;
		this.jdbc = jdbc;
		this.tx = tx;
		this.sender = sender;
		this.from = asan.mail().from();
	}

	record Pending(long id, String recipient, String subject, String body, int attempts) {
	}

	@Scheduled(fixedDelayString = "#{@asanProperties.jobs().mail().delay()}", initialDelayString = "PT5S")
	@SchedulerLock(name = "mailOutbox", lockAtMostFor = "PT5M")
	public void sendPending() {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return;
		}
		int sent;
		do {
			sent = sendBatch(mail);
		}
		while (sent == BATCH);
	}

	/**
	 * One-time links live at most a week (see account.AccountTokens); a mail still holding one after
	 * that, never sent nor used, loses it, so old copies of the database hold no secrets at all.
	 */
	@Scheduled(fixedDelayString = "#{@asanProperties.jobs().mail().forgetDelay()}", initialDelayString = "PT1M")
	@SchedulerLock(name = "mailForgetLinks", lockAtMostFor = "PT10M")
	public void forgetExpiredLinks() {
		jdbc.sql("""
				UPDATE mail_outbox SET body = regexp_replace(body, :pattern, :removed, 'g')
				WHERE created_at < now() - interval '8 days' AND body ~ :pattern""")
			.param("pattern", Mailer.SECRET_SQL_PATTERN)
			.param("removed", "token=" + Mailer.REMOVED)
			.update();
	}

	private int sendBatch(JavaMailSender mail) {
		Integer count = tx.execute(status -> {
			List<Pending> batch = jdbc.sql("""
					SELECT id, recipient, subject, body, attempts FROM mail_outbox
					WHERE sent_at IS NULL AND next_attempt_at <= now()
					ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED""")
				.param("batch", BATCH)
				.query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
						rs.getString("body"), rs.getInt("attempts")))
				.list();
			for (Pending message : batch) {
				try {
					MimeMessage mime = mail.createMimeMessage();
					MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
					helper.setFrom(new InternetAddress(from, true));
					helper.setTo(message.recipient());
					helper.setSubject(message.subject());
					// the stored mail holds references; the links' tokens are made now (platform.security.OneTimeLinks)
					helper.setText(links.render(message.body()), false);
					mail.send(mime);
					// Sent: the stored copy keeps no working one-time link (see Mailer#forget).
					jdbc.sql("""
							UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL,
							       body = regexp_replace(body, :pattern, :removed, 'g')
							WHERE id = :id""")
						.param("pattern", Mailer.SECRET_SQL_PATTERN)
						.param("removed", "token=" + Mailer.REMOVED)
						.param("id", message.id())
						.update();
				}
				catch (Exception ex) {
					Duration pause = Duration.ofMinutes(Math.min(60, 1L << Math.min(message.attempts(), 6)));
					String error = String.valueOf(ex.getMessage());
					jdbc.sql("""
							UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error,
							       next_attempt_at = now() + make_interval(secs => :pause)
							WHERE id = :id""")
						.param("error", error.length() > 500 ? error.substring(0, 500) : error)
						.param("pause", pause.toSeconds())
						.param("id", message.id())
						.update();
					log.warn("Mail " + message.id() + " not sent (attempt " + (message.attempts() + 1) + "): " + error);
				}
			}
			return batch.size();
		});
		return count == null ? 0 : count;
	}

}
