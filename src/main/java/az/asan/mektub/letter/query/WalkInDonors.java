package az.asan.mektub.letter.query;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who took a letter off a centre's paper tree, for the pages of volunteers and staff only: the walk-in
 * donor's name and phone (private, anonymised by retention), the centre and the volunteer at the desk.
 * No public page asks for it.
 */
@Component
public class WalkInDonors {

	/** A walk-in adoption as the desk recorded it; name and phone are null once anonymised. */
	public record WalkIn(String name, String phone, Long pointId, String recordedBy, Instant at) {
	}

	private final JdbcClient jdbc;

	WalkInDonors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The walk-in adoption of the letter, if it was taken at a centre and not given back since. */
	@Transactional(readOnly = true)
	public Optional<WalkIn> of(long letterId) {
		return jdbc.sql("""
				SELECT l.walk_in_name, l.walk_in_phone, l.walk_in_point_id, u.full_name, l.adopted_at
				FROM letter l LEFT JOIN app_user u ON u.id = l.walk_in_by
				WHERE l.id = ? AND l.walk_in""")
			.param(letterId)
			.query((rs, n) -> new WalkIn(rs.getString("walk_in_name"), rs.getString("walk_in_phone"),
					(Long) rs.getObject("walk_in_point_id"), rs.getString("full_name"),
					rs.getTimestamp("adopted_at") == null ? null : rs.getTimestamp("adopted_at").toInstant()))
			.optional();
	}

}
