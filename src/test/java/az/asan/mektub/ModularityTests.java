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
