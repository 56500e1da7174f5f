package az.asan.mektub.notification;

import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OutboxSenderIntegrationTest extends IntegrationTestBase {

	@Autowired
	az.asan.mektub.platform.settings.AsanProperties asan;

	@Autowired
	Mailer mailer;

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM mail_outbox WHERE recipient LIKE '%@outbox.test'").update();
	}

	@Test
	void aMailServerThatIsDownDelaysMailButLosesNone() {
		// given: a message queued in its own transaction, and no SMTP server where the sender looks
		tx.executeWithoutResult(s -> mailer.queue("kamal@outbox.test", "en", "thanks", "Kamal", "Aysel", "http://x"));
		OutboxSender down = sender(1);

		// when
		down.sendPending();

		// then: it is still there, with the error and a later attempt
		assertThat(jdbc.sql("SELECT sent_at IS NULL AND attempts = 1 AND last_error IS NOT NULL AND next_attempt_at > now() "
				+ "FROM mail_outbox WHERE recipient = 'kamal@outbox.test'").query(Boolean.class).single()).isTrue();

		// when the server is back and the pause is over
		jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = 'kamal@outbox.test'").update();
		sender(TestMail.port()).sendPending();

		// then
		assertThat(jdbc.sql("SELECT sent_at IS NOT NULL FROM mail_outbox WHERE recipient = 'kamal@outbox.test'")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(TestMail.bodiesTo("kamal@outbox.test")).singleElement()
			.satisfies(body -> assertThat(body).contains("Kamal").contains("Aysel"));
	}

	@Test
	void aMessageOfARolledBackChangeIsNeverSent() {
		try {
			tx.executeWithoutResult(s -> {
				mailer.queue("ghost@outbox.test", "az", "thanks", "Kamal", "Aysel", "http://x");
				throw new IllegalStateException("the change failed");
			});
		}
		catch (IllegalStateException expected) {
			// the change and its mail are gone together
		}
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'ghost@outbox.test'")
			.query(Long.class)
			.single()).isZero();
	}

	private OutboxSender sender(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "2000");
		properties.put("mail.smtp.timeout", "2000");
		mail.setJavaMailProperties(properties);
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mailSender", mail);
		return new OutboxSender(jdbc, tx, beans.getBeanProvider(JavaMailSender.class), asan);
	}

}
