package az.asan.mektub.account;

import java.util.Set;

import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.database.BeforeServing;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A real deployment has no default passwords: its first administrator comes from
 * {@code ASAN_ADMIN_EMAIL} and {@code ASAN_ADMIN_PASSWORD} on the first start, and only while no
 * administrator exists.
 */
@Component
@Order(10)
class FirstAdministrator implements BeforeServing {

	private final Log log = LogFactory.getLog(FirstAdministrator.class);

	private final Accounts accounts;

	private final AccountManagement management;

	private final String email;

	private final String password;

	FirstAdministrator(Accounts accounts, AccountManagement management, AsanProperties asan) {
		this.accounts = accounts;
		this.management = management;
		this.email = asan.admin().email() == null ? "" : asan.admin().email();
		this.password = asan.admin().password() == null ? "" : asan.admin().password();
	}

	@Override
	public void prepare() {
		if (email.isBlank() || password.isBlank() || accounts.existsByRole(Role.ADMIN)) {
			return;
		}
		if (password.length() < 12) {
			log.warn("ASAN_ADMIN_PASSWORD must have at least 12 characters; no administrator was created");
			return;
		}
		management.create(email, password, "Administrator", Role.ADMIN, Set.of());
		log.info("Created the first administrator account");
	}

}
