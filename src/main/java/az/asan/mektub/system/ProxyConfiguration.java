package az.asan.mektub.system;

import org.springframework.beans.factory.annotation.Value;
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
			@Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxRequest,
			@Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize maxFile,
			@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm) {
		// Every upload form sends one file, so a body over the file limit holds a file too large.
		FilterRegistrationBean<RequestGuard> registration = new FilterRegistrationBean<>(
				new RequestGuard(Math.min(maxRequest.toBytes(), maxFile.toBytes()), maxForm.toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
