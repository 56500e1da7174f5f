package az.asan.mektub.report;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public impact page counts both ways: letters taken on the website and letters taken off a paper
 * tree at a service centre, each said with the plural its language needs.
 */
@IntegrationTest
class ImpactChannelsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Test
	void theImpactPageShowsLettersTakenOnlineAndAtCentresInEachLanguage() {
		for (String language : List.of("az", "en", "ru")) {
			Page impact = Visitor.anonymous(mvc).speaking(language).open("/impact");
			assertThat(impact.document().select("#impact-channels-heading").text()).as(language).isNotBlank();
			long online = number(impact, "#impact-online");
			long atCentres = number(impact, "#impact-at-centres");
			Locale locale = Locale.forLanguageTag(language);
			assertThat(impact.document().select("#impact-online-label").text()).as(language)
				.isEqualTo(messages.getMessage("impact.channels.online", new Object[] { online }, locale));
			assertThat(impact.document().select("#impact-at-centres-label").text()).as(language)
				.isEqualTo(messages.getMessage("impact.channels.atCentres", new Object[] { atCentres }, locale));
		}
	}

	@Test
	void theCountsTakeThePluralTheirLanguageNeeds() {
		Locale ru = Locale.forLanguageTag("ru");
		assertThat(say("impact.channels.online", 1, ru)).isEqualTo("письмо взято на сайте");
		assertThat(say("impact.channels.online", 3, ru)).isEqualTo("письма взяты на сайте");
		assertThat(say("impact.channels.online", 5, ru)).isEqualTo("писем взято на сайте");
		assertThat(say("impact.channels.online", 21, ru)).isEqualTo("письмо взято на сайте");
		assertThat(say("impact.channels.atCentres", 2, ru)).isEqualTo("письма сняты с бумажных ёлок в центрах ASAN xidmət");
		assertThat(say("impact.channels.atCentres", 11, ru)).isEqualTo("писем снято с бумажных ёлок в центрах ASAN xidmət");
		assertThat(say("impact.channels.online", 1, Locale.ENGLISH)).isEqualTo("letter taken on the website");
		assertThat(say("impact.channels.atCentres", 0, Locale.ENGLISH))
			.isEqualTo("letters taken off paper trees at ASAN service centres");
		assertThat(say("impact.channels.atCentres", 1, Locale.ENGLISH))
			.isEqualTo("letter taken off a paper tree at an ASAN service centre");
		// Azerbaijani counts a noun in the singular after any number
		Locale az = Locale.forLanguageTag("az");
		assertThat(say("impact.channels.online", 1, az)).isEqualTo(say("impact.channels.online", 7, az))
			.isEqualTo("məktub saytda götürülüb");
	}

	private String say(String key, long count, Locale locale) {
		return messages.getMessage(key, new Object[] { count }, locale);
	}

	private static long number(Page page, String css) {
		return Long.parseLong(page.document().select(css).text().replaceAll("[^0-9]", ""));
	}

}
