package az.asan.mektub.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.system.Collation;
import az.asan.mektub.web.Visitor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names sort the Azerbaijani way (a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z),
 * on pages, in select fields and in exports alike: PostgreSQL's az-x-icu decides, never the JDK.
 */
@IntegrationTest
class AzerbaijaniOrderIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

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
