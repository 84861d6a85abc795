package kz.prometric.erp.notification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The notification stream's own security chain, ahead of the API's bearer-token chain: an
 * {@code EventSource} sends no bearer token, so the request reaches
 * {@link NotificationStreamController}, which accepts a stream token or the ERP pages'
 * login and answers 401 otherwise. Nothing else passes this chain.
 */
@Configuration(proxyBeanMethods = false)
class StreamSecurityConfiguration {

	static final String STREAM = "/api/notifications/stream";

	@Bean
	@Order(19)
	SecurityFilterChain notificationStreamSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, STREAM))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
