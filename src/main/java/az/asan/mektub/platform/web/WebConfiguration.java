package az.asan.mektub.platform.web;

import az.asan.mektub.platform.i18n.LanguageCookie;
import az.asan.mektub.platform.i18n.LanguageSwitch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.ParseException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;
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

	/** Bounds of any number typed into a form or URL: sums of money need far less. */
	static final int MAX_NUMBER_LENGTH = 30;

	static final int MAX_SCALE = 10;

	static final int MAX_INTEGER_DIGITS = 12;

	/**
	 * Dates from a request (ISO, as {@code <input type="date">} sends them) outside these years are
	 * refused like a mistyped one: PostgreSQL and the arithmetic on dates stop far earlier than
	 * {@code -999999999-01-01}, and no child, campaign or report lies outside them.
	 */
	static final int MIN_YEAR = 1900;

	static final int MAX_YEAR = 2199;

	/** Resolved files and their hashed names are kept; not in development, where they change (Spring profile dev). */
	private final boolean keepResolvedFiles;

	WebConfiguration(@Value("${spring.web.resources.chain.cache:true}") boolean keepResolvedFiles) {
		this.keepResolvedFiles = keepResolvedFiles;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(LanguageCookie.NAME) {
			// LanguageCookie hides any other value; should one still come here, it is Azerbaijani, never a 500.
			@Override
			protected Locale parseLocaleValue(String value) {
				return LanguageCookie.supported(value) ? Locale.forLanguageTag(value) : null;
			}
		};
		resolver.setRejectInvalidCookies(false);
		resolver.setDefaultLocale(AZERBAIJANI);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Static files under their own prefixes only. With Boot's default "/**", every link a page
	 * renders (/letters/…, /tree?…) was first looked up as a file inside the jar, which cost more than
	 * rendering the page. WebJars keep their version-less paths through the locator.
	 * <p>
	 * Pages link to each file under a name holding a hash of its content ({@code app-3f2a….css}, made by
	 * {@link ResourceUrlEncodingFilter} from {@code @{/css/app.css}}), so a browser may keep it for a
	 * year without asking again: a changed file has a new name. Links inside CSS (the ₼ font) are
	 * rewritten the same way.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl year = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(year)
			.resourceChain(keepResolvedFiles)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addResolver(new LiteWebJarsResourceResolver());
		for (String folder : new String[] { "css", "js", "images" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(year)
				.resourceChain(keepResolvedFiles)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
				.addTransformer(new CssLinkResourceTransformer());
		}
	}

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
	}

	/** A sum typed into a form or URL, or a ParseException when it is not one or out of all bounds. */
	static BigDecimal parseDecimal(String text) throws ParseException {
		String plain = text.strip().replace("₼", "").replace(" ", "").replace("\u00a0", "");
		if (plain.indexOf(',') >= 0 && plain.indexOf('.') >= 0) {
			// both marks: the last one is the decimal point, the other groups (1,250.50 and 1.250,50)
			char grouping = plain.lastIndexOf(',') > plain.lastIndexOf('.') ? '.' : ',';
			plain = plain.replace(String.valueOf(grouping), "");
		}
		plain = plain.replace(',', '.');
		// Only ASCII digits: BigDecimal would read "１２" or "١٢" as 12, a sum no one sees typed as such.
		if (plain.length() > MAX_NUMBER_LENGTH || plain.chars().anyMatch(c -> c > 127)) {
			throw new ParseException(text, 0);
		}
		try {
			BigDecimal value = new BigDecimal(plain);
			if (Math.abs(value.scale()) > MAX_SCALE || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
				throw new ParseException(text, 0);
			}
			return value;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new ParseException(text, 0);
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageSwitch());
		registry.addInterceptor(new PublicPageCaching()).addPathPatterns(PublicPageCaching.PATHS);
	}

	/**
	 * Sums of money are typed the Azerbaijani way (45,50) as often as the English way (45.50). A
	 * number from a request is refused before anything computes with it when it is long or its
	 * exponent is far from any sum of money: {@code 1e-100000000} is a short text whose comparison,
	 * validation or binding to SQL takes minutes of one core.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(BigDecimal.class, new Formatter<BigDecimal>() {

			@Override
			public BigDecimal parse(String text, Locale locale) throws ParseException {
				return parseDecimal(text);
			}

			@Override
			public String print(BigDecimal value, Locale locale) {
				String plain = value.setScale(2, RoundingMode.HALF_UP).toPlainString();
				// as the reader writes a sum: 45.50 in English, 45,50 in Azerbaijani and Russian
				return locale != null && "en".equals(locale.getLanguage()) ? plain : plain.replace('.', ',');
			}

		});
		registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {

			@Override
			public LocalDate parse(String text, Locale locale) throws ParseException {
				try {
					LocalDate date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
					if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
						throw new ParseException(text, 0);
					}
					return date;
				}
				catch (DateTimeParseException ex) {
					throw new ParseException(text, 0);
				}
			}

			@Override
			public String print(LocalDate value, Locale locale) {
				return value.format(DateTimeFormatter.ISO_LOCAL_DATE);
			}

		});
	}

}
