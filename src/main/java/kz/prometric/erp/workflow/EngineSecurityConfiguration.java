package kz.prometric.erp.workflow;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.shared.Problems;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Security of the engine's own surfaces.
 * <ul>
 * <li>{@code /engine-rest/**}: a bearer JWT or HTTP Basic with ERP credentials is
 * required; the engine then runs the request as that user, with their workspaces as
 * tenants and their roles as groups, so authorization and tenant checks apply.</li>
 * <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): the webapps authenticate with their
 * own login form against the ERP users (see {@link ErpIdentityProvider}); the first-run
 * administrator setup is closed.</li>
 * <li>Task and filter queries containing expressions ({@code ${}, {@code #{}) are refused
 * on both.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineSecurityConfiguration {

	static final String SETUP_PATH = "/camunda/api/admin/setup/**";

	@Bean
	@Order(10)
	SecurityFilterChain engineRestSecurity(HttpSecurity http, AuthenticationEntryPoint problemAuthenticationEntryPoint,
			AccessDeniedHandler problemAccessDeniedHandler, IdentityManagement identity, EngineDirectory directory,
			IdentityService identityService, ObjectMapper mapper, PlatformTransactionManager transactions)
			throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			response.addHeader("WWW-Authenticate", "Bearer");
			response.addHeader("WWW-Authenticate", "Basic realm=\"Prometric ERP\"");
			Problems.write(response, mapper,
					Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication is required"));
		};
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.authenticationProvider(erpPasswordAuthentication(identity))
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(problemAccessDeniedHandler))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(problemAccessDeniedHandler))
			.addFilterAfter(new EngineAuthenticationFilter(identityService, directory, mapper, transactions),
					AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(11)
	SecurityFilterChain webappSecurity(HttpSecurity http, AuthenticationEntryPoint problemAuthenticationEntryPoint,
			AccessDeniedHandler problemAccessDeniedHandler) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
			.authorizeHttpRequests(
					requests -> requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(SETUP_PATH))
						.denyAll()
						.anyRequest()
						.permitAll())
			// the webapps carry their own login, session and CSRF protection
			.csrf(AbstractHttpConfigurer::disable)
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problemAuthenticationEntryPoint)
				.accessDeniedHandler(problemAccessDeniedHandler));
		return http.build();
	}

	@Bean
	FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard(ObjectMapper mapper) {
		var registration = new FilterRegistrationBean<>(new QueryExpressionGuard(mapper));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(0);
		return registration;
	}

	/**
	 * Ends webapp logins whose ERP session has ended; runs before the webapps' own
	 * filters read the login from the HTTP session.
	 */
	@Bean
	FilterRegistrationBean<WebappSessionGuard> webappSessionGuard(IdentityManagement identity,
			TasklistFilters tasklistFilters) {
		var registration = new FilterRegistrationBean<>(new WebappSessionGuard(identity, tasklistFilters));
		registration.addUrlPatterns("/camunda/api/*", "/camunda/app/*");
		registration.setOrder(1);
		return registration;
	}

	private static AuthenticationProvider erpPasswordAuthentication(IdentityManagement identity) {
		return new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				String email = authentication.getName();
				String password = String.valueOf(authentication.getCredentials());
				return identity.verifyCredentials(email, password)
					.map(user -> UsernamePasswordAuthenticationToken.authenticated(user.email(), null, List.of()))
					.orElseThrow(() -> new BadCredentialsException("E-mail or password is wrong"));
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}
		};
	}

}
