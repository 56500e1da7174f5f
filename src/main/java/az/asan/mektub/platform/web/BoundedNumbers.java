package az.asan.mektub.platform.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.text.ParseException;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every sum of money bound from a request, on every form and URL, goes through the bounded parser
 * of {@link WebConfiguration#parseDecimal}. The formatter alone is not enough: when it refuses a
 * value, Spring's binder falls back to its default editor, which accepts {@code 1e-10000000}, and
 * validating or querying that number then takes seconds to minutes of one core. An editor registered
 * here is used instead of both.
 */
@ControllerAdvice
class BoundedNumbers {

	@InitBinder
	void boundDecimals(WebDataBinder binder) {
		binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				if (!StringUtils.hasText(text)) {
					setValue(null);
					return;
				}
				try {
					setValue(WebConfiguration.parseDecimal(text));
				}
				catch (ParseException ex) {
					throw new IllegalArgumentException("Not a sum of money: " + text.substring(0, Math.min(40, text.length())));
				}
			}

			@Override
			public String getAsText() {
				Object value = getValue();
				return value instanceof BigDecimal decimal ? decimal.setScale(2, java.math.RoundingMode.HALF_UP)
					.toPlainString()
					.replace('.', ',') : "";
			}

		});
	}

}
