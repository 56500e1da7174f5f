package az.asan.mektub.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.CampaignTestBase;
import az.asan.mektub.IntegrationTest;
import az.asan.mektub.TestLetters.Spec;
import az.asan.mektub.TestPeople;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside user read "10 536 letters taken on the website" against "2 at centres": the website's
 * figure was the program's whole history, the centres' one campaign (issue 16). The split between the
 * two ways is now of the open campaigns, and says so; the staff report chooses its campaigns and adds
 * up its columns.
 */
@IntegrationTest
class ChannelsByCampaignIntegrationTest extends CampaignTestBase {

	@Autowired
	MessageSource messages;

	@Autowired
	org.springframework.cache.CacheManager caches;

	@BeforeEach
	void openATestCampaign() {
		// figures kept from an earlier test would count that test's campaigns
		caches.getCache(az.asan.mektub.platform.web.CacheConfiguration.IMPACT).clear();
	}

	@Test
	void theImpactPageSplitsTheOpenCampaignsOnlyAndSaysSoInEachLanguage() {
		long history = jdbc.sql("SELECT count(*) FROM letter WHERE status IN ('ADOPTED', 'GIFT_RECEIVED', 'FULFILLED')")
			.query(Long.class).single();
		for (String language : List.of("az", "en", "ru")) {
			Page impact = Visitor.anonymous(mvc).speaking(language).open("/impact");
			long online = number(impact, "#impact-online");
			long atCentres = number(impact, "#impact-at-centres");
			assertThat(online + atCentres).as("not the program's %d taken letters", history).isLessThan(history / 2);
			String scope = impact.document().select("#impact-channels-scope").text();
			assertThat(scope).as(language).isNotBlank().doesNotContain("{");
			String share = impact.document().select("#impact-channels-share").text();
			int open = (int) (long) jdbc.sql("SELECT count(*) FROM campaign WHERE status <> 'CLOSED'").query(Long.class).single();
			assertThat(share).as(language).isEqualTo(messages.getMessage("impact.channels.share",
					new Object[] { atCentres, online + atCentres, open }, Locale.forLanguageTag(language)));
		}
		Locale ru = Locale.forLanguageTag("ru");
		assertThat(messages.getMessage("impact.channels.share", new Object[] { 2, 10, 1 }, ru))
			.isEqualTo("Эта кампания: из 10 взятых писем в центрах ASAN xidmət взяты 2 письма.");
		assertThat(messages.getMessage("impact.channels.share", new Object[] { 1, 21, 1 }, ru))
			.isEqualTo("Эта кампания: из 21 взятого письма в центрах ASAN xidmət взято 1 письмо.");
		assertThat(messages.getMessage("impact.channels.share", new Object[] { 2, 10, 1 }, Locale.ENGLISH))
			.isEqualTo("This campaign: 2 of 10 letters were taken at ASAN service centres.");
		assertThat(messages.getMessage("impact.channels.share", new Object[] { 1, 1, 2 }, Locale.ENGLISH))
			.isEqualTo("Current campaigns: 1 of 1 letter was taken at ASAN service centres.");
		assertThat(messages.getMessage("impact.channels.share", new Object[] { 2, 10, 1 }, Locale.forLanguageTag("az")))
			.isEqualTo("Bu kampaniya: götürülən 10 məktubdan 2 məktub ASAN xidmət mərkəzlərində götürülüb.");
	}

	@Test
	void theChannelsReportChoosesItsCampaignsAndAddsUpItsColumns() throws Exception {
		String online = testLetters.published(campaign, Spec.of("Tural", 8));
		long donor = TestPeople.id(jdbc, "donor1@example.az");
		testLetters.moveTo(online, LetterStatus.ADOPTED, donor);

		for (String language : List.of("az", "en", "ru")) {
			Visitor staff = Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az")).speaking(language);
			Page current = staff.open("/reports/channels");
			assertThat(current.document().select("#c-campaign option[selected]")).as("the open campaigns by default").isEmpty();
			assertThat(current.document().select("#channels-scope").text()).as(language).contains(testCampaignName(language));
			assertTotalsAddUp(current);

			Page history = staff.open("/reports/channels").form("#channels-filters").set("campaign", "all").submit();
			assertThat(history.url()).contains("campaign=all");
			assertTotalsAddUp(history);
			assertThat(total(history, 1)).as("the whole history has more online").isGreaterThan(total(current, 1));

			Page one = staff.open("/reports/channels").form("#channels-filters").set("campaign", String.valueOf(campaign))
				.submit();
			assertThat(one.document().select("#channels-scope").text()).as(language)
				.isEqualTo(messages.getMessage("reports.channels.scopeOne", new Object[] { testCampaignName(language) },
						Locale.forLanguageTag(language)));
			assertThat(total(one, 1)).isEqualTo(1);
			assertThat(total(one, 2)).isZero();
			assertThat(one.document().select("#channels-exports a").eachAttr("href"))
				.containsExactly("/reports/channels.csv?campaign=" + campaign, "/reports/channels.xlsx?campaign=" + campaign);
			String csv = new String(staff.open("/reports/channels.csv?campaign=" + campaign).result().getResponse()
				.getContentAsByteArray(), StandardCharsets.UTF_8);
			assertThat(csv).contains(messages.getMessage("reports.channels.totalRow", null, Locale.forLanguageTag(language)));
		}
	}

	private static String testCampaignName(String language) {
		return switch (language) {
			case "en" -> "Test campaign";
			case "ru" -> "Тестовая кампания";
			default -> "Test kampaniyası";
		};
	}

	private static void assertTotalsAddUp(Page page) {
		for (int column : new int[] { 1, 2 }) {
			long sum = page.document().select("#channels-regions tbody tr").stream()
				.mapToLong(tr -> Long.parseLong(tr.child(column).text().replaceAll("[^0-9]", "")))
				.sum();
			assertThat(total(page, column)).as(page.url() + " column " + column).isEqualTo(sum);
		}
	}

	private static long total(Page page, int column) {
		return Long.parseLong(page.document().select("#channels-regions-total > *").get(column).text().replaceAll("[^0-9]", ""));
	}

	private static long number(Page page, String css) {
		return Long.parseLong(page.document().select(css).text().replaceAll("[^0-9]", ""));
	}

}
