package kz.prometric.erp.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change).addPathPatterns("/app/**", "/login", "/password/**", "/invitations/**");
	}

}
