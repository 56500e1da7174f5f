package az.asan.mektub.adoption;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import az.asan.mektub.platform.i18n.Formats;

import static org.assertj.core.api.Assertions.assertThat;

/** A hold's time left, as the server says it: to the end of the due date in Baku. */
class TimeLeftUnitTest {

	private static final LocalDate DUE = LocalDate.of(2026, 12, 21);

	@Test
	void wholeDaysWhileADayOrMoreIsLeftThenStartedHoursThenStartedMinutes() {
		assertThat(at("2026-12-07T10:00")).isEqualTo(new TimeLeft(end(), TimeLeft.Unit.DAYS, 14));
		assertThat(at("2026-12-21T00:00")).isEqualTo(new TimeLeft(end(), TimeLeft.Unit.DAYS, 1));
		assertThat(at("2026-12-21T00:00:01").unit()).isEqualTo(TimeLeft.Unit.HOURS);
		assertThat(at("2026-12-21T00:00:01").amount()).isEqualTo(24);
		assertThat(at("2026-12-21T22:30")).isEqualTo(new TimeLeft(end(), TimeLeft.Unit.HOURS, 2));
		assertThat(at("2026-12-21T23:00")).isEqualTo(new TimeLeft(end(), TimeLeft.Unit.MINUTES, 60));
		assertThat(at("2026-12-21T23:59:30")).isEqualTo(new TimeLeft(end(), TimeLeft.Unit.MINUTES, 1));
		assertThat(at("2026-12-22T00:00").unit()).isEqualTo(TimeLeft.Unit.OVER);
		assertThat(at("2026-12-23T09:00").amount()).isZero();
	}

	@Test
	void saysItsWordsThroughTheBundlesCountedLinesAndIsUrgentInTheLastThreeDays() {
		assertThat(at("2026-12-07T10:00").messageKey()).isEqualTo("adoptions.timeLeft.days");
		assertThat(at("2026-12-21T12:00").messageKey()).isEqualTo("adoptions.timeLeft.hours");
		assertThat(at("2026-12-07T10:00").urgent()).isFalse();
		assertThat(at("2026-12-19T10:00").urgent()).isTrue();
		assertThat(at("2026-12-21T12:00").urgent()).isTrue();
		assertThat(at("2026-12-07T10:00").deadlineMillis()).isEqualTo(end().toEpochMilli());
	}

	private static TimeLeft at(String bakuTime) {
		return TimeLeft.until(DUE, ZonedDateTime.of(java.time.LocalDateTime.parse(bakuTime), Formats.BAKU).toInstant());
	}

	private static java.time.Instant end() {
		return DUE.plusDays(1).atStartOfDay(Formats.BAKU).toInstant();
	}

}
