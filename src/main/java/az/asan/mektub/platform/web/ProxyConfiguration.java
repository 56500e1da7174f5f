package az.asan.mektub.platform.web;

import az.asan.mektub.platform.settings.AsanProperties;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The first filters of every request: forwarded headers only from trusted proxies, then requests no
 * browser sends are refused before any feature sees them.
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

	@Bean
	FilterRegistrationBean<TrustedProxies> trustedProxies(AsanProperties asan) {
		FilterRegistrationBean<TrustedProxies> registration = new FilterRegistrationBean<>(new TrustedProxies(asan.trustedProxies()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC,
				jakarta.servlet.DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestGuard> requestGuard(
			MultipartProperties multipart, TomcatServerProperties tomcat) {
		DataSize maxRequest = multipart.getMaxRequestSize();
		DataSize maxFile = multipart.getMaxFileSize();
		DataSize maxForm = tomcat.getMaxHttpFormPostSize();
		// Every upload form sends one file, so a body over the file limit holds a file too large.
		FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(
				new RequestGuard(Math.min(maxRequest.toBytes(), maxFile.toBytes()), maxForm.toBytes()));
		// after the session filter: the 413 page is shown with the signed-in person's menu
		registration.setOrder(org.springframework.session.web.http.SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

}
