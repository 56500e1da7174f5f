package az.asan.mektub.adoption;

import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.letter.Letter;
import az.asan.mektub.letter.Letters;
import az.asan.mektub.notification.Mailer;
import az.asan.mektub.system.AsanProperties;
import az.asan.mektub.system.Formats;
import az.asan.mektub.system.JobRuns;
import az.asan.mektub.system.Links;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs that keep holds honest: a reminder a few days before the due date, and the release of
 * holds past it (back on the tree, a history row, the donor told). Each runs on one node of the
 * cluster at a time (ShedLock), and each letter is taken with {@code FOR UPDATE SKIP LOCKED} in a
 * transaction of its own, so even two runs at once release a hold once and one bad letter does not
 * stop the rest.
 */
@Component
public class HoldExpiry {

	private final Log log = LogFactory.getLog(HoldExpiry.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Letters letters;

	private final AccountManagement accounts;

	private final Mailer mailer;

	private final Links links;

	private final Formats formats;

	private final int reminderDays;

	private final JobRuns jobRuns;

	private final Counter holdsReleased;

	HoldExpiry(JdbcClient jdbc, TransactionTemplate tx, Letters letters, AccountManagement accounts, Mailer mailer,
			Links links, Formats formats, JobRuns jobRuns, AsanProperties asan,
			MeterRegistry meters) {
		this.holdsReleased = Counter.builder("asan.holds.released")
			.description("Holds past their due date released back to the tree on this node")
			.register(meters);
		this.jdbc = jdbc;
		this.tx = tx;
		this.letters = letters;
		this.accounts = accounts;
		this.mailer = mailer;
		this.links = links;
		this.formats = formats;
		this.reminderDays = asan.holds().reminderDays();
		this.jobRuns = jobRuns;
	}

	/** Releases every hold whose due date has passed. */
	@Scheduled(cron = "#{@asanProperties.jobs().holdExpiry().cron()}", zone = "Asia/Baku")
	@SchedulerLock(name = "holdExpiry", lockAtMostFor = "PT10M")
	public void releaseExpired() {
		java.time.Instant started = java.time.Instant.now();
		LocalDate today = LocalDate.now(Formats.BAKU);
		List<Long> ids = jdbc.sql("SELECT id FROM letter WHERE status = 'ADOPTED' AND due_date < ? ORDER BY due_date, id")
			.param(today)
			.query(Long.class)
			.list();
		int released = 0;
		for (long id : ids) {
			Boolean done = tx.execute(status -> {
				// Another run may hold this letter right now: skip it rather than wait and do it twice.
				if (jdbc.sql("SELECT id FROM letter WHERE id = ? AND status = 'ADOPTED' FOR UPDATE SKIP LOCKED")
					.param(id)
					.query(Long.class)
					.optional()
					.isEmpty()) {
					return false;
				}
				Letter letter = letters.findById(id).orElseThrow();
				Long donorId = letter.getDonorId();
				LocalDate due = letter.getDueDate();
				letter.releaseExpiredHold(today);
				tellDonorTheHoldExpired(donorId, letter.getFirstName(), due);
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				released++;
				holdsReleased.increment();
			}
		}
		if (released > 0) {
			log.info("Released " + released + " holds past their due date");
		}
		jobRuns.finished("holdExpiry", started, String.valueOf(released));
	}

	/** One reminder per hold, a few days before its due date. */
	@Scheduled(cron = "#{@asanProperties.jobs().holdReminder().cron()}", zone = "Asia/Baku")
	@SchedulerLock(name = "holdReminder", lockAtMostFor = "PT10M")
	public void remind() {
		LocalDate today = LocalDate.now(Formats.BAKU);
		tx.executeWithoutResult(status -> {
			record Due(long id, String code, String firstName, long donorId, LocalDate dueDate) {
			}
			List<Due> due = jdbc.sql("""
					SELECT id, code, first_name, donor_id, due_date FROM letter
					WHERE status = 'ADOPTED' AND reminder_sent_at IS NULL AND due_date BETWEEN :today AND :until
					FOR UPDATE SKIP LOCKED""")
				.param("today", today)
				.param("until", today.plusDays(reminderDays))
				.query((rs, n) -> new Due(rs.getLong("id"), rs.getString("code"), rs.getString("first_name"),
						rs.getLong("donor_id"), rs.getObject("due_date", LocalDate.class)))
				.list();
			for (Due letter : due) {
				accounts.contact(letter.donorId())
					.filter(AccountManagement.Contact::reachable)
					.ifPresent(donor -> mailer.queue(donor.email(), donor.language(), "reminder", donor.fullName(),
							letter.firstName(), formats.date(letter.dueDate()),
							links.absolute("/me/adoptions/" + letter.code())));
				jdbc.sql("UPDATE letter SET reminder_sent_at = now() WHERE id = ?").param(letter.id()).update();
			}
		});
	}

	void tellDonorTheHoldExpired(Long donorId, String firstName, LocalDate due) {
		accounts.contact(donorId)
			.filter(AccountManagement.Contact::reachable)
			.ifPresent(donor -> mailer.queue(donor.email(), donor.language(), "holdExpired", donor.fullName(), firstName,
					formats.date(due), links.absolute("/tree")));
	}

}
