package az.asan.mektub.platform.security;

import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a person's sessions on every node at once: sessions live in PostgreSQL, indexed by the name
 * the person signed in with. Called when what a session stands for stops being true (the account
 * was locked, its role, regions or password changed, it was deleted), so nobody keeps rights they
 * lost until their session would have expired. Inside a transaction the sessions end once it
 * commits, so a change that is rolled back signs nobody out, and one that commits leaves no window.
 */
@Component
public class Sessions {

	private final FindByIndexNameSessionRepository<? extends Session> repository;

	Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
		this.repository = repository;
	}

	/** Every session of the person who signed in as {@code principal}. */
	public void endAll(String principal) {
		endAllBut(principal, null);
	}

	/** Every session of that person but the one they are using now (after they changed their own password). */
	public void endAllBut(String principal, String keptSessionId) {
		if (principal == null) {
			return;
		}
		Runnable end = () -> {
			if (repository instanceof SessionStore store) {
				// stored ids are keyed hashes of the cookies' ids: the store compares and deletes them
				store.endAllBut(principal, keptSessionId);
				return;
			}
			Map<String, ? extends Session> sessions = repository.findByPrincipalName(principal);
			sessions.keySet().stream().filter(id -> !id.equals(keptSessionId)).forEach(repository::deleteById);
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					end.run();
				}

			});
		}
		else {
			end.run();
		}
	}

}
