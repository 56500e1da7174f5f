package az.asan.mektub.platform.database;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How messages between nodes are packed into PostgreSQL's notifications (under 8 000 bytes each). */
class ClusterMessagesUnitTest {

	@Test
	void theSameMomentsMessagesGoInOneNotificationAfterTheNodesName() {
		assertThat(ClusterMessages.payloads("node-1", List.of("letter-changed\nABC 3", "letter-changed\nDEF 4")))
			.containsExactly("node-1\nletter-changed\nABC 3\nletter-changed\nDEF 4");
	}

	@Test
	void aRushIsSplitIntoNotificationsPostgresqlTakesEachWithTheNodesName() {
		List<String> messages = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			messages.add("letter-changed\nLETTER" + i + " 12");
		}
		List<String> payloads = ClusterMessages.payloads("node-1", messages);

		assertThat(payloads).hasSizeGreaterThan(1)
			.allSatisfy(payload -> assertThat(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
				.isLessThanOrEqualTo(ClusterMessages.MAX_PAYLOAD))
			.allSatisfy(payload -> assertThat(payload).startsWith("node-1\nletter-changed\n"));
		assertThat(payloads.stream().mapToLong(p -> p.lines().count() - 1).sum()).isEqualTo(2L * messages.size());
	}

}
