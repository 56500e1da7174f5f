package az.asan.mektub.letter.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import az.asan.mektub.letter.LetterStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which service centre's paper tree each letter of a page hangs on, for the online tree's cards: one
 * query for the whole page, whatever its size. A letter hangs there while it is on the tree.
 */
@Component
public class PaperTreeLocations {

	private final JdbcClient jdbc;

	PaperTreeLocations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The handover point id of the paper tree by letter code, for the given codes that hang on one. */
	@Transactional(readOnly = true)
	public Map<String, Long> of(Collection<String> codes) {
		// asked even for an empty page, so that every page of the tree issues the same number of queries
		Map<String, Long> hanging = new HashMap<>();
		jdbc.sql("""
				SELECT code, paper_tree_point_id FROM letter
				WHERE code = ANY(CAST(:codes AS text[])) AND status = :onTree AND paper_tree_point_id IS NOT NULL""")
			.param("codes", codes.toArray(String[]::new))
			.param("onTree", LetterStatus.PUBLISHED.name())
			.query(rs -> {
				hanging.put(rs.getString("code"), rs.getLong("paper_tree_point_id"));
			});
		return hanging;
	}

}
