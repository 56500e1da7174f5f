package az.asan.mektub.platform.i18n;

import java.time.Duration;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one {@link MessageSource} of pages, mails, validation and exports: Boot's
 * {@code spring.messages.*} settings, formatted by ICU ({@link IcuMessageSource}) so that bundle lines
 * can use plural rules and Azerbaijani endings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageSourceProperties.class)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource(MessageSourceProperties properties) {
		IcuMessageSource source = new IcuMessageSource();
		if (!properties.getBasename().isEmpty()) {
			source.setBasenames(properties.getBasename()
				.stream()
				.map(StringUtils::trimAllWhitespace)
				.toArray(String[]::new));
		}
		if (properties.getEncoding() != null) {
			source.setDefaultEncoding(properties.getEncoding().name());
		}
		source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		Duration cacheDuration = properties.getCacheDuration();
		if (cacheDuration != null) {
			source.setCacheMillis(cacheDuration.toMillis());
		}
		source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		return source;
	}

}
