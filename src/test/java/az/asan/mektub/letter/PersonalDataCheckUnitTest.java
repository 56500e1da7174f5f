package az.asan.mektub.letter;

import org.junit.jupiter.api.Test;

import az.asan.mektub.letter.privacy.PersonalDataCheck;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataCheckUnitTest {

	@Test
	void streetAndVillageAddressesAreNoticedInEachLanguage() {
		assertThat(warnings("Nizami küçəsi 5, mənzil 12")).contains("letter.privacy.address");
		assertThat(warnings("Buzovna kəndində yaşayıram, top istəyirəm")).contains("letter.privacy.address");
		assertThat(warnings("Ev 14-də qonşumuz var")).contains("letter.privacy.address");
		assertThat(warnings("Живу на улице Ленина, дом 5")).contains("letter.privacy.address");
		assertThat(warnings("I live at 5 Baker Street")).contains("letter.privacy.address");
	}

	@Test
	void datesThatLookLikeABirthDateAreNoticed() {
		assertThat(warnings("12.05.2016 doğulmuşam")).contains("letter.privacy.birthDate");
		assertThat(warnings("Ad günüm 5 mayda olur")).contains("letter.privacy.birthDate");
		assertThat(warnings("2016-cı ildə anadan olmuşam")).contains("letter.privacy.birthDate");
		assertThat(warnings("Мой день рождения 3 марта")).contains("letter.privacy.birthDate");
	}

	@Test
	void handlesLinksAndNumbersInWordsAreNoticed() {
		assertThat(warnings("Məni instagramda tapın: @aysel_2016")).contains("letter.privacy.handle");
		assertThat(warnings("t.me/aysel yazın")).contains("letter.privacy.handle");
		assertThat(warnings("https://example.com/me")).contains("letter.privacy.handle");
		assertThat(warnings("Zəng edin: sıfır əlli beş, iki yüz otuz dörd, əlli altı")).contains("letter.privacy.numberWords");
		assertThat(warnings("звоните восемь девять ноль пять один два три")).contains("letter.privacy.numberWords");
		assertThat(warnings("call zero five five one two three four")).contains("letter.privacy.numberWords");
	}

	@Test
	void theGuardiansAndInstitutionsNamesFromTheContactFieldAreNoticedButNotTheChildsOwnName() {
		assertThat(PersonalDataCheck.warnings("Rəşad əmi ilə futbol oynayıram", "Aysel", "Əmisi Rəşad Quliyev, 050 111 22 33"))
			.contains("letter.privacy.guardian");
		assertThat(PersonalDataCheck.warnings("5 saylı uşaq evində yaşayıram", "Aysel", null))
			.contains("letter.privacy.guardian");
		assertThat(PersonalDataCheck.warnings("Aysel kukla istəyir", "Aysel", "Aysel-in anası Leyla")).isEmpty();
	}

	@Test
	void ordinaryWishesPassWithoutWarnings() {
		assertThat(warnings("Gitara çalmaq istəyirəm, çünki musiqini sevirəm")).isEmpty();
		assertThat(warnings("Ev üçün stolüstü oyun və bir kukla istəyirəm")).isEmpty();
		assertThat(warnings("Bir top, iki kitab")).isEmpty();
		assertThat(warnings("Хочу велосипед и книгу про космос")).isEmpty();
		assertThat(warnings("I would like a red bicycle for school")).isEmpty();
	}

	@Test
	void disguisedNumbersAddressesHandlesAndSurnamesAreStillFound() {
		// fullwidth and Arabic-Indic digits are the phone number they look like
		assertThat(PersonalDataCheck.findings("Zəng edin ０５０３２１４５６７", "Sınaqova", null)).contains("letter.privacy.phone");
		assertThat(PersonalDataCheck.findings("Zəng edin ٠٥٠٣٢١٤٥٦٧", "Sınaqova", null)).contains("letter.privacy.phone");
		assertThat(PersonalDataCheck.findings("Zəng edin ٠٥٠٣٢１٤٥٦٧", "Sınaqova", null)).contains("letter.privacy.phone");
		// an e-mail address spelled out
		assertThat(PersonalDataCheck.findings("yazın: test at example dot com", null, null)).contains("letter.privacy.email");
		assertThat(PersonalDataCheck.findings("пишите test собака mail точка ru", null, null))
			.contains("letter.privacy.email");
		// the surname in the other alphabet
		assertThat(PersonalDataCheck.findings("Меня зовут Нигяр Сынагова", "Sınaqova", null)).contains("letter.privacy.surname");
		assertThat(PersonalDataCheck.findings("Я Айсель Алиева", "Əliyeva", null)).contains("letter.privacy.surname");
		assertThat(PersonalDataCheck.findings("Mən Aysel Sınaqova", "Сынагова", null)).contains("letter.privacy.surname");
		assertThat(PersonalDataCheck.findings("Хочу велосипед и книгу", "Sınaqova", null)).isEmpty();
		// a handle behind a platform's short name, numbers in Russian words with hundreds
		assertThat(warnings("ig: nigar_2015")).contains("letter.privacy.handle");
		assertThat(warnings("tg: nigar2015 yazın")).contains("letter.privacy.handle");
		assertThat(warnings("ноль пятьдесят пять триста двадцать один")).contains("letter.privacy.numberWords");
		assertThat(warnings("Bir top, iki kitab, üç qələm istəyirəm")).isEmpty();
	}

	/** Review of the thank-you: the family's name in another form than the child's surname got through. */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "Sağ olun! Abbasov ailəsi", "Abbasovlar sizə təşəkkür edir",
			"Mən Fidan Abbaslı", "Atam Abbas deyir ki, sağ olun", "Abbasovların evində", "Спасибо от Аббасовых",
			"Фидан Аббасова" })
	void theFamilysNameInAnotherFormIsTheSurname(String text) {
		assertThat(PersonalDataCheck.findings(text, "Abbasova", null)).contains("letter.privacy.surname");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "Мамедов", "Мамедова Мурад", "Mamedov", "Məmmədlilər",
			"Məmməd əmi" })
	void aRussianOrOtherSpellingOfTheFamilysNameIsTheSurname(String text) {
		assertThat(PersonalDataCheck.findings("Sağ olun! " + text, "Məmmədov", null)).contains("letter.privacy.surname");
		assertThat(PersonalDataCheck.findings("Sağ olun! " + text, "Мамедов", null)).contains("letter.privacy.surname");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "Mämmädov", "Məmmə dov", "Məm mədov ailəsi" })
	void theSurnameWrittenWithÄForƏOrWithASpaceInsideIsTheSurname(String text) {
		// seen in review: "ä" is a common way to type ə, and a space inside hid the surname
		assertThat(PersonalDataCheck.findings("Sağ olun! " + text, "Məmmədov", null)).contains("letter.privacy.surname");
	}

	@Test
	void aShortRootIsNotLookedForSoCommonWordsPass() {
		// Əliyev's root "Əli" is too short to look for alone; the whole surname still is
		assertThat(PersonalDataCheck.findings("Əli ilə oynayıram, alma sevirəm", "Əliyev", null)).isEmpty();
		assertThat(PersonalDataCheck.findings("Я Алиев", "Əliyev", null)).contains("letter.privacy.surname");
		assertThat(PersonalDataCheck.findings("Nur kimi işıqlı olsun", "Nurlu", null)).isEmpty();
		// the root is looked for at the start of a word, not inside one
		assertThat(PersonalDataCheck.findings("Qabbas bir kitab deyil", "Abbasova", null)).isEmpty();
		assertThat(PersonalDataCheck.findings("Kitab çox gözəldir, hər gün oxuyuram", "Abbasova", null)).isEmpty();
		assertThat(PersonalDataCheck.findings("Çox sağ olun! Kitab çox gözəldir", "Məmmədov", null)).isEmpty();
		assertThat(PersonalDataCheck.findings("Хочу велосипед и книгу", "Quliyeva", null)).isEmpty();
	}

	/** Pen test 4: the surname spelled out letter by letter went public with no warning. */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "Velosiped, Q u l i y e v a", "Velosiped, Q.u.l.i.y.e.v.a",
			"Velosiped, Q-u-l-i-y-e-v-a", "Velosiped, Q_u_l_i_y_e_v_a", "Velosiped, Q. u. l. i. y. e. v. a.",
			"Velosiped, q u l i y e v a", "Velosiped, Q  U  L  İ  Y  E  V  A", "Velosiped (Q*u*l*i*y*e*v*a)",
			"Mən Aysu K u l i y e v a", "Я Айсу К у л и е в а", "Q u l i y e v a Aysu velosiped istəyir" })
	void theSurnameSpelledOutLetterByLetterIsFound(String text) {
		assertThat(PersonalDataCheck.findings(text, "Quliyeva", null)).as(text).contains("letter.privacy.surname");
	}

	@Test
	void aSurnameWithAzerbaijaniLettersSpelledOutIsFoundWithTheSameFolding() {
		assertThat(PersonalDataCheck.findings("Top istəyirəm, Ə l i y e v a", "Əliyeva", null)).contains("letter.privacy.surname");
		assertThat(PersonalDataCheck.findings("Top istəyirəm, E.l.i.y.e.v.a", "Əliyeva", null)).contains("letter.privacy.surname");
		assertThat(PersonalDataCheck.findings("Top istəyirəm, S-I-N-A-Q-O-V-A", "Sınaqova", null)).contains("letter.privacy.surname");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "Lego 60 hissəli", "14 yaşlı qardaşım üçün",
			"A. B. Səhhətin kitabını istəyirəm", "Müəllimim A. B. Quluzadə deyir ki, rəsm çəkirəm", "Velosiped, 20 düym",
			"Rubik kubu 3x3", "Harry Potter 1-ci kitab", "Я и в школе рисую, хочу краски", "A, B, C hərfləri olan kubiklər",
			"Q u l i Aysu velosiped istəyir", "Top və kukla istəyirəm", "Mənə Lego 60 lazımdır" })
	void ordinaryWishesAndInitialsThatSpellNoSurnameAreNotTakenForIt(String text) {
		assertThat(PersonalDataCheck.findings(text, "Quliyeva", null)).as(text).isEmpty();
		assertThat(PersonalDataCheck.warnings(text, "Aysu", null)).as(text).isEmpty();
	}

	/**
	 * A child's record keeps no guardian's name of its own, only the private contact field: a
	 * guardian's name written there is warned of, also spelled out; one written nowhere cannot be.
	 */
	@Test
	void theGuardiansNameFromTheContactFieldIsNoticedAlsoSpelledOut() {
		String contact = "Anası Gülnarə Quliyeva, 050 111 22 33";
		assertThat(PersonalDataCheck.warnings("Velosiped, anam Gülnarə xanım üçün də gül", "Aysu", contact))
			.contains("letter.privacy.guardian");
		assertThat(PersonalDataCheck.warnings("Velosiped, anam G ü l n a r ə xanım üçün də gül", "Aysu", contact))
			.contains("letter.privacy.guardian");
		assertThat(PersonalDataCheck.warnings("Velosiped, anam G.u.l.n.a.r.e xanım", "Aysu", contact))
			.contains("letter.privacy.guardian");
		assertThat(PersonalDataCheck.warnings("Velosiped istəyirəm", "Aysu", contact)).isEmpty();
	}

	private static java.util.List<String> warnings(String text) {
		return PersonalDataCheck.warnings(text, "Aysel", null);
	}

}
