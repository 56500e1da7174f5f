package az.asan.mektub.letter.importing;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The encoding of a volunteer's file is read from its bytes: valid UTF-8 is UTF-8, a byte order mark
 * says UTF-8 or UTF-16, UTF-16 without one shows its zero bytes, and of the two Windows code pages
 * the one whose words read as words of their alphabet wins; a file that reads as neither is refused.
 */
class ImportFileUnitTest {

	static final Charset CP1254 = Charset.forName("windows-1254");

	static final Charset CP1251 = Charset.forName("windows-1251");

	@Test
	void validUtf8IsUtf8AndAByteOrderMarkSaysSo() throws Exception {
		assertThat(detect("Məmmədova,Şirin\n".getBytes(StandardCharsets.UTF_8)).key()).isEqualTo("import.encoding.utf8");
		assertThat(detect("plain ascii\n".getBytes(StandardCharsets.UTF_8)).key()).isEqualTo("import.encoding.utf8");
		assertThat(detect(bytes(0xEF, 0xBB, 0xBF, 'a')).key()).isEqualTo("import.encoding.utf8bom");
		assertThat(detect(bytes(0xFF, 0xFE, 'a', 0)).key()).isEqualTo("import.encoding.utf16le");
		assertThat(detect(bytes(0xFE, 0xFF, 0, 'a')).key()).isEqualTo("import.encoding.utf16be");
		assertThat(detect("first_name\tsurname\n".getBytes(StandardCharsets.UTF_16LE)).key())
			.isEqualTo("import.encoding.utf16le");
		assertThat(detect(bytes('P', 'K', 3, 4, 0)).xlsx()).isTrue();
	}

	@Test
	void turkishAndAzerbaijaniLatinIsWindows1254AndCyrillicIsWindows1251() throws Exception {
		assertThat(detect("Şirin Ağayeva, İlkin Süleymanlı, Çingiz".getBytes(CP1254)).key())
			.isEqualTo("import.encoding.cp1254");
		// the same bytes read as 1251 would give "Юirin Aрayeva": Cyrillic inside Latin words
		assertThat(detect("Сабина Гусейнова, Сумгайыт".getBytes(CP1251)).key()).isEqualTo("import.encoding.cp1251");
		// one Cyrillic word among Latin ones is still Cyrillic, not Turkish
		assertThat(detect("Aysel, Top, Кукла\n".getBytes(CP1251)).key()).isEqualTo("import.encoding.cp1251");
	}

	@Test
	void bytesThatReadAsNeitherAlphabetAreRefused() {
		assertThatThrownBy(() -> detect(bytes('A', 'b', 0x81, 'c', ' ', 'D', 0x8D, 'e', 0x90, 'f')))
			.isInstanceOfSatisfying(ImportFile.Unreadable.class, ex -> assertThat(ex.key).isEqualTo("import.encoding.unknown"));
		assertThatThrownBy(() -> detect(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)))
			.isInstanceOfSatisfying(ImportFile.Unreadable.class, ex -> assertThat(ex.key).isEqualTo("import.encoding.xls"));
	}

	@Test
	void theSeparatorIsTheOneThatSplitsTheHeaderIntoKnownColumns() {
		assertThat(ImportFile.delimiter("first_name,surname,birth_date")).isEqualTo(',');
		assertThat(ImportFile.delimiter("first_name;surname;birth_date")).isEqualTo(';');
		assertThat(ImportFile.delimiter("first_name\tsurname\tbirth_date")).isEqualTo('\t');
		assertThat(ImportFile.delimiter("\"first_name\";\"surname\"")).isEqualTo(';');
	}

	@Test
	void headersInTheFilesLanguageAreSplitByTheSeparatorThatMakesColumns() {
		// Excel's "Unicode text" with Azerbaijani headers (seen in review): read as one column before
		assertThat(ImportFile.delimiter("Ad\tSoyad\tDoğum tarixi\tCins")).isEqualTo('\t');
		assertThat(ImportFile.delimiter("Ad;Soyad;Doğum tarixi")).isEqualTo(';');
		assertThat(ImportFile.delimiter("Ad,Soyad,Doğum tarixi")).isEqualTo(',');
	}

	@Test
	void rowsComeOneByOneWithTheirLines() throws Exception {
		byte[] file = "a;b\r\n1;\"x\ny\"\r\n\r\n2;z\r\n".getBytes(StandardCharsets.UTF_8);
		List<String> seen = new ArrayList<>();
		ImportFile.rows(ImportFile.detect(() -> new ByteArrayInputStream(file)), () -> new ByteArrayInputStream(file),
				(line, cells) -> seen.add(line + ":" + String.join("|", cells)));
		assertThat(seen).containsExactly("1:a|b", "3:1|x\ny", "5:2|z");
	}

	@Test
	void aQuestionMarkInANameOrBetweenLettersIsALostLetter() {
		assertThat(LetterImport.lostLetter("surname", "M?mm?dova")).isTrue();
		assertThat(LetterImport.lostLetter("original_wish", "G?z?l kukla")).isTrue();
		assertThat(LetterImport.lostLetter("original_wish", "Nə istəyirsən? Kukla!")).isFalse();
	}

	private static ImportFile.Format detect(byte[] bytes) throws Exception {
		return ImportFile.detect(() -> new ByteArrayInputStream(bytes));
	}

	private static byte[] bytes(int... values) {
		byte[] out = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = (byte) values[i];
		}
		return out;
	}

}
