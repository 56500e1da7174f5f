package az.asan.mektub.platform.database;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** When each scheduled job last ran and what it did, so that staff can see the jobs are alive. */
@Component
public class JobRuns {

	public record Run(String name, Instant startedAt, Instant finishedAt, String detail) {

		/** What the result message is given: a count as a number (grouped like 10 512), else the text. */
		public Object argument() {
			return detail != null && detail.matches("\\d{1,18}") ? (Object) Long.valueOf(detail) : detail;
		}

	}

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	JobRuns(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
	}

	/** Recorded in a transaction of its own, so a failing job still leaves its trace. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void finished(String name, Instant startedAt, String detail) {
		meters.counter("asan.job.runs", "job", name).increment();
		jdbc.sql("""
				INSERT INTO job_run (name, started_at, finished_at, detail) VALUES (:name, :started, now(), :detail)
				ON CONFLICT (name) DO UPDATE SET started_at = EXCLUDED.started_at, finished_at = now(), detail = EXCLUDED.detail""")
			.param("name", name)
			.param("started", java.sql.Timestamp.from(startedAt))
			.param("detail", detail)
			.update();
	}

	@Transactional(readOnly = true)
	public List<Run> all() {
		return jdbc.sql("SELECT name, started_at, finished_at, detail FROM job_run ORDER BY name")
			.query((rs, n) -> new Run(rs.getString("name"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
					rs.getString("detail")))
			.list();
	}

}
