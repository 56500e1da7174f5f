package az.asan.mektub.notification;

import java.util.List;

import org.junit.jupiter.api.Test;

import az.asan.mektub.notification.MailboxController.Part;

import static org.assertj.core.api.Assertions.assertThat;

/** Links in the local mailbox: the app's own addresses become links, anything else stays text. */
class MailboxLinksTest {

	private static final String BASE = "https://mektub.asan.az";

	@Test
	void onlyTheAppsOwnAddressesBecomeLinks() {
		List<Part> parts = MailboxController.parts("""
				Open https://mektub.asan.az/me/adoptions/AB12-CD34.
				Not https://mektub.asan.az.evil.test/x, nor javascript:alert(1), nor http://other.test/""", BASE);
		assertThat(parts).filteredOn(p -> p.href() != null)
			.containsExactly(new Part("https://mektub.asan.az/me/adoptions/AB12-CD34", "https://mektub.asan.az/me/adoptions/AB12-CD34"));
		assertThat(String.join("", parts.stream().map(Part::text).toList())).as("nothing lost").isEqualTo("""
				Open https://mektub.asan.az/me/adoptions/AB12-CD34.
				Not https://mektub.asan.az.evil.test/x, nor javascript:alert(1), nor http://other.test/""");
	}

	@Test
	void aMailWithoutLinksIsOnePieceOfText() {
		assertThat(MailboxController.parts("Salam <b>", BASE)).containsExactly(new Part("Salam <b>", null));
	}

}
