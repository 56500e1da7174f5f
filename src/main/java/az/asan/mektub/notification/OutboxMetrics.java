package az.asan.mektub.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many mails wait in the outbox, for operators' dashboards: a backlog that only grows means
 * the SMTP server refuses them. Read from the database (the partial index of pending mail) when
 * metrics are scraped, so every node reports the cluster's one backlog.
 */
@Component
class OutboxMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	OutboxMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("asan.mail.outbox.backlog", this, OutboxMetrics::backlog)
			.description("Mails in the outbox not sent yet")
			.register(registry);
	}

	private double backlog() {
		return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL").query(Long.class).single();
	}

}
