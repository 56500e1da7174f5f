package az.asan.mektub.platform.settings;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The typed settings ({@link AsanProperties}), also known by the short bean name {@code asanProperties}
 * so that {@code @Scheduled} can read a job's schedule from them, e.g.
 * {@code @Scheduled(cron = "#{@asanProperties.jobs().holdExpiry().cron()}")}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AsanProperties.class)
public class SettingsConfiguration {

	@Bean
	static BeanFactoryPostProcessor asanPropertiesAlias() {
		return beanFactory -> beanFactory.registerAlias("asan-" + AsanProperties.class.getName(), "asanProperties");
	}

}
