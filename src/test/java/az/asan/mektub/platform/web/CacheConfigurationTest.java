package az.asan.mektub.platform.web;

import az.asan.mektub.platform.settings.SettingsConfiguration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one place that decides what is cached, for how long, and how a value is read through a cache. */
class CacheConfigurationTest {

	private final AtomicInteger computed = new AtomicInteger();

	@Test
	void everyCacheExistsWithTheTimeItsSettingGivesAndZeroKeepsNothing() {
		new ApplicationContextRunner().withUserConfiguration(SettingsConfiguration.class, CacheConfiguration.class)
			.withPropertyValues("asan.tree.cache-seconds=0", "asan.reports.cache-seconds=60")
			.run(context -> everyCacheExistsWithTheTimeItsSettingGives(context.getBean(CacheManager.class)));
	}

	private void everyCacheExistsWithTheTimeItsSettingGives(CacheManager caches) {
		assertThat(caches.getCacheNames()).containsExactlyInAnyOrder(CacheConfiguration.TREE_PAGES,
				CacheConfiguration.TREE_BODIES, CacheConfiguration.LETTER_PAGES, CacheConfiguration.REPORT_BODIES,
				CacheConfiguration.DESK, CacheConfiguration.PAGE_SHELLS, CacheConfiguration.HANDOVER_POINTS,
				CacheConfiguration.RENDERED_PARTS, CacheConfiguration.HOME_TOTALS, CacheConfiguration.IMPACT);
		for (String keptAsTheTree : new String[] { CacheConfiguration.PAGE_SHELLS, CacheConfiguration.HANDOVER_POINTS,
				CacheConfiguration.RENDERED_PARTS }) {
			assertThat(CacheConfiguration.keeps(caches.getCache(keptAsTheTree))).as(keptAsTheTree).isFalse();
		}
		Cache tree = caches.getCache(CacheConfiguration.TREE_BODIES);
		assertThat(CacheConfiguration.keeps(tree)).isFalse();
		CacheConfiguration.get(tree, "k", computed::incrementAndGet);
		CacheConfiguration.get(tree, "k", computed::incrementAndGet);
		assertThat(computed).hasValue(2);

		Cache reports = caches.getCache(CacheConfiguration.REPORT_BODIES);
		assertThat(CacheConfiguration.keeps(reports)).isTrue();
		assertThat(CacheConfiguration.get(reports, "k", computed::incrementAndGet)).isEqualTo(3);
		assertThat(CacheConfiguration.get(reports, "k", computed::incrementAndGet)).isEqualTo(3);
		assertThat(CacheConfiguration.get(reports, "other", computed::incrementAndGet)).isEqualTo(4);
	}

	@Test
	void aValueIsKeptForItsTimeOnly() throws InterruptedException {
		Cache cache = CacheConfiguration.shortLived("test", Duration.ofMillis(200), 10);
		CacheConfiguration.get(cache, "k", computed::incrementAndGet);
		CacheConfiguration.get(cache, "k", computed::incrementAndGet);
		assertThat(computed).hasValue(1);
		Thread.sleep(300);
		assertThat(CacheConfiguration.get(cache, "k", computed::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void whatTheComputationThrowsReachesTheCallerUnchangedAndNothingIsKept() {
		for (Cache cache : List.of(CacheConfiguration.shortLived("on", Duration.ofMinutes(1), 10),
				CacheConfiguration.shortLived("off", Duration.ZERO, 10))) {
			assertThatThrownBy(() -> CacheConfiguration.get(cache, "missing", () -> {
				throw new NotFound();
			})).isInstanceOf(NotFound.class);
			assertThat(CacheConfiguration.get(cache, "missing", () -> "found")).isEqualTo("found");
		}
	}

	@Test
	void aRushForAMissingValueComputesItOnce() throws Exception {
		Cache cache = CacheConfiguration.shortLived("rush", Duration.ofMinutes(1), 10);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return CacheConfiguration.get(cache, "tree", () -> {
						try {
							Thread.sleep(100);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						return computed.incrementAndGet();
					});
				}));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(computed).hasValue(1);
	}

}
