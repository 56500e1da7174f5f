package az.asan.mektub.platform.i18n;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsUnitTest {

	private final Formats formats = new Formats();

	@Test
	void numbersAreGroupedWithASpace() {
		assertThat(formats.number(10512)).isEqualTo("10 512");
		assertThat(formats.number(1_000_000)).isEqualTo("1 000 000");
		assertThat(formats.number(56)).isEqualTo("56");
	}

	@Test
	void datesAreDayMonthYear() {
		assertThat(formats.date(LocalDate.of(2025, 12, 18))).isEqualTo("18.12.2025");
	}

	@Test
	void moneyIsInManatWithADecimalComma() {
		assertThat(formats.money(new BigDecimal("25"))).isEqualTo("25,00 ₼");
		assertThat(formats.money(new BigDecimal("1250.5"))).isEqualTo("1 250,50 ₼");
	}

}
