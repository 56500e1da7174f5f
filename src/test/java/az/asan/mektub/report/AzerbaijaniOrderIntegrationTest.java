package az.asan.mektub.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.platform.i18n.Collation;
import az.asan.mektub.web.Visitor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names sort the Azerbaijani way (a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z),
 * on pages, in select fields and in exports alike: PostgreSQL's az-x-icu decides, never the JDK.
 */
@IntegrationTest
class AzerbaijaniOrderIntegrationTest extends IntegrationTestBase {

	@Autowired
	Collation collation;

	@Test
	void theRegionalReportListsRegionsInTheAzerbaijaniAlphabeticalOrder() {
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		List<String> page = staff.open("/reports/regions").document().select("#regions tbody tr[data-region], table tbody tr[data-region]")
			.eachAttr("data-region");
		List<String> csv = staff.open("/reports/regions.csv")
			.html()
			.lines()
			.skip(1)
			.map(line -> line.substring(0, line.indexOf(';')))
			.filter(name -> !name.equals("Ölkə üzrə"))
			.toList();

		for (List<String> names : List.of(page, csv)) {
			assertThat(names).containsSubsequence("Beyləqan", "Bərdə", "Biləsuvar");
			assertThat(names).containsSubsequence("Cəbrayıl", "Culfa");
			assertThat(names).containsSubsequence("Sabirabad", "Salyan", "Şabran");
			int lastS = -1;
			int firstSh = Integer.MAX_VALUE;
			for (int i = 0; i < names.size(); i++) {
				if (names.get(i).startsWith("S")) {
					lastS = i;
				}
				if (names.get(i).startsWith("Ş")) {
					firstSh = Math.min(firstSh, i);
				}
			}
			assertThat(lastS).as("every Ş-region after every S-region").isLessThan(firstSh);
		}
		assertThat(csv).isEqualTo(page);
	}

	@Test
	void regionsWithTheSameCountOnTheImpactPageAreInAlphabeticalOrder() {
		var rows = Visitor.anonymous(mvc).open("/impact").document().select("#impact-regions-table tbody tr");
		int ties = 0;
		for (int i = 1; i < rows.size(); i++) {
			String count = rows.get(i).child(1).text();
			if (count.equals(rows.get(i - 1).child(1).text())) {
				List<String> pair = List.of(rows.get(i - 1).child(0).text(), rows.get(i).child(0).text());
				assertThat(pair).as("a tie at " + count).isSortedAccordingTo(collation.order(pair));
				ties++;
			}
		}
		assertThat(ties).as("the demo data has regions with the same count").isPositive();
	}

	@Test
	void peopleAreListedByNameWithTheirNumbersInOrderAndTheirRegionsAlphabetically() {
		try {
			for (String name : List.of("Sıralı 10", "Sıralı 2", "Sıralı 1", "Sıralı 11")) {
				jdbc.sql("INSERT INTO app_user (email, full_name, role) VALUES (?, ?, 'VOLUNTEER')")
					.params(name.replace("Sıralı ", "order") + "@order.test", name).update();
			}
			jdbc.sql("""
					INSERT INTO volunteer_region (user_id, region_id)
					SELECT u.id, r.id FROM app_user u, region r
					WHERE u.email = 'order1@order.test' AND r.name_az IN ('Şabran', 'Ağdam', 'Salyan', 'Bərdə')""").update();
			Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
			var rows = staff.open("/admin/users?q=Sıralı").document().select("#people tbody tr");
			assertThat(rows.stream().map(r -> r.child(0).text()).toList())
				.containsExactly("Sıralı 1", "Sıralı 2", "Sıralı 10", "Sıralı 11");
			List<String> regions = List.of(rows.get(0).child(3).text().split(", "));
			assertThat(regions).hasSize(4).isSortedAccordingTo(collation.order(regions));
			assertThat(regions.get(0)).startsWith("Ağdam");
			assertThat(regions.get(3)).startsWith("Şabran");
		}
		finally {
			jdbc.sql("DELETE FROM app_user WHERE email LIKE '%@order.test'").update();
		}
	}

	@Test
	void theRegionsPageHasTheColumnsOfItsCsvInReviewIncluded() {
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		List<String> page = staff.open("/reports/regions").document().select("#regions thead th").eachText();
		String csvHeader = staff.open("/reports/regions.csv").html().lines().findFirst().orElseThrow().replace("\uFEFF", "");
		assertThat(page).contains("Yoxlamada").isEqualTo(List.of(csvHeader.split(";")));
	}

	@Test
	void regionChoicesAreInTheSameOrder() {
		Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
		List<String> options = staff.open("/volunteer/letters").document().select("#letter-filters select[name=region] option")
			.eachText();
		assertThat(options).containsSubsequence("Beyləqan", "Bərdə", "Biləsuvar");
		assertThat(options).containsSubsequence("Salyan", "Şabran");
	}

	@Test
	void theOneOrderComesFromPostgreSqlsIcuCollation() {
		List<String> sorted = collation.sort(List.of("Şabran", "Zaqatala", "Salyan", "Culfa", "İsmayıllı", "Cəbrayıl",
				"Ismayil", "Biləsuvar", "Bərdə", "Beyləqan", "Ağdam", "Abşeron", "Çəmbərəkənd"), s -> s);
		assertThat(sorted).containsExactly("Abşeron", "Ağdam", "Beyləqan", "Bərdə", "Biləsuvar", "Cəbrayıl", "Culfa",
				"Çəmbərəkənd", "Ismayil", "İsmayıllı", "Salyan", "Şabran", "Zaqatala");
	}

}
