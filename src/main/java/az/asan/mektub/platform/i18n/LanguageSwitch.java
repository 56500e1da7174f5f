package az.asan.mektub.platform.i18n;

import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** {@code ?lang=az|en|ru} switches the language; any other value is ignored, not half-applied. */
public class LanguageSwitch extends LocaleChangeInterceptor {

	public static final Set<String> SUPPORTED = Set.of("az", "en", "ru");

	public LanguageSwitch() {
		setParamName("lang");
		setIgnoreInvalidLocale(true);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws ServletException {
		String lang = request.getParameter(getParamName());
		if (lang != null && !SUPPORTED.contains(lang)) {
			return true;
		}
		return super.preHandle(request, response, handler);
	}

}
