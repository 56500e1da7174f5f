package az.asan.mektub.letter.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import az.asan.mektub.account.RegionScope;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Long imports, run in the background so that the volunteer's request does not wait a minute. The
 * run's progress (rows checked, rows written) and its result (what was imported, or the problems in
 * the volunteer's language) are kept in PostgreSQL, each update in its own short transaction, so that
 * the status page answers the same from every node; the import itself stays one transaction, so a
 * run that stops half-way (its node went down) has written nothing and is shown as stopped.
 */
@Component
class ImportRuns {

	private static final Log logger = LogFactory.getLog(ImportRuns.class);

	/** A run that has told nothing for this long has stopped with its node. */
	static final Duration SILENT = Duration.ofMinutes(5);

	/** Runs are kept this long for their page, then forgotten. */
	private static final Duration KEPT = Duration.ofDays(7);

	enum State {
		RUNNING, DONE, REFUSED, FAILED
	}

	/** A run as its page shows it. */
	record Run(UUID id, State state, int rowsTotal, int rowsChecked, int rowsWritten, Integer imported,
			Integer alreadyPresent, String encoding, List<LetterImport.Problem> problems, boolean moreProblems,
			boolean exampleSkipped) {

		public boolean running() {
			return state == State.RUNNING;
		}

		/** Rows checked and written, of twice the total, for one progress bar over both readings. */
		public int steps() {
			return rowsChecked + rowsWritten;
		}

		public int allSteps() {
			return Math.max(1, rowsTotal * 2);
		}

		public LetterImport.Result result() {
			return new LetterImport.Result(imported == null ? 0 : imported, alreadyPresent == null ? 0 : alreadyPresent,
					problems, moreProblems, encoding == null ? "" : encoding, exampleSkipped);
		}

	}

	private final LetterImport importer;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final AtomicInteger threads = new AtomicInteger();

	/** Two runs at a time per node; more wait their turn (their page says 0 rows checked meanwhile). */
	private final ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
		Thread thread = new Thread(task, "letter-import-" + threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	ImportRuns(LetterImport importer, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.importer = importer;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Keeps the file in a folder of its own, records the run and starts it; the run's id names its page. */
	UUID start(MultipartFile file, Long campaignId, RegionScope scope, long volunteerId, int rows) throws IOException {
		Path folder = Files.createTempDirectory("asan-import-");
		Path copy = folder.resolve("upload");
		file.transferTo(copy);
		UUID id = UUID.randomUUID();
		jdbc.sql("DELETE FROM letter_import_run WHERE started_at < ?").param(Timestamp.from(Instant.now().minus(KEPT))).update();
		jdbc.sql("""
				INSERT INTO letter_import_run (id, volunteer_id, campaign_id, state, rows_total)
				VALUES (?, ?, ?, 'RUNNING', ?)""").params(id, volunteerId, campaignId == null ? 0L : campaignId, rows).update();
		Locale locale = LocaleContextHolder.getLocale();
		executor.execute(() -> work(id, copy, campaignId, scope, volunteerId, locale));
		return id;
	}

	private void work(UUID id, Path copy, Long campaignId, RegionScope scope, long volunteerId, Locale locale) {
		LocaleContextHolder.setLocale(locale);
		try {
			LetterImport.Result result = importer.run(() -> Files.newInputStream(copy), campaignId, scope, volunteerId,
					new LetterImport.Progress() {
						@Override
						public void checked(int rows) {
							update("UPDATE letter_import_run SET rows_checked = ?, updated_at = now() WHERE id = ?", rows, id);
						}

						@Override
						public void written(int rows) {
							update("UPDATE letter_import_run SET rows_written = ?, updated_at = now() WHERE id = ?", rows, id);
						}
					});
			finish(id, result);
		}
		catch (Exception | LinkageError ex) {
			logger.error("Letter import " + id + " failed", ex);
			update("UPDATE letter_import_run SET state = 'FAILED', updated_at = now() WHERE id = ?", id);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
			try {
				Files.deleteIfExists(copy);
				Files.deleteIfExists(copy.getParent());
			}
			catch (IOException ex) {
				logger.warn("Could not delete " + copy + ": " + ex.getMessage());
			}
		}
	}

	private void finish(UUID id, LetterImport.Result result) {
		ownTransaction.executeWithoutResult(status -> {
			List<LetterImport.Problem> problems = result.problems();
			for (int i = 0; i < problems.size(); i++) {
				LetterImport.Problem p = problems.get(i);
				jdbc.sql("""
						INSERT INTO letter_import_problem (run_id, position, line, column_name, message)
						VALUES (?, ?, ?, ?, ?)""")
					.params(id, i, p.line(), truncate(p.column(), 40), truncate(p.message(), 2000))
					.update();
			}
			jdbc.sql("""
					UPDATE letter_import_run SET state = ?, imported = ?, already_present = ?, encoding = ?,
					       more_problems = ?, example_skipped = ?, rows_written = CASE WHEN ? THEN rows_total ELSE rows_written END,
					       updated_at = now()
					WHERE id = ?""")
				.params(result.ok() ? State.DONE.name() : State.REFUSED.name(), result.imported(), result.alreadyPresent(),
						truncate(result.encoding(), 120), result.moreProblems(), result.exampleSkipped(), result.ok(), id)
				.update();
		});
	}

	private void update(String sql, Object... params) {
		ownTransaction.executeWithoutResult(status -> jdbc.sql(sql).params(params).update());
	}

	/** The volunteer's own run; another's answers empty, as one that does not exist. */
	Optional<Run> find(UUID id, long volunteerId) {
		return jdbc.sql("""
				SELECT id, state, rows_total, rows_checked, rows_written, imported, already_present, encoding,
				       more_problems, example_skipped, updated_at < now() - make_interval(secs => ?) AS silent
				FROM letter_import_run WHERE id = ? AND volunteer_id = ?""")
			.params(SILENT.toSeconds(), id, volunteerId)
			.query((rs, n) -> {
				State state = State.valueOf(rs.getString("state"));
				if (state == State.RUNNING && rs.getBoolean("silent")) {
					state = State.FAILED;
				}
				return new Run(rs.getObject("id", UUID.class), state, rs.getInt("rows_total"), rs.getInt("rows_checked"),
						rs.getInt("rows_written"), (Integer) rs.getObject("imported"),
						(Integer) rs.getObject("already_present"), rs.getString("encoding"), List.of(),
						rs.getBoolean("more_problems"), rs.getBoolean("example_skipped"));
			})
			.optional()
			.map(run -> run.state() != State.REFUSED ? run
					: new Run(run.id(), run.state(), run.rowsTotal(), run.rowsChecked(), run.rowsWritten(), run.imported(),
							run.alreadyPresent(), run.encoding(), problems(run.id()), run.moreProblems(), run.exampleSkipped()));
	}

	/** A run as the import page lists it among the volunteer's recent ones. */
	record Recent(UUID id, State state, Instant startedAt, int rowsTotal, Integer imported) {
	}

	/** The volunteer's own last runs, newest first, so that a run's page can be found again. */
	List<Recent> recent(long volunteerId, int limit) {
		return jdbc.sql("""
				SELECT id, state, started_at, rows_total, imported,
				       updated_at < now() - make_interval(secs => ?) AS silent
				FROM letter_import_run WHERE volunteer_id = ? ORDER BY started_at DESC, id LIMIT ?""")
			.params(SILENT.toSeconds(), volunteerId, limit)
			.query((rs, n) -> {
				State state = State.valueOf(rs.getString("state"));
				if (state == State.RUNNING && rs.getBoolean("silent")) {
					state = State.FAILED;
				}
				return new Recent(rs.getObject("id", UUID.class), state, rs.getTimestamp("started_at").toInstant(),
						rs.getInt("rows_total"), (Integer) rs.getObject("imported"));
			})
			.list();
	}

	private List<LetterImport.Problem> problems(UUID id) {
		return jdbc.sql("SELECT line, column_name, message FROM letter_import_problem WHERE run_id = ? ORDER BY position")
			.param(id)
			.query((rs, n) -> new LetterImport.Problem(rs.getLong("line"), rs.getString("column_name"),
					rs.getString("message")))
			.list();
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

}
