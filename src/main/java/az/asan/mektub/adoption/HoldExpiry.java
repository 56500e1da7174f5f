package az.asan.mektub.adoption;

import java.time.LocalDate;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.letter.LetterHolds;
import az.asan.mektub.letter.query.HoldLetters;
import az.asan.mektub.notification.Mailer;
import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.i18n.Formats;
import az.asan.mektub.platform.database.JobRuns;
import az.asan.mektub.platform.web.Links;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs that keep holds honest: a reminder a few days before the due date, and the release of
 * holds past it (back on the tree, a history row, the donor told). Each runs on one node of the
 * cluster at a time (ShedLock), and each letter is taken with {@code FOR UPDATE SKIP LOCKED} in a
 * transaction of its own, so even two runs at once release a hold once and one bad letter does not
 * stop the rest. Staff may run either now from the jobs page; that run takes the same lock.
 */
@Component
public class HoldExpiry {

	private final Log log = LogFactory.getLog(HoldExpiry.class);

	private final TransactionTemplate tx;

	private final LetterHolds holds;

	private final HoldLetters holdLetters;

	private final AccountManagement accounts;

	private final Mailer mailer;

	private final Links links;

	private final Formats formats;

	private final int reminderDays;

	private final JobRuns jobRuns;

	private final Counter holdsReleased;

	HoldExpiry(TransactionTemplate tx, LetterHolds holds, HoldLetters holdLetters, AccountManagement accounts, Mailer mailer,
			Links links, Formats formats, JobRuns jobRuns, AsanProperties asan,
			MeterRegistry meters) {
		this.holdsReleased = Counter.builder("asan.holds.released")
			.description("Holds past their due date released back to the tree on this node")
			.register(meters);
		this.tx = tx;
		this.holds = holds;
		this.holdLetters = holdLetters;
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
		release();
	}

	/**
	 * The same, now, for staff: under the same lock, so it runs once in the cluster. Empty when another
	 * node runs it at this moment; else how many holds it released.
	 */
	@SchedulerLock(name = "holdExpiry", lockAtMostFor = "PT10M")
	public Optional<Integer> releaseExpiredNow() {
		return Optional.of(release());
	}

	private int release() {
		java.time.Instant started = java.time.Instant.now();
		LocalDate today = LocalDate.now(Formats.BAKU);
		int released = 0;
		for (long id : holdLetters.expired(today)) {
			// Each in a transaction of its own; a letter another run holds right now is skipped. The
			// letter tells of the release (HoldReleased), and the donor hears it from AdoptionEvents.
			Boolean done = tx.execute(status -> holds.releaseExpired(id, today));
			if (Boolean.TRUE.equals(done)) {
				released++;
				holdsReleased.increment();
			}
		}
		if (released > 0) {
			log.info("Released " + released + " holds past their due date");
		}
		jobRuns.finished("holdExpiry", started, String.valueOf(released));
		return released;
	}

	/** One reminder per hold, a few days before its due date. */
	@Scheduled(cron = "#{@asanProperties.jobs().holdReminder().cron()}", zone = "Asia/Baku")
	@SchedulerLock(name = "holdReminder", lockAtMostFor = "PT10M")
	public void remind() {
		sendReminders();
	}

	/**
	 * The same, now, for staff and for the demo's first start: under the same lock, so it runs once in
	 * the cluster. Empty when another node runs it at this moment; else how many reminders it queued.
	 */
	@SchedulerLock(name = "holdReminder", lockAtMostFor = "PT10M")
	public Optional<Integer> remindNow() {
		return Optional.of(sendReminders());
	}

	private int sendReminders() {
		java.time.Instant started = java.time.Instant.now();
		LocalDate today = LocalDate.now(Formats.BAKU);
		Integer sent = tx.execute(status -> {
			int queued = 0;
			for (HoldLetters.Due letter : holdLetters.toRemind(today, today.plusDays(reminderDays))) {
				Optional<AccountManagement.Contact> donor = accounts.contact(letter.donorId())
					.filter(AccountManagement.Contact::reachable);
				if (donor.isPresent()) {
					mailer.queue(donor.get().email(), donor.get().language(), "reminder", donor.get().fullName(),
							letter.firstName(), formats.date(letter.dueDate()), links.absolute("/me/adoptions/" + letter.code()));
					queued++;
				}
				holds.reminded(letter.id());
			}
			return queued;
		});
		int reminded = sent == null ? 0 : sent;
		jobRuns.finished("holdReminder", started, String.valueOf(reminded));
		return reminded;
	}

	/** How many days before its due date a donor is reminded of a hold. */
	public int reminderDays() {
		return reminderDays;
	}

	void tellDonorTheHoldExpired(Long donorId, String firstName, LocalDate due) {
		accounts.contact(donorId)
			.filter(AccountManagement.Contact::reachable)
			.ifPresent(donor -> mailer.queue(donor.email(), donor.language(), "holdExpired", donor.fullName(), firstName,
					formats.date(due), links.absolute("/tree")));
	}

}
