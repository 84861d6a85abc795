package kz.prometric.erp.workflow;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.shared.Problems;
import org.camunda.bpm.engine.IdentityService;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs an engine REST request as the authenticated ERP user: sets the engine's current
 * authentication (user id, groups, tenants) for the request's thread and clears it
 * afterwards, so the engine's authorization and tenant checks apply to everything the
 * request does.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	private final EngineDirectory directory;

	private final ObjectMapper mapper;

	/**
	 * The caller's account, memberships and teams are read in one read-only transaction
	 * (three before, one per read; docs/benchmarks.md).
	 */
	private final TransactionTemplate readOnly;

	EngineAuthenticationFilter(IdentityService identityService, EngineDirectory directory, ObjectMapper mapper,
			PlatformTransactionManager transactions) {
		this.identityService = identityService;
		this.directory = directory;
		this.mapper = mapper;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Optional<EngineIdentity.Resolved> engineUser = this.readOnly
			.execute((status) -> Optional.ofNullable(authentication)
				.map(EngineAuthenticationFilter::emailOf)
				.flatMap(this.directory::resolve));
		if (engineUser.isEmpty()) {
			Problems.write(response, this.mapper,
					Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication is required"));
			return;
		}
		EngineIdentity.Resolved user = engineUser.get();
		this.identityService.setAuthentication(user.userId(), user.groupIds(), user.tenantIds());
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private static String emailOf(Authentication authentication) {
		if (authentication.getPrincipal() instanceof Jwt jwt) {
			return jwt.getClaimAsString("email");
		}
		return authentication.getName();
	}

}
