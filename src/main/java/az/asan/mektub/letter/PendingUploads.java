package az.asan.mektub.letter;

import az.asan.mektub.platform.security.Randomness;

import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An image that came with a form the server sent back for correction. It is kept, already
 * re-encoded, under a random token that the form carries on, so that nobody has to choose the file
 * again; only its uploader can use the token, and it is dropped after a day.
 */
@Component
public class PendingUploads {

	public record Upload(String fileName, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	PendingUploads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public String keep(long userId, String fileName, byte[] bytes) {
		String token = Randomness.hex(16);
		String name = fileName == null || fileName.isBlank() ? "image.jpg" : fileName.strip();
		jdbc.sql("INSERT INTO pending_upload (token, user_id, file_name, bytes) VALUES (?, ?, ?, ?)")
			.params(token, userId, name.length() > 200 ? name.substring(0, 200) : name, bytes)
			.update();
		return token;
	}

	@Transactional(readOnly = true)
	public Optional<Upload> find(String token, long userId) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT file_name, bytes FROM pending_upload WHERE token = ? AND user_id = ?")
			.params(token, userId)
			.query((rs, n) -> new Upload(rs.getString("file_name"), rs.getBytes("bytes")))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<String> fileName(String token, long userId) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT file_name FROM pending_upload WHERE token = ? AND user_id = ?")
			.params(token, userId)
			.query(String.class)
			.optional();
	}

	@Transactional
	public void discard(String token) {
		if (token != null) {
			jdbc.sql("DELETE FROM pending_upload WHERE token = ?").param(token).update();
		}
	}

	@Scheduled(cron = "#{@asanProperties.jobs().pendingUploads().cron()}")
	@SchedulerLock(name = "pendingUploadsCleanup")
	@Transactional
	public void dropOldOnes() {
		jdbc.sql("DELETE FROM pending_upload WHERE created_at < now() - interval '1 day'").update();
	}

}
