package kz.prometric.erp.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The pages' language resolution and the {@code ?lang=} switch. */
@Configuration(proxyBeanMethods = false)
class UiConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		return new UiLocaleResolver();
	}

	/**
	 * Reads the home page's sections side by side (each is a few queries that mostly wait
	 * for the database). Small and bounded: a busy server queues sections rather than
	 * opening more connections than the pool has.
	 */
	@Bean
	ThreadPoolTaskExecutor homeSections() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(4);
		executor.setMaxPoolSize(4);
		executor.setQueueCapacity(1000);
		executor.setThreadNamePrefix("home-");
		return executor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change).addPathPatterns("/app/**", "/login", "/password/**", "/invitations/**");
	}

}
