package az.asan.mektub;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.letter.Letters;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The beans most {@link IntegrationTest} classes use, wired once here instead of in a copied block of
 * fields in each class (issue 24). A class extends it and keeps its own {@code @IntegrationTest}; the
 * application context is the same one every integration test shares, so nothing starts again.
 */
public abstract class IntegrationTestBase {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected UserDetailsService users;

	@Autowired
	protected Letters letters;

	@Autowired
	protected TransactionTemplate tx;

	@Autowired
	protected AccountManagement accounts;

	/** The port the app listens on, for clients over real HTTP. */
	@LocalServerPort
	protected int port;

	/** The id of a region of the demo data, by its ISO code (e.g. {@code "AZ-GA"}). */
	protected int region(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = ?").param(code).query(Integer.class).single();
	}

	/** The ids of regions of the demo data, by their ISO codes. */
	protected Set<Integer> regions(String... codes) {
		Set<Integer> regions = new HashSet<>();
		for (String code : codes) {
			regions.add(region(code));
		}
		return regions;
	}

	/** The first hand-over point (the ASAN centre) of a region, by the region's ISO code. */
	protected long point(String regionCode) {
		return jdbc.sql("""
				SELECT min(p.id) FROM handover_point p JOIN region r ON r.id = p.region_id WHERE r.code = ?""")
			.param(regionCode)
			.query(Long.class)
			.single();
	}

	/** A letter's status now, by its public code. */
	protected String statusOf(String code) {
		return jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single();
	}

	/** A letter's moves, oldest first, each as {@code FROM>TO} ({@code null>RECEIVED} for the first). */
	protected List<String> historyOf(String code) {
		return jdbc.sql("""
				SELECT coalesce(h.from_status, 'null') || '>' || h.to_status FROM letter_status_change h
				JOIN letter l ON l.id = h.letter_id WHERE l.code = ? ORDER BY h.changed_at, h.id""")
			.param(code)
			.query(String.class)
			.list();
	}

}
