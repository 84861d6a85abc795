package kz.prometric.erp.ui;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.prometric.erp.identity.ErpPrincipal;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.workflow.WebappLogins;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security of the ERP's pages: a login form (e-mail and password, the same accounts as
 * the API), an HTTP session kept in PostgreSQL (Spring Session JDBC, so any node serves
 * it), CSRF tokens on every form and htmx request. The login opens an ERP session which
 * is checked on every request: logout, logout everywhere, a password change or a blocked
 * account ends the page login at once. The same login signs the user in to Tasklist.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

	static final String LOGIN = "/login";

	private static final String[] PAGES = { "/", "/app", "/app/**", LOGIN, "/logout", "/password/**", "/invitations/**",
			"/webjars/**", "/ui/**" };

	private static final String[] PUBLIC = { "/", LOGIN, "/password/**", "/invitations/**", "/webjars/**", "/ui/**" };

	@Bean
	@Order(15)
	SecurityFilterChain pageSecurity(HttpSecurity http, IdentityManagement identity, WebappLogins webapps)
			throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler toPages = new SavedRequestAwareAuthenticationSuccessHandler();
		toPages.setDefaultTargetUrl("/app");
		http.securityMatcher(matching(PAGES))
			.authorizeHttpRequests(
					requests -> requests.requestMatchers(matching(PUBLIC)).permitAll().anyRequest().authenticated())
			.authenticationProvider(pageLogins(identity))
			.formLogin(form -> form.loginPage(LOGIN)
				.usernameParameter("email")
				.passwordParameter("password")
				.failureUrl(LOGIN + "?error")
				.successHandler((request, response, authentication) -> {
					if (authentication.getPrincipal() instanceof ErpPrincipal principal) {
						webapps.signIn(request.getSession(), principal.email(), principal.sessionId());
						UiLocaleResolver.rememberPreferred(request, identity, principal.userId());
					}
					toPages.onAuthenticationSuccess(request, response, authentication);
				})
				.permitAll())
			.logout(logout -> logout
				.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
					.matcher(org.springframework.http.HttpMethod.POST, "/logout"))
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof ErpPrincipal principal) {
						identity.logout(principal.sessionId());
					}
				})
				.invalidateHttpSession(true)
				.logoutSuccessUrl(LOGIN + "?logout"))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(loginPage()))
			.addFilterAfter(new PageSessionGuard(identity), SecurityContextHolderFilter.class);
		return http.build();
	}

	private static RequestMatcher matching(String... patterns) {
		PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(List.of(patterns).stream().map(p -> (RequestMatcher) builder.matcher(p)).toList());
	}

	/** To the login page; an htmx request is told to load it as a whole page. */
	private static AuthenticationEntryPoint loginPage() {
		LoginUrlAuthenticationEntryPoint redirect = new LoginUrlAuthenticationEntryPoint(LOGIN);
		return (request, response, ex) -> {
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			redirect.commence(request, response, ex);
		};
	}

	private static AuthenticationProvider pageLogins(IdentityManagement identity) {
		return new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				return identity.pageLogin(authentication.getName(), String.valueOf(authentication.getCredentials()))
					.map(principal -> UsernamePasswordAuthenticationToken.authenticated(principal, null,
							List.of(new SimpleGrantedAuthority("ROLE_USER"))))
					.orElseThrow(() -> new BadCredentialsException("E-mail or password is wrong"));
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}
		};
	}

	/**
	 * Ends a page login whose ERP session has ended or whose account is blocked, before
	 * anything reads it: the request continues unauthenticated (to the login page).
	 */
	static final class PageSessionGuard extends OncePerRequestFilter {

		private final IdentityManagement identity;

		PageSessionGuard(IdentityManagement identity) {
			this.identity = identity;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof ErpPrincipal principal
					&& !this.identity.isSessionOf(principal.sessionId(), principal.email())) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					try {
						session.invalidate();
					}
					catch (IllegalStateException ex) {
						// already invalidated
					}
				}
			}
			chain.doFilter(request, response);
		}

	}

}
