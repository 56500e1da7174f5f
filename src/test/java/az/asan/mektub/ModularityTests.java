package az.asan.mektub;

import org.junit.jupiter.api.Test;

import az.asan.mektub.letter.LetterManagement;
import az.asan.mektub.letter.importing.LetterImport;
import az.asan.mektub.letter.privacy.PersonalDataCheck;
import az.asan.mektub.letter.query.LetterStatistics;
import az.asan.mektub.letter.web.PaperTreeForm;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MektubApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	@Test
	void theSharedCodeIsSplitIntoClosedPlatformModules() {
		// issue 24: no flat, open "system" package; each platform module is checked like a feature
		assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
			.contains("az.asan.mektub.platform.settings", "az.asan.mektub.platform.i18n",
					"az.asan.mektub.platform.database", "az.asan.mektub.platform.security",
					"az.asan.mektub.platform.web")
			.doesNotContain("az.asan.mektub.system", "az.asan.mektub.platform");
		assertThat(modules.stream().filter(ApplicationModule::isOpen).map(ApplicationModule::getIdentifier)).isEmpty();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	@Test
	void letterPublishesItsDomainQueriesAndPrivacyCheckOnly() {
		ApplicationModule letter = modules.getModuleByName("letter").orElseThrow();
		assertThat(letter.getNamedInterfaces().stream().filter(NamedInterface::isNamed).map(NamedInterface::getName))
			.contains("query", "privacy");
		// the module's API (root package) and its named interfaces are open to other modules...
		assertThat(letter.isExposed(LetterManagement.class)).isTrue();
		assertThat(letter.isExposed(LetterStatistics.class)).isTrue();
		assertThat(letter.isExposed(PersonalDataCheck.class)).isTrue();
		// ...its pages and the import are not, public or not
		assertThat(letter.isExposed(LetterImport.class)).isFalse();
		assertThat(letter.isExposed(PaperTreeForm.class)).isFalse();
	}

}
