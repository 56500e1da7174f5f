package az.asan.mektub.adoption;

import java.time.Instant;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import az.asan.mektub.letter.LetterHolds;
import az.asan.mektub.platform.database.JobRuns;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Letters an organisation reserved for its team go back to the free tree when the reservation's
 * hours are over. Runs on one node of the cluster at a time (ShedLock, as the hold jobs), and the
 * release is one statement that only touches reservations still past their end, so two runs at once
 * release each letter once.
 */
@Component
public class ReservationExpiry {

	private final Log log = LogFactory.getLog(ReservationExpiry.class);

	private final LetterHolds holds;

	private final JobRuns jobRuns;

	ReservationExpiry(LetterHolds holds, JobRuns jobRuns) {
		this.holds = holds;
		this.jobRuns = jobRuns;
	}

	@Scheduled(cron = "#{@asanProperties.jobs().reservationExpiry().cron()}", zone = "Asia/Baku")
	@SchedulerLock(name = "reservationExpiry", lockAtMostFor = "PT10M")
	public void releaseExpired() {
		release(Instant.now());
	}

	/**
	 * The same, for a given moment (tests move the clock here rather than wait): under the same lock,
	 * so it runs once in the cluster. How many letters went back to the tree.
	 */
	@SchedulerLock(name = "reservationExpiry", lockAtMostFor = "PT10M")
	public Optional<Integer> releaseExpiredAt(Instant now) {
		return Optional.of(release(now));
	}

	private int release(Instant now) {
		Instant started = Instant.now();
		int released = holds.releaseReservations(now);
		if (released > 0) {
			log.info("Released " + released + " reserved letters back to the tree");
		}
		jobRuns.finished("reservationExpiry", started, String.valueOf(released));
		return released;
	}

}
