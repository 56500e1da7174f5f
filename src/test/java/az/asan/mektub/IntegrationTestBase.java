package az.asan.mektub;

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

	/** The port the app listens on, for clients over real HTTP. */
	@LocalServerPort
	protected int port;

}
