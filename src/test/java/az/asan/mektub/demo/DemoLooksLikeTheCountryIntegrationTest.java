package az.asan.mektub.demo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.region.Regions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo's fulfilled wishes are where the country's children are (State Statistics Committee,
 * 1 January 2024), not spread by the alphabet; the program's totals stay its own.
 */
@IntegrationTest
class DemoLooksLikeTheCountryIntegrationTest {

	private static final Map<String, Double> POPULATION_SHARE = new LinkedHashMap<>();

	static {
		POPULATION_SHARE.put("Bakı", 23.0);
		POPULATION_SHARE.put("Lənkəran-Astara", 9.2);
		POPULATION_SHARE.put("Abşeron-Xızı", 8.6);
		POPULATION_SHARE.put("Qarabağ", 7.3);
		POPULATION_SHARE.put("Mərkəzi Aran", 7.1);
		POPULATION_SHARE.put("Qazax-Tovuz", 6.7);
		POPULATION_SHARE.put("Şəki-Zaqatala", 6.1);
		POPULATION_SHARE.put("Gəncə-Daşkəsən", 5.9);
		POPULATION_SHARE.put("Quba-Xaçmaz", 5.4);
		POPULATION_SHARE.put("Mil-Muğan", 5.1);
		POPULATION_SHARE.put("Şirvan-Salyan", 4.9);
		POPULATION_SHARE.put("Naxçıvan", 4.6);
		POPULATION_SHARE.put("Dağlıq Şirvan", 3.1);
		POPULATION_SHARE.put("Şərqi Zəngəzur", 3.0);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Test
	void fulfilledWishesByEconomicRegionFollowThePopulationWithBakuAboutAQuarter() {
		Map<String, Long> byEconomic = new HashMap<>();
		jdbc.sql("""
				SELECT e.name_az, count(*) AS letters FROM letter l
				JOIN campaign c ON c.id = l.campaign_id JOIN region r ON r.id = l.region_id
				JOIN economic_region e ON e.id = r.economic_region_id
				WHERE c.code LIKE 'AM-20%' AND c.status = 'CLOSED' AND l.status = 'FULFILLED'
				GROUP BY e.name_az""").query((rs, n) -> byEconomic.put(rs.getString(1), rs.getLong(2))).list();
		long total = byEconomic.values().stream().mapToLong(Long::longValue).sum();
		assertThat(total).isEqualTo(10_512);
		POPULATION_SHARE.forEach((name, share) -> assertThat(100.0 * byEconomic.getOrDefault(name, 0L) / total)
			.as(name).isCloseTo(share, within(Math.max(1.0, share * 0.15))));
	}

	@Test
	void bakuIsClearlyTheLargestRegionAndNoRegionIsLevelWithItByTheAlphabet() {
		List<Long> byRegion = jdbc.sql("""
				SELECT count(*) FROM letter l
				JOIN campaign c ON c.id = l.campaign_id JOIN region r ON r.id = l.region_id
				WHERE c.code LIKE 'AM-20%' AND c.status = 'CLOSED' AND l.status = 'FULFILLED'
				GROUP BY coalesce(r.parent_id, r.id) ORDER BY count(*) DESC""").query(Long.class).list();
		long baku = jdbc.sql("""
				SELECT count(*) FROM letter l
				JOIN campaign c ON c.id = l.campaign_id JOIN region r ON r.id = l.region_id
				WHERE c.code LIKE 'AM-20%' AND c.status = 'CLOSED' AND l.status = 'FULFILLED'
				  AND coalesce(r.parent_id, r.id) = (SELECT id FROM region WHERE code = 'AZ-BA')""").query(Long.class).single();
		assertThat(byRegion).hasSize(56);
		assertThat(byRegion.get(0)).isEqualTo(baku);
		assertThat(baku).as("Bakı, 23 % of the country").isBetween(2100L, 2800L);
		assertThat(byRegion.get(1)).as("the next region is far behind").isLessThan(baku / 3);
		// Bakı's wishes came true in its city districts, every one of them
		assertThat(jdbc.sql("""
				SELECT count(DISTINCT l.region_id) FROM letter l JOIN campaign c ON c.id = l.campaign_id
				JOIN region r ON r.id = l.region_id
				WHERE c.code LIKE 'AM-20%' AND l.status = 'FULFILLED' AND r.parent_id IS NOT NULL""").query(Long.class).single())
			.isEqualTo(12);
	}

	@Test
	void theSpreadIsExactAndTheSameEveryTime() {
		RegionalSpread spread = RegionalSpread.of(regions);
		List<Integer> reached = spread.reached(56);
		assertThat(reached).hasSize(56).doesNotHaveDuplicates();
		assertThat(spread.letters(1427, reached)).hasSize(1427).isEqualTo(RegionalSpread.of(regions).letters(1427, reached));
		assertThat(spread.letters(312, reached.subList(0, 12))).hasSize(312);
		// the program starts in every economic region's first town, Bakı first
		assertThat(regions.byId(reached.get(0)).orElseThrow().code()).isEqualTo("AZ-BA");
		assertThat(reached.subList(0, 14).stream().map(id -> regions.byId(id).orElseThrow().economicRegion().id()).distinct())
			.hasSize(14);
	}

}
