package az.asan.mektub.letter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every code a person types goes through one rule, whatever page they type it on. */
class LetterCodesUnitTest {

	@Test
	void spacesDashesDotsAndCaseDoNotMatterForALettersCode() {
		assertThat(LetterCodes.normaliseCode(" sj49-ycpf-ejqq ")).isEqualTo("SJ49YCPFEJQQ");
		assertThat(LetterCodes.normaliseCode("sj49 ycpf.ejqq")).isEqualTo("SJ49YCPFEJQQ");
		assertThat(LetterCodes.normaliseCode("h3d5 a055 44wz")).isEqualTo("H3D5A05544WZ");
		assertThat(LetterCodes.normaliseCode(null)).isEmpty();
	}

	@Test
	void lettersTheAlphabetLeavesOutAreReadAsTheDigitsTheyLookLike() {
		assertThat("0123456789ABCDEFGHJKMNPQRSTVWXYZ").doesNotContain("O", "I", "L");
		assertThat(LetterCodes.normaliseCode("O1IL-Oabc-dQQQ")).isEqualTo("0111" + "0ABC" + "DQQQ");
		assertThat(LetterCodes.normaliseCode("İ0o0")).isEqualTo("1000");
	}

	@Test
	void aGiftTagCodeGetsItsDashBackWhateverWasTyped() {
		assertThat(LetterCodes.normaliseTag("h3d5 a055")).isEqualTo("H3D5-A055");
		assertThat(LetterCodes.normaliseTag(" jzjb 4jb2 ")).isEqualTo("JZJB-4JB2");
		assertThat(LetterCodes.normaliseTag("jzjb.4jb2")).isEqualTo("JZJB-4JB2");
		assertThat(LetterCodes.normaliseTag("7k3m-q9xo")).isEqualTo("7K3M-Q9X0");
	}

	@Test
	void generatedCodesAreTheirOwnNormalForm() {
		for (int i = 0; i < 200; i++) {
			String code = LetterCodes.publicCode();
			String tag = LetterCodes.giftTagCode();
			assertThat(LetterCodes.normaliseCode(code)).isEqualTo(code);
			assertThat(LetterCodes.normaliseTag(tag)).isEqualTo(tag);
		}
	}

}
