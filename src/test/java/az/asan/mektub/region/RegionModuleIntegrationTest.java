package az.asan.mektub.region;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import az.asan.mektub.platform.i18n.Collation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region module started alone, with the module it depends on (platform.i18n) and the real database:
 * the reference data loads from its own table, and nothing of the feature modules is there.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class RegionModuleIntegrationTest {

	@Autowired
	Regions regions;

	@Autowired
	RegionOptions regionOptions;

	@Autowired
	Collation collation;

	@Autowired
	ApplicationContext context;

	@Test
	void startsWithItsDependenciesOnlyAndReadsTheRegions() {
		assertThat(regions.acceptingLetters()).isNotEmpty();
		assertThat(regions.byCode("AZ-ISM")).get()
			.satisfies(r -> assertThat(r.name(Locale.ENGLISH)).isEqualTo("Ismailli"));
		assertThat(regionOptions.where(r -> r.code().equals("AZ-ISM"))).singleElement()
			.satisfies(o -> assertThat(o.value()).isEqualTo(String.valueOf(regions.byCode("AZ-ISM").orElseThrow().id())));
		for (String other : new String[] { "letter", "tree", "adoption", "account", "campaign", "report" }) {
			assertThat(context.getBeanDefinitionNames()).noneSatisfy(name -> assertThat(
					context.getType(name) == null ? "" : context.getType(name).getName())
				.startsWith("az.asan.mektub." + other + "."));
		}
	}

}
