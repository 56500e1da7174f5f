package az.asan.mektub.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Languages: Azerbaijani by default, English and Russian on request. {@code ?lang=en|ru|az}
 * switches and a cookie remembers the choice (not the session, so it survives signing out).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale AZERBAIJANI = Locale.forLanguageTag("az");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("ASANLANG");
		resolver.setDefaultLocale(AZERBAIJANI);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Static files under their own prefixes only. With Boot's default "/**", every link a page
	 * renders (/letters/…, /tree?…) was first looked up as a file inside the jar, which cost more than
	 * rendering the page. WebJars keep their version-less paths through the locator.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		for (String folder : new String[] { "css", "js", "images" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
				// resolved once, not looked up on the classpath for every link of every page
				.resourceChain(true);
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageSwitch());
	}

	/** Sums of money are typed the Azerbaijani way (45,50) as often as the English way (45.50). */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(BigDecimal.class, new Formatter<BigDecimal>() {

			@Override
			public BigDecimal parse(String text, Locale locale) throws ParseException {
				String plain = text.replace("₼", "").replace(" ", "").replace("\u00a0", "").replace(',', '.');
				try {
					return new BigDecimal(plain);
				}
				catch (NumberFormatException ex) {
					throw new ParseException(text, 0);
				}
			}

			@Override
			public String print(BigDecimal value, Locale locale) {
				return value.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
			}

		});
	}

}
