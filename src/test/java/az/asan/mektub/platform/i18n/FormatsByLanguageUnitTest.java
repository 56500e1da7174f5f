package az.asan.mektub.platform.i18n;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsByLanguageUnitTest {

	private final Formats formats = new Formats();

	@AfterEach
	void forgetTheReader() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void anEnglishReaderSeesEnglishNumbersMoneyAndPercentages() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(formats.number(10512)).isEqualTo("10,512");
		assertThat(formats.money(new BigDecimal("25"))).isEqualTo("₼25.00");
		assertThat(formats.money(new BigDecimal("1250.5"))).isEqualTo("₼1,250.50");
		assertThat(formats.percent(1.0)).isEqualTo("100.0%");
		assertThat(formats.decimal(1234.5)).isEqualTo("1,234.5");
	}

	@Test
	void azerbaijaniAndRussianReadersKeepTheProgramsFormats() {
		for (String language : new String[] { "az", "ru" }) {
			LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
			assertThat(formats.number(10512)).as(language).isEqualTo("10 512");
			assertThat(formats.money(new BigDecimal("25"))).as(language).isEqualTo("25,00 ₼");
			assertThat(formats.percent(1.0)).as(language).isEqualTo("100,0 %");
		}
	}

	@Test
	void countsInEnglishSentencesAreGroupedTheEnglishWay() {
		String pattern = "{0, plural, one {# letter} other {# letters}}";
		assertThat(IcuMessageSource.format(pattern, Locale.ENGLISH, 10512)).isEqualTo("10,512 letters");
		assertThat(IcuMessageSource.format(pattern, Locale.ENGLISH, "10,512")).isEqualTo("10,512 letters");
		assertThat(IcuMessageSource.format("{0} məktub", Locale.forLanguageTag("az"), 10512)).isEqualTo("10 512 məktub");
	}

}
