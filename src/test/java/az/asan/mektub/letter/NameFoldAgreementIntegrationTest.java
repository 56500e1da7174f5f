package az.asan.mektub.letter;

import java.util.List;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.letter.privacy.PersonalDataCheck;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import finds a child already in the campaign with the Java fold, the registration page finds
 * one with the database's {@code az_fold}: the two must agree, or the same child is a duplicate on
 * one path and new on the other.
 */
@IntegrationTest
class NameFoldAgreementIntegrationTest {

	/** Names people write, and the letters where a fold most easily goes wrong. */
	static final List<String> NAMES = List.of(
			// Azerbaijani names, as typed and in capitals
			"Aysel Məmmədova", "AYSEL MƏMMƏDOVA", "Şəbnəm İsmayılova", "ŞƏBNƏM İSMAYILOVA", "Əli Həsənov",
			"Gülnarə Ağayeva", "GÜLNARƏ AĞAYEVA", "Çingiz Öztürk", "ÇİNGİZ ÖZTÜRK", "Ilqar Ibrahimov", "İlqar İbrahimov",
			"ılqar", "Nərmin Qasımlı", "NƏRMİN QASIMLI", "Tofiq Ağalarov", "Ülviyyə Şükürova",
			// the four i's, one by one and mixed
			"İ", "i", "I", "ı", "İi", "Iı", "İIiı", "I\u0307",
			// the other Azerbaijani letters, both cases
			"Əə", "Öö", "Üü", "Ğğ", "Şş", "Çç",
			// Russian names, with ё and without
			"Алёна Фёдорова", "АЛЁНА ФЁДОРОВА", "Алена Федорова", "Ёжиков", "Иван Петров", "ИВАН ПЕТРОВ",
			"Наталья Ильина",
			// English names and accents
			"John Smith", "JOHN SMITH", "Zoë Brontë", "ZOË BRONTË", "José Ángel", "JOSÉ ÁNGEL", "François Müller",
			"Renée", "e\u0301", "E\u0301",
			// spaces, as they come
			"  Aysel  ", "Aysel\tMəmmədova", " İlkin Ağa ", "", " ");

	@Autowired
	JdbcClient jdbc;

	@Test
	void theJavaFoldAndTheDatabaseFoldAgreeOnEveryName() {
		for (String name : NAMES) {
			String sql = jdbc.sql("SELECT az_fold(?)").param(name).query(String.class).single();
			assertThat(PersonalDataCheck.fold(name)).as("fold of \"%s\"", name).isEqualTo(sql);
		}
	}

	@Test
	void namesThatDifferOnlyByCaseOrAzerbaijaniLettersFoldTheSame() {
		assertThat(PersonalDataCheck.fold("ŞƏBNƏM İSMAYILOVA")).isEqualTo(PersonalDataCheck.fold("Şəbnəm İsmayılova"))
			.isEqualTo("sebnem ismayilova");
		assertThat(PersonalDataCheck.fold("ÇİNGİZ ÖZTÜRK")).isEqualTo("cingiz ozturk");
		assertThat(PersonalDataCheck.fold("Ilqar")).isEqualTo(PersonalDataCheck.fold("İlqar")).isEqualTo("ilqar");
	}

}
