package kz.prometric.erp.identity;

import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.servlet.http.HttpServletRequest;
import kz.prometric.erp.shared.Problems;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Security of the ERP API ({@code /api/**}) and of everything not claimed by a more
 * specific chain: stateless bearer JWTs, problem+json for 401 and 403. Only registration,
 * login, refresh, health and the API documentation are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

	private static final Set<String> OPEN_AUTH_PATHS = Set.of("/api/auth/register", "/api/auth/login",
			"/api/auth/refresh", "/api/auth/verify-email", "/api/auth/resend-verification", "/api/auth/forgot-password",
			"/api/auth/reset-password", "/api/auth/invitation", "/api/auth/register-invited");

	/**
	 * Spring Security's own observations are off: with a meter registry present they wrap
	 * each of the chain's filters of every request in an observation (a timer and its
	 * context, about 5 % of a request's CPU in the order-to-cash profile,
	 * docs/benchmarks.md). The HTTP server's request metrics
	 * ({@code http.server.requests}) stay, and so does every security check.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecretKey jwtSigningKey(IdentityProperties properties) {
		return JwtKeys.load(properties);
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey jwtSigningKey, IdentityProperties properties, Sessions sessions) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer()), new SessionStillActive(sessions)));
		return decoder;
	}

	/** The client address for login throttling, bound before every other filter. */
	@Bean
	FilterRegistrationBean<LoginSource.Filter> loginSourceFilter() {
		FilterRegistrationBean<LoginSource.Filter> registration = new FilterRegistrationBean<>(
				new LoginSource.Filter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	PasswordEncoder passwordEncoder(IdentityProperties properties) {
		return new BCryptPasswordEncoder(properties.bcryptStrength());
	}

	@Bean
	AuthenticationEntryPoint problemAuthenticationEntryPoint(ObjectMapper mapper) {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer");
			Problems.write(response, mapper,
					Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication is required"));
		};
	}

	@Bean
	AccessDeniedHandler problemAccessDeniedHandler(ObjectMapper mapper) {
		return (request, response, ex) -> Problems.write(response, mapper,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Access denied"));
	}

	/**
	 * Bearer tokens are read everywhere except on registration, login and refresh: a
	 * client that still sends its expired access token must be able to log in or refresh.
	 */
	@Bean
	BearerTokenResolver bearerTokenResolver() {
		DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
		return request -> isOpenAuthCall(request) ? null : resolver.resolve(request);
	}

	private static boolean isOpenAuthCall(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod())
				&& OPEN_AUTH_PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Bean
	@Order(20)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationEntryPoint problemAuthenticationEntryPoint,
			AccessDeniedHandler problemAccessDeniedHandler) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
			.authorizeHttpRequests(
					requests -> requests.requestMatchers(HttpMethod.POST, OPEN_AUTH_PATHS.toArray(String[]::new))
						.permitAll()
						.requestMatchers(HttpMethod.GET, "/api/auth/verify-email")
						.permitAll()
						.anyRequest()
						.authenticated());
		return stateless(http, problemAuthenticationEntryPoint, problemAccessDeniedHandler).build();
	}

	@Bean
	@Order(100)
	SecurityFilterChain defaultSecurity(HttpSecurity http, AuthenticationEntryPoint problemAuthenticationEntryPoint,
			AccessDeniedHandler problemAccessDeniedHandler, Users users, Environment environment) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/livez", "/readyz",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error", "/",
					"/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/**")
			.access(platformAdminOrManagementPort(users, environment))
			.anyRequest()
			.authenticated());
		return stateless(http, problemAuthenticationEntryPoint, problemAccessDeniedHandler).build();
	}

	/**
	 * Metrics and the other actuator endpoints are platform data: open on the separate
	 * management port ({@code management.server.port}, reachable only inside the
	 * deployment's network, where Prometheus scrapes it), and on the main port only to
	 * platform administrators (403 for everyone else, 401 without a token).
	 */
	static AuthorizationManager<RequestAuthorizationContext> platformAdminOrManagementPort(Users users,
			Environment environment) {
		Integer managementPort = environment.getProperty("management.server.port", Integer.class);
		Integer serverPort = environment.getProperty("server.port", Integer.class, 8080);
		boolean separatePort = managementPort != null && managementPort > 0 && !managementPort.equals(serverPort);
		return (authentication, context) -> {
			if (separatePort && context.getRequest().getLocalPort() == managementPort) {
				return new AuthorizationDecision(true);
			}
			Authentication auth = authentication.get();
			boolean admin = auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof Jwt jwt
					&& users.findById(UUID.fromString(jwt.getSubject())).map(User::isPlatformAdmin).orElse(false);
			return new AuthorizationDecision(admin);
		};
	}

	private static HttpSecurity stateless(HttpSecurity http, AuthenticationEntryPoint entryPoint,
			AccessDeniedHandler accessDenied) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
	}

	/**
	 * An access token is only as good as its session: logout or refresh-token reuse ends
	 * it early.
	 */
	private record SessionStillActive(Sessions sessions) implements OAuth2TokenValidator<Jwt> {

		@Override
		public OAuth2TokenValidatorResult validate(Jwt token) {
			String sid = token.getClaimAsString(TokenService.CLAIM_SESSION);
			try {
				if (sid != null && this.sessions.isActive(UUID.fromString(sid))) {
					return OAuth2TokenValidatorResult.success();
				}
			}
			catch (IllegalArgumentException ex) {
				// malformed session id: fall through to failure
			}
			return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The session has ended", null));
		}

	}

}
