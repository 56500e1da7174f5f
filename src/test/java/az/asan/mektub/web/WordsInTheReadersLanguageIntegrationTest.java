package az.asan.mektub.web;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an English or Russian reader sees is written their way: numbers, money and percentages, the
 * alphabetical order of regions and centres, and the centres' addresses and opening hours.
 */
@IntegrationTest
class WordsInTheReadersLanguageIntegrationTest extends IntegrationTestBase {

	@Test
	void englishPagesWriteEnglishNumbersAndPercentagesWhileAzerbaijaniAndRussianKeepTheirs() {
		// the home page's total comes from the figures recounted every minute, which may still count letters
		// another test fulfilled and removed: the same number, written the way each language writes it
		String en = Visitor.anonymous(mvc).speaking("en").open("/").document().select("#total-fulfilled").text();
		String ru = Visitor.anonymous(mvc).speaking("ru").open("/").document().select("#total-fulfilled").text();
		String az = Visitor.anonymous(mvc).open("/").document().select("#total-fulfilled").text();
		assertThat(en).matches("\\d{1,3}(,\\d{3})+");
		assertThat(ru).matches("\\d{1,3}( \\d{3})+");
		assertThat(az).matches("\\d{1,3}( \\d{3})+");
		assertThat(en.replace(",", "")).isEqualTo(ru.replace(" ", "")).isEqualTo(az.replace(" ", ""));
		assertThat(Long.parseLong(en.replace(",", ""))).isGreaterThanOrEqualTo(10_512);

		Document english = staff().speaking("en").open("/reports/regions").document();
		assertThat(english.select("#national-total").text()).contains("10,512").containsPattern("\\d\\.\\d%");
		Document azerbaijani = staff().open("/reports/regions").document();
		assertThat(azerbaijani.select("#national-total").text()).contains("10 512").containsPattern("\\d,\\d %");
	}

	@Test
	void englishRegionListsAreInEnglishAlphabeticalOrderAndAzerbaijaniOnesInTheAzerbaijaniOrder() {
		List<String> english = regionChoices(staff().speaking("en"));
		assertThat(english).containsSubsequence("Agdam", "Barda", "Ganja", "Jabrayil", "Shabran", "Siazan", "Zardab");
		List<String> englishReport = staff().speaking("en").open("/reports/regions").document()
			.select("#regions tbody tr[data-region]").eachAttr("data-region");
		assertThat(englishReport).containsSubsequence("Baku", "Barda", "Jabrayil", "Julfa", "Shabran", "Siazan");
		// the report's note names the region as the report does: Baku in English, Баку in Russian
		assertThat(staff().speaking("en").open("/reports/regions").text())
			.contains("Baku's city districts count under Baku.").doesNotContain("Bakı");
		assertThat(staff().speaking("ru").open("/reports/regions").text()).contains("Районы Баку учитываются в Баку.")
			.doesNotContain("Bakı");

		List<String> azerbaijani = regionChoices(staff());
		// ə after e, Ş after every S, C before Ç, x after h, ı before i
		assertThat(azerbaijani).containsSubsequence("Beyləqan", "Bərdə", "Biləsuvar", "Cəbrayıl", "Culfa", "Hacıqabul",
				"Xaçmaz", "İmişli", "Siyəzən", "Şabran");
		// the tree groups its regions by economic region, the groups in the reader's order too
		assertThat(Visitor.anonymous(mvc).speaking("en").open("/tree").document().select("#f-region optgroup").eachAttr("label"))
			.containsSubsequence("Absheron-Khizi", "Baku", "Central Aran", "East Zangezur", "Ganja-Dashkasan", "Karabakh");
		assertThat(Visitor.anonymous(mvc).open("/tree").document().select("#f-region optgroup").eachAttr("label"))
			.containsSubsequence("Abşeron-Xızı", "Bakı", "Dağlıq Şirvan", "Gəncə-Daşkəsən", "Qarabağ", "Şəki-Zaqatala");
		List<String> russian = regionChoices(staff().speaking("ru"));
		assertThat(russian).containsSubsequence("Агдам", "Барда", "Гянджа", "Джебраил", "Шабран");
	}

	@Test
	void aCentresAddressAndHoursShowInTheReadersLanguageAndInAzerbaijaniWhereNotTranslated() {
		Visitor staff = staff();
		String baku = jdbc.sql("SELECT id::text FROM region WHERE code = 'AZ-BA'").query(String.class).single();
		Page created = staff.open("/admin/handover-points/new").form("#point-form").set("regionId", baku)
			.set("nameAz", "Sınaq mərkəzi").set("nameEn", "Test centre").set("nameRu", "Тестовый центр")
			.set("address", "Bakı, Nizami küçəsi 10").set("addressEn", "10 Nizami Street, Baku")
			.set("addressRu", "Баку, улица Низами, 10").set("hours", "B.e.–Cümə 09:00–18:00")
			.set("hoursEn", "Mon–Fri 09:00–18:00").set("hoursRu", "").submit();
		try {
			assertThat(created.document().select(".alert-success")).as(created.messages()).isNotEmpty();

			assertThat(row(staff(), "Sınaq mərkəzi")).contains("Bakı, Nizami küçəsi 10", "B.e.–Cümə 09:00–18:00");
			assertThat(row(staff().speaking("en"), "Test centre")).contains("10 Nizami Street, Baku", "Mon–Fri 09:00–18:00");
			// Russian hours were left empty: a Russian reader sees the Azerbaijani ones
			assertThat(row(staff().speaking("ru"), "Тестовый центр")).contains("Баку, улица Низами, 10",
					"B.e.–Cümə 09:00–18:00");

			// the form keeps all three for the next edit
			long id = jdbc.sql("SELECT id FROM handover_point WHERE name_az = 'Sınaq mərkəzi'").query(Long.class).single();
			Visitor.Form edit = staff.open("/admin/handover-points/" + id + "/edit").form("#point-form");
			assertThat(edit.value("addressEn")).isEqualTo("10 Nizami Street, Baku");
			assertThat(edit.value("hoursRu")).isEmpty();
			edit.set("addressEn", "").submit();
			assertThat(row(staff().speaking("en"), "Test centre")).contains("Bakı, Nizami küçəsi 10");

			// without the Azerbaijani address the form says what is missing and keeps what was typed
			Page refused = staff.open("/admin/handover-points/new").form("#point-form").set("regionId", baku)
				.set("nameAz", "Yarımçıq").set("nameEn", "Half").set("nameRu", "Пол").set("address", "")
				.set("addressEn", "Somewhere").set("hours", "09:00–18:00").submit();
			assertThat(refused.document().select("#address.is-invalid, [name=address].is-invalid")).isNotEmpty();
			assertThat(refused.document().select("[name=addressEn]").val()).isEqualTo("Somewhere");
		}
		finally {
			jdbc.sql("DELETE FROM handover_point WHERE name_az = 'Sınaq mərkəzi'").update();
		}
	}

	@Test
	void theDemoCentresHaveEnglishAndRussianAddressesAndHoursAndAreListedInTheReadersOrder() {
		Document english = staff().speaking("en").open("/admin/handover-points").document();
		assertThat(english.text()).contains("Yasamal district, Baku", "Mon–Sat 09:00–20:00");
		assertThat(english.select("tbody tr").eachText().stream().map(t -> t.replaceAll(" ASAN service centre.*", ""))
			.filter(t -> !t.startsWith("Baku")).toList()).containsSubsequence("Barda", "Ganja", "Guba", "Masally", "Shaki",
					"Sumqayit");
		Document russian = staff().speaking("ru").open("/admin/handover-points").document();
		assertThat(russian.text()).contains("Баку, Ясамальский район", "Пн–Сб 09:00–20:00");
	}

	@Test
	void aDonorChoosesACentreByItsAddressInEnglishAndTheGiftTagSaysWhereAndWhenInTheirLanguage() {
		long campaign = TestCampaigns.open(jdbc);
		try {
			long donor = TestPeople.id(jdbc, "donor@demo.az");
			TestLetters testLetters = new TestLetters(letters, tx, jdbc);
			String code = testLetters.published(campaign, Spec.of("Aysel", 9));
			testLetters.moveTo(code, LetterStatus.ADOPTED, donor);
			String yasamal = jdbc.sql("SELECT id::text FROM handover_point WHERE address = 'Bakı, Yasamal rayonu'")
				.query(String.class).single();

			Visitor donorInEnglish = Visitor.signedIn(mvc, users.loadUserByUsername("donor@demo.az")).speaking("en");
			Page adoption = donorInEnglish.open("/me/adoptions/" + code);
			assertThat(adoption.document().select("label[for=point-" + yasamal + "]").text())
				.contains("Yasamal district, Baku · Mon–Sat 09:00–20:00");
			adoption.form("#point-form").check("handoverPointId", yasamal).submit();

			assertThat(donorInEnglish.open("/me/adoptions/" + code + "/tag").text()).contains("Yasamal district, Baku",
					"Mon–Sat 09:00–20:00");
			Visitor donorInRussian = Visitor.signedIn(mvc, users.loadUserByUsername("donor@demo.az")).speaking("ru");
			assertThat(donorInRussian.open("/me/adoptions/" + code + "/tag").text()).contains("Баку, Ясамальский район",
					"Пн–Сб 09:00–20:00");
		}
		finally {
			TestCampaigns.dropAll(jdbc);
		}
	}

	private Visitor staff() {
		return Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
	}

	private static List<String> regionChoices(Visitor visitor) {
		return visitor.open("/volunteer/letters").document().select("#letter-filters select[name=region] option").eachText();
	}

	private static String row(Visitor visitor, String name) {
		return visitor.open("/admin/handover-points").document().select("tbody tr:contains(" + name + ")").text();
	}

}
