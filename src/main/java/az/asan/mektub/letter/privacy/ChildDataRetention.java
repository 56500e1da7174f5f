package az.asan.mektub.letter.privacy;

import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import az.asan.mektub.campaign.CampaignSql;
import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.database.JobRuns;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: the private data of children in campaigns closed longer than the configured period
 * (default 24 months) is anonymised: surname, birth date, contact, the letter as written, the
 * pictures and the donors' notes are removed. What the totals and reports count (first name, age,
 * region, category, status, dates) stays, so the figures do not change. What other parts keep of
 * those letters (the donors' messages are adoption's, the children's thank-yous are
 * {@code letter.thanks}') they remove themselves on {@link ChildDataAnonymised}, in the same transaction.
 */
@Component
public class ChildDataRetention {

	private final Log log = LogFactory.getLog(ChildDataRetention.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final JobRuns jobRuns;

	private final int months;

	private final az.asan.mektub.letter.LetterChanges changes;

	private final ApplicationEventPublisher events;

	ChildDataRetention(JdbcClient jdbc, TransactionTemplate tx, JobRuns jobRuns,
			AsanProperties asan, az.asan.mektub.letter.LetterChanges changes, ApplicationEventPublisher events) {
		this.changes = changes;
		this.events = events;
		this.jdbc = jdbc;
		this.tx = tx;
		this.jobRuns = jobRuns;
		this.months = asan.retention().months();
	}

	public int months() {
		return months;
	}

	@Scheduled(cron = "#{@asanProperties.jobs().retention().cron()}", zone = "Asia/Baku")
	@SchedulerLock(name = "retention", lockAtMostFor = "PT1H")
	public void anonymiseExpired() {
		run();
	}

	/** How many children's private data a run now would anonymise, for the page that asks first. */
	public long due() {
		return jdbc.sql("""
				SELECT count(DISTINCT l.child_id) FROM letter l JOIN campaign c ON c.id = l.campaign_id
				JOIN child ch ON ch.id = l.child_id
				WHERE ch.anonymised_at IS NULL AND %s
				  AND c.closed_at < now() - make_interval(months => :months)""".formatted(CampaignSql.isClosed("c")))
			.param("months", months)
			.query(Long.class)
			.single();
	}

	/** Anonymises what is due now; returns how many children it anonymised. */
	public int run() {
		Instant started = Instant.now();
		Integer children = tx.execute(status -> {
			jdbc.sql("""
					CREATE TEMP TABLE expired_letters ON COMMIT DROP AS
					SELECT l.id, l.child_id FROM letter l JOIN campaign c ON c.id = l.campaign_id
					WHERE %s AND c.closed_at < now() - make_interval(months => :months)""".formatted(CampaignSql.isClosed("c")))
				.param("months", months)
				.update();
			int count = jdbc.sql("""
					UPDATE child SET surname = NULL, birth_date = NULL, contact = NULL, anonymised_at = now()
					WHERE anonymised_at IS NULL AND id IN (SELECT child_id FROM expired_letters)""").update();
			jdbc.sql("""
					UPDATE letter SET original_wish = NULL, fulfilment_note = NULL, status_note = NULL, sizes = NULL
					WHERE id IN (SELECT id FROM expired_letters)
					  AND (original_wish IS NOT NULL OR fulfilment_note IS NOT NULL OR status_note IS NOT NULL OR sizes IS NOT NULL)""")
				.update();
			// a walk-in donor's name and phone go with the child's data; "walk_in" stays for the reports
			jdbc.sql("""
					UPDATE letter SET walk_in_name = NULL, walk_in_phone = NULL
					WHERE id IN (SELECT id FROM expired_letters) AND (walk_in_name IS NOT NULL OR walk_in_phone IS NOT NULL)""")
				.update();
			jdbc.sql("DELETE FROM letter_image WHERE letter_id IN (SELECT id FROM expired_letters)").update();
			// the donors' messages are the adoption module's: it deletes them on the event, in this transaction
			List<Long> letterIds = jdbc.sql("SELECT id FROM expired_letters ORDER BY id").query(Long.class).list();
			if (!letterIds.isEmpty()) {
				events.publishEvent(new ChildDataAnonymised(letterIds));
			}
			return count;
		});
		int anonymised = children == null ? 0 : children;
		jobRuns.finished("retention", started, String.valueOf(anonymised));
		if (anonymised > 0) {
			changes.changed(az.asan.mektub.letter.LetterChanged.many());
			log.info("Anonymised the private data of " + anonymised + " children of campaigns closed over " + months
					+ " months ago");
		}
		return anonymised;
	}

}
