package az.asan.mektub.letter;

import java.util.Optional;

import az.asan.mektub.letter.sql.LetterSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pictures of a letter: the scan of the handwritten letter and the photo of the gift handed
 * over. Only bytes that went through {@link az.asan.mektub.letter.ImageSanitizer} arrive here.
 */
@Component
public class LetterImages {

	public enum Kind {

		SCAN, GIFT_PHOTO

	}

	private final JdbcClient jdbc;

	LetterImages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void store(long letterId, Kind kind, byte[] jpeg) {
		jdbc.sql("""
				INSERT INTO letter_image (letter_id, kind, content_type, bytes) VALUES (:id, :kind, 'image/jpeg', :bytes)
				ON CONFLICT (letter_id, kind) DO UPDATE SET bytes = EXCLUDED.bytes, created_at = now()""")
			.param("id", letterId)
			.param("kind", kind.name())
			.param("bytes", jpeg)
			.update();
	}

	/**
	 * The picture of a letter as the public may see it: only while the letter is on the tree and
	 * only if the volunteer marked it shareable.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> publicPicture(String code) {
		return jdbc.sql("""
				SELECT i.bytes FROM letter_image i JOIN letter l ON l.id = i.letter_id
				WHERE l.code = ? AND %s AND l.scan_shareable AND i.kind = 'SCAN'""".formatted(
				LetterSql.is("l", LetterStatus.PUBLISHED)))
			.param(code)
			.query(byte[].class)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> read(long letterId, Kind kind) {
		return jdbc.sql("SELECT bytes FROM letter_image WHERE letter_id = ? AND kind = ?")
			.param(letterId)
			.param(kind.name())
			.query(byte[].class)
			.optional();
	}

}
