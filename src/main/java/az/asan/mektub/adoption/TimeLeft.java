package az.asan.mektub.adoption;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import az.asan.mektub.platform.i18n.Formats;

/**
 * How long a hold has left, as a person reads it: days while a day or more is left, then hours, then
 * minutes. A hold lasts to the end of its due date in Baku (the expiry job releases it the day after),
 * so that is the moment counted to; {@code static/js/countdown.js} keeps the same words counting down
 * where scripts run.
 */
record TimeLeft(Instant deadline, Unit unit, long amount) {

	enum Unit {

		DAYS, HOURS, MINUTES, OVER

	}

	static TimeLeft until(LocalDate dueDate, Instant now) {
		Instant deadline = dueDate.plusDays(1).atStartOfDay(Formats.BAKU).toInstant();
		Duration left = Duration.between(now, deadline);
		if (left.isNegative() || left.isZero()) {
			return new TimeLeft(deadline, Unit.OVER, 0);
		}
		if (left.toDays() >= 1) {
			return new TimeLeft(deadline, Unit.DAYS, left.toDays());
		}
		// what is started counts: 90 minutes are "2 hours left", 30 seconds "1 minute left"
		if (left.compareTo(Duration.ofHours(1)) > 0) {
			return new TimeLeft(deadline, Unit.HOURS, (left.toMinutes() + 59) / 60);
		}
		return new TimeLeft(deadline, Unit.MINUTES, Math.max(1, (left.toSeconds() + 59) / 60));
	}

	/** The bundle key of the words, {@code adoptions.timeLeft.days} and so on. */
	public String messageKey() {
		return "adoptions.timeLeft." + unit.name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The moment counted to, for the script. */
	public long deadlineMillis() {
		return deadline.toEpochMilli();
	}

	/** Under a day: shown as urgent. */
	public boolean urgent() {
		return unit != Unit.DAYS || amount <= 2;
	}

}
