package az.asan.mektub.platform.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request as something that must not read what was sent sees it: no parameter and no query (a page
 * rendered for many, {@link PageShells.StandIn}; the error page of a refused request, {@link RequestGuard}).
 */
class WithoutParameters extends HttpServletRequestWrapper {

	WithoutParameters(HttpServletRequest request) {
		super(request);
	}

	@Override
	public String getParameter(String name) {
		return null;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return Map.of();
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.emptyEnumeration();
	}

	@Override
	public String[] getParameterValues(String name) {
		return null;
	}

	@Override
	public String getQueryString() {
		return null;
	}

}
