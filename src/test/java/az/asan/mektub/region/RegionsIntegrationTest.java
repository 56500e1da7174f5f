package az.asan.mektub.region;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegionsIntegrationTest {

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyFirstLevelUnitAndEveryBakuDistrictIsThere() {
		assertThat(regions.all()).hasSize(79 + 12);
		assertThat(regions.all().stream().filter(r -> r.parentId() == null)).hasSize(79);
		assertThat(regions.byCode("AZ-ISM")).get().satisfies(r -> {
			assertThat(r.name(Locale.forLanguageTag("az"))).isEqualTo("İsmayıllı");
			assertThat(r.name(Locale.ENGLISH)).isEqualTo("Ismailli");
			assertThat(r.name(Locale.forLanguageTag("ru"))).isEqualTo("Исмаиллы");
			assertThat(r.economicRegion().name(Locale.ENGLISH)).isEqualTo("Mountainous Shirvan");
		});
		Region bakuDistrict = regions.byCode("AZ-BA-YAS").orElseThrow();
		assertThat(bakuDistrict.reportingRegionId()).isEqualTo(regions.byCode("AZ-BA").orElseThrow().id());
		assertThat(regions.economicRegions()).hasSize(14);
	}

	@Test
	void namesSortTheAzerbaijaniWay() {
		List<String> names = regions.all().stream().map(r -> r.name(Locale.forLanguageTag("az"))).toList();
		// Azerbaijani alphabet: … S Ş T …, C Ç D …, G Ğ H …, I İ J … — not code-point order.
		assertThat(names.indexOf("Şabran")).isBetween(names.indexOf("Sumqayıt"), names.indexOf("Tərtər"));
		assertThat(names.indexOf("Culfa")).isLessThan(names.indexOf("Daşkəsən"));
		assertThat(names.indexOf("İsmayıllı")).isLessThan(names.indexOf("Kəlbəcər"));
	}

	@Test
	void citiesThatShareADistrictsNameSaySoInTheirLabel() {
		Region city = regions.byCode("AZ-SA").orElseThrow();
		Region district = regions.byCode("AZ-SAK").orElseThrow();
		assertThat(city.label(Locale.ENGLISH, "city")).isEqualTo("Shaki (city)");
		assertThat(district.label(Locale.ENGLISH, "district")).isEqualTo("Shaki");
	}

	@Test
	void caseFoldingKnowsTheDottedAndDotlessI() {
		String folded = jdbc.sql("SELECT lower('İSMAYILLI' COLLATE \"az-x-icu\")").query(String.class).single();
		assertThat(folded).isEqualTo("ismayıllı");
	}

}
