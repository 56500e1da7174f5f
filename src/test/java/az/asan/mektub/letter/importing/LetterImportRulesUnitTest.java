package az.asan.mektub.letter.importing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules of reading a cell or a heading, without a database. */
class LetterImportRulesUnitTest {

	@Test
	void aDayTheMonthDoesNotHaveIsNoDateInEitherWritingOfIt() {
		assertThat(LetterImport.parseDate("31.02.2017")).isNull();
		assertThat(LetterImport.parseDate("29.02.2017")).isNull();
		assertThat(LetterImport.parseDate("2017-02-29")).isNull();
		assertThat(LetterImport.parseDate("31.04.2017")).isNull();
		assertThat(LetterImport.parseDate("29.02.2016")).isEqualTo(LocalDate.of(2016, 2, 29));
		assertThat(LetterImport.parseDate("28.02.2017")).isEqualTo(LocalDate.of(2017, 2, 28));
	}

	@Test
	void aHeadingIsComparedWithCaseAndAzerbaijaniLettersFoldedTheAzerbaijaniWay() {
		assertThat(LetterImport.headerKey("İctimai mətn")).isEqualTo("ictimai metn");
		assertThat(LetterImport.headerKey("İCTİMAİ MƏTN")).isEqualTo("ictimai metn");
		assertThat(LetterImport.headerKey(" First_Name ")).isEqualTo(LetterImport.headerKey("first name"));
		assertThat(LetterImport.headerKey("Doğum  tarixi")).isEqualTo("dogum tarixi");
		assertThat(LetterImport.headerKey("ИМЯ")).isEqualTo("имя");
	}

}
