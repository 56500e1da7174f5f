package az.asan.mektub.letter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A letter change as the other nodes hear it: one short line, read back as it was, or not at all. */
class LetterChangedUnitTest {

	@Test
	void aChangeIsReadBackAsItWasSent() {
		assertThat(LetterChanged.of(new LetterChanged("ABCD2345", 17).text())).contains(new LetterChanged("ABCD2345", 17));
		assertThat(LetterChanged.of(new LetterChanged("ABCD2345", null).text())).contains(new LetterChanged("ABCD2345", null));
		assertThat(LetterChanged.of(LetterChanged.many().text())).hasValueSatisfying(change -> assertThat(change.isMany()).isTrue());
	}

	@Test
	void aLineInAnotherFormatIsIgnored() {
		assertThat(LetterChanged.of("")).isEmpty();
		assertThat(LetterChanged.of("ABC")).isEmpty();
		assertThat(LetterChanged.of("AB<script> 1")).isEmpty();
		assertThat(LetterChanged.of("ABC 1 2")).isEmpty();
		assertThat(LetterChanged.of("ABC x")).isEmpty();
	}

}
