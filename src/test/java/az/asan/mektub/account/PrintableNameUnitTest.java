package az.asan.mektub.account;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pen test: a name took a right-to-left override, zero-width characters, ESC and line breaks, which
 * then hid or reordered text at the volunteers' desk, in staff lists, the audit log and CSV exports.
 * Every name field of the account forms refuses them ({@link PrintableName}); names in any alphabet,
 * with apostrophes, hyphens and spaces, still pass.
 */
class PrintableNameUnitTest {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
			.buildValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Aysel \u202EavodəmməM", "Ay\u200Bsel", "Ay\u200Csel", "Ay\u200Dsel", "Ay\u200Esel",
			"Ay\u200Fsel", "Ay\u2060sel", "\uFEFFAysel", "Aysel\u001B[31m", "Aysel\nMəmmədova", "Aysel\r", "Aysel\tX",
			"Aysel\u0085", "Aysel\u2028", "Aysel\u2029", "Aysel\u202A", "Aysel\u2066x\u2069", "Aysel\u00AD", "Aysel\uE000",
			"Aysel\u0378", "Aysel\u0000" })
	void everyNameFieldRefusesInvisibleAndControlCharacters(String name) {
		assertThat(refused(new RegistrationForm(name, "a@b.az", "", "gizli-parol-7", "gizli-parol-7"))).containsExactly("fullName");
		assertThat(refused(new ProfileForm(name, "", "az"))).containsExactly("fullName");
		assertThat(refused(new VolunteerForm(name, "a@b.az", "", List.of(), List.of()))).containsExactly("fullName");
		assertThat(refused(new OrganisationRegistrationForm(name, "1234567890", name, "a@b.az", "gizli-parol-7",
				"gizli-parol-7"))).containsExactlyInAnyOrder("organisationName", "contactName");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Nərgiz Məmmədova", "O'Brien", "O’Brien", "Анна-Мария", "Şəhriyar Ağayev-Güləliyev",
			"İlkin Öztürk", "Jean\u00A0Luc", "Ali 2", "Ибрагимов Чингиз", "Zoë Ünal", "\"Azər-Təchizat\" MMC" })
	void namesInAnyAlphabetWithApostrophesHyphensAndSpacesPass(String name) {
		assertThat(refused(new RegistrationForm(name, "a@b.az", "", "gizli-parol-7", "gizli-parol-7"))).isEmpty();
		assertThat(refused(new ProfileForm(name, "", "az"))).isEmpty();
		assertThat(refused(new VolunteerForm(name, "a@b.az", "", List.of(), List.of()))).isEmpty();
		assertThat(refused(new OrganisationRegistrationForm(name, "1234567890", name, "a@b.az", "gizli-parol-7",
				"gizli-parol-7"))).isEmpty();
	}

	/** The fields refused with the printable-name message. */
	private static Set<String> refused(Object form) {
		return validator.validate(form)
			.stream()
			.filter(v -> v.getMessageTemplate().equals("{name.printable}"))
			.map(v -> v.getPropertyPath().toString())
			.collect(Collectors.toSet());
	}

}
