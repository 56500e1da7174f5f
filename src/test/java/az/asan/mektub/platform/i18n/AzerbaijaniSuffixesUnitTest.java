package az.asan.mektub.platform.i18n;

import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import az.asan.mektub.platform.i18n.AzerbaijaniSuffixes.Case;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endings a native speaker writes: names from every harmony class (back and front, rounded and
 * unrounded, ending in each vowel and in consonants, with k→y and q→ğ), and numbers by the last word
 * read aloud.
 */
class AzerbaijaniSuffixesUnitTest {

	@ParameterizedTest(name = "{0}: {1}, {2}, {3}, {4}, {5}")
	@CsvSource(delimiter = '|', textBlock = """
			# name     | genitive      | dative       | accusative   | locative     | ablative
			Səbinə     | Səbinənin     | Səbinəyə     | Səbinəni     | Səbinədə     | Səbinədən
			Fatimə     | Fatimənin     | Fatiməyə     | Fatiməni     | Fatimədə     | Fatimədən
			Nigar      | Nigarın       | Nigara       | Nigarı       | Nigarda      | Nigardan
			Murad      | Muradın       | Murada       | Muradı       | Muradda      | Muraddan
			Orxan      | Orxanın       | Orxana       | Orxanı       | Orxanda      | Orxandan
			Aydan      | Aydanın       | Aydana       | Aydanı       | Aydanda      | Aydandan
			Günay      | Günayın       | Günaya       | Günayı       | Günayda      | Günaydan
			Tural      | Turalın       | Turala       | Turalı       | Turalda      | Turaldan
			Ləman      | Ləmanın       | Ləmana       | Ləmanı       | Ləmanda      | Ləmandan
			Solmaz     | Solmazın      | Solmaza      | Solmazı      | Solmazda     | Solmazdan
			Oqtay      | Oqtayın       | Oqtaya       | Oqtayı       | Oqtayda      | Oqtaydan
			Aytac      | Aytacın       | Aytaca       | Aytacı       | Aytacda      | Aytacdan
			İsmayıl    | İsmayılın     | İsmayıla     | İsmayılı     | İsmayılda    | İsmayıldan
			Yusuf      | Yusufun       | Yusufa       | Yusufu       | Yusufda      | Yusufdan
			Elnur      | Elnurun       | Elnura       | Elnuru       | Elnurda      | Elnurdan
			Ulduz      | Ulduzun       | Ulduza       | Ulduzu       | Ulduzda      | Ulduzdan
			Toğrul     | Toğrulun      | Toğrula      | Toğrulu      | Toğrulda     | Toğruldan
			Uğur       | Uğurun        | Uğura        | Uğuru        | Uğurda       | Uğurdan
			Bəhruz     | Bəhruzun      | Bəhruza      | Bəhruzu      | Bəhruzda     | Bəhruzdan
			Tovuz      | Tovuzun       | Tovuza       | Tovuzu       | Tovuzda      | Tovuzdan
			Gül        | Gülün         | Gülə         | Gülü         | Güldə        | Güldən
			Könül      | Könülün       | Könülə       | Könülü       | Könüldə      | Könüldən
			Göygöl     | Göygölün      | Göygölə      | Göygölü      | Göygöldə     | Göygöldən
			Ülvi       | Ülvinin       | Ülviyə       | Ülvini       | Ülvidə       | Ülvidən
			Əli        | Əlinin        | Əliyə        | Əlini        | Əlidə        | Əlidən
			Şəki       | Şəkinin       | Şəkiyə       | Şəkini       | Şəkidə       | Şəkidən
			Nərmin     | Nərminin      | Nərminə      | Nərmini      | Nərmində     | Nərmindən
			Kamil      | Kamilin       | Kamilə       | Kamili       | Kamildə      | Kamildən
			Dəniz      | Dənizin       | Dənizə       | Dənizi       | Dənizdə      | Dənizdən
			Hüseyn     | Hüseynin      | Hüseynə      | Hüseyni      | Hüseyndə     | Hüseyndən
			Günel      | Günelin       | Günelə       | Güneli       | Güneldə      | Güneldən
			Ömər       | Ömərin        | Ömərə        | Öməri        | Ömərdə       | Ömərdən
			Ülkər      | Ülkərin       | Ülkərə       | Ülkəri       | Ülkərdə      | Ülkərdən
			Şövkət     | Şövkətin      | Şövkətə      | Şövkəti      | Şövkətdə     | Şövkətdən
			Məryəm     | Məryəmin      | Məryəmə      | Məryəmi      | Məryəmdə     | Məryəmdən
			Röya       | Röyanın       | Röyaya       | Röyanı       | Röyada       | Röyadan
			Zəhra      | Zəhranın      | Zəhraya      | Zəhranı      | Zəhrada      | Zəhradan
			Sona       | Sonanın       | Sonaya       | Sonanı       | Sonada       | Sonadan
			Quba       | Qubanın       | Qubaya       | Qubanı       | Qubada       | Qubadan
			Bakı       | Bakının       | Bakıya       | Bakını       | Bakıda       | Bakıdan
			Əliqulu    | Əliqulunun    | Əliquluya    | Əliqulunu    | Əliquluda    | Əliquludan
			Marko      | Markonun      | Markoya      | Markonu      | Markoda      | Markodan
			Güllü      | Güllünün      | Güllüyə      | Güllünü      | Güllüdə      | Güllüdən
			Frö        | Frönün        | Fröyə        | Frönü        | Frödə        | Frödən
			Rene       | Renenin       | Reneyə       | Reneni       | Renedə       | Renedən
			Mələk      | Mələyin       | Mələyə       | Mələyi       | Mələkdə      | Mələkdən
			Çiçək      | Çiçəyin       | Çiçəyə       | Çiçəyi       | Çiçəkdə      | Çiçəkdən
			Sadıq      | Sadığın       | Sadığa       | Sadığı       | Sadıqda      | Sadıqdan
			Tofiq      | Tofiqin       | Tofiqə       | Tofiqi       | Tofiqdə      | Tofiqdən
			Ayşən Nur  | Ayşən Nurun   | Ayşən Nura   | Ayşən Nuru   | Ayşən Nurda  | Ayşən Nurdan
			SƏBİNƏ     | SƏBİNƏNİN     | SƏBİNƏYƏ     | SƏBİNƏNİ     | SƏBİNƏDƏ     | SƏBİNƏDƏN
			MƏLƏK      | MƏLƏYİN       | MƏLƏYƏ       | MƏLƏYİ       | MƏLƏKDƏ      | MƏLƏKDƏN
			İSMAYIL    | İSMAYILIN     | İSMAYILA     | İSMAYILI     | İSMAYILDA    | İSMAYILDAN
			""")
	void namesTakeTheEndingDirectlyInHarmonyWithTheirLastVowel(String name, String genitive, String dative,
			String accusative, String locative, String ablative) {
		assertThat(AzerbaijaniSuffixes.attach(name, Case.GENITIVE)).isEqualTo(genitive);
		assertThat(AzerbaijaniSuffixes.attach(name, Case.DATIVE)).isEqualTo(dative);
		assertThat(AzerbaijaniSuffixes.attach(name, Case.ACCUSATIVE)).isEqualTo(accusative);
		assertThat(AzerbaijaniSuffixes.attach(name, Case.LOCATIVE)).isEqualTo(locative);
		assertThat(AzerbaijaniSuffixes.attach(name, Case.ABLATIVE)).isEqualTo(ablative);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Səbinə  | Səbinədir
			Orxan   | Orxandır
			Yusuf   | Yusufdur
			Gül     | Güldür
			Ülvi    | Ülvidir
			Marko   | Markodur
			""")
	void namesTakeTheCopulaToo(String name, String copula) {
		assertThat(AzerbaijaniSuffixes.attach(name, Case.COPULA)).isEqualTo(copula);
	}

	@ParameterizedTest(name = "{0}: {1}, {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# number | copula    | ordinal   | last word read aloud
			0        | 0-dır     | 0-cı  | sıfır
			1        | 1-dir     | 1-ci  | bir
			2        | 2-dir     | 2-ci  | iki
			3        | 3-dür     | 3-cü  | üç
			4        | 4-dür     | 4-cü  | dörd
			5        | 5-dir     | 5-ci  | beş
			6        | 6-dır     | 6-cı  | altı
			7        | 7-dir     | 7-ci  | yeddi
			8        | 8-dir     | 8-ci  | səkkiz
			9        | 9-dur     | 9-cu  | doqquz
			10       | 10-dur    | 10-cu  | on
			11       | 11-dir    | 11-ci  | bir
			12       | 12-dir    | 12-ci  | iki
			13       | 13-dür    | 13-cü  | üç
			14       | 14-dür    | 14-cü  | dörd
			15       | 15-dir    | 15-ci  | beş
			16       | 16-dır    | 16-cı  | altı
			17       | 17-dir    | 17-ci  | yeddi
			18       | 18-dir    | 18-ci  | səkkiz
			19       | 19-dur    | 19-cu  | doqquz
			20       | 20-dir    | 20-ci  | iyirmi
			30       | 30-dur    | 30-cu  | otuz
			40       | 40-dır    | 40-cı  | qırx
			50       | 50-dir    | 50-ci  | əlli
			60       | 60-dır    | 60-cı  | altmış
			70       | 70-dir    | 70-ci  | yetmiş
			80       | 80-dir    | 80-ci  | səksən
			90       | 90-dır    | 90-cı  | doxsan
			100      | 100-dür   | 100-cü  | yüz
			1000     | 1 000-dir | 1 000-ci  | min
			""")
	void numbersFollowTheLastWordReadAloud(int number, String copula, String ordinal, String readAloud) {
		assertThat(AzerbaijaniSuffixes.spoken(BigInteger.valueOf(number))).isEqualTo(readAloud);
		assertThat(AzerbaijaniSuffixes.attach(number, Case.COPULA)).isEqualTo(copula);
		assertThat(AzerbaijaniSuffixes.attach(number, Case.ORDINAL)).isEqualTo(ordinal);
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2        | GENITIVE | 2-nin
			5        | GENITIVE | 5-in
			6        | GENITIVE | 6-nın
			10       | DATIVE   | 10-a
			2        | DATIVE   | 2-yə
			40       | LOCATIVE | 40-da
			2 500    | ABLATIVE | 2 500-dən
			1000000  | COPULA   | 1000000-dur
			10 512   | ORDINAL  | 10 512-ci
			2015     | ORDINAL  | 2015-ci
			""")
	void numbersWrittenAsTextKeepTheirDigits(String number, Case grammaticalCase, String expected) {
		assertThat(AzerbaijaniSuffixes.attach(number, grammaticalCase)).isEqualTo(expected);
	}

}
