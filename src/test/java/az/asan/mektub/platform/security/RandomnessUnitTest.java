package az.asan.mektub.platform.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Random bytes for tokens and codes: as long as asked, never repeated, drawn by many threads at once. */
class RandomnessUnitTest {

	@Test
	void givesAsManyBytesAsAskedAndHexOfTwiceTheLength() {
		assertThat(Randomness.bytes(32)).hasSize(32);
		assertThat(Randomness.hex(16)).hasSize(32).matches("[0-9a-f]{32}");
	}

	@Test
	void aNumberBelowItsBoundCoversTheWholeRange() {
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < 5_000; i++) {
			int n = Randomness.below(32);
			assertThat(n).isBetween(0, 31);
			seen.add(n);
		}
		assertThat(seen).hasSize(32);
	}

	@Test
	void threadsDrawingAtOnceNeverGetTheSameToken() throws Exception {
		// given
		int threads = 8;
		int each = 2_000;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CyclicBarrier start = new CyclicBarrier(threads);
		try {
			// when: every thread draws tokens at the same moment
			List<Future<List<String>>> drawn = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				drawn.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					List<String> mine = new ArrayList<>();
					for (int i = 0; i < each; i++) {
						mine.add(Randomness.hex(16));
					}
					return mine;
				}));
			}
			// then: no two tokens anywhere are equal (each thread's generator is seeded on its own)
			Set<String> all = new HashSet<>();
			for (Future<List<String>> tokens : drawn) {
				all.addAll(tokens.get(30, TimeUnit.SECONDS));
			}
			assertThat(all).hasSize(threads * each);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
