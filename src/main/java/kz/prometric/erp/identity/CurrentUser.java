package kz.prometric.erp.identity;

import java.util.UUID;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated ERP user of the current request, as established by the bearer token
 * or by a login to the ERP's pages ({@link ErpPrincipal}).
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static UUID id() {
		if (pageLogin() instanceof ErpPrincipal principal) {
			return principal.userId();
		}
		return UUID.fromString(jwt().getSubject());
	}

	public static String email() {
		if (pageLogin() instanceof ErpPrincipal principal) {
			return principal.email();
		}
		return jwt().getClaimAsString(TokenService.CLAIM_EMAIL);
	}

	/**
	 * The ERP session of the current request, whether it came with a token or a page
	 * login.
	 */
	static UUID sessionId() {
		if (pageLogin() instanceof ErpPrincipal principal) {
			return principal.sessionId();
		}
		return UUID.fromString(jwt().getClaimAsString(TokenService.CLAIM_SESSION));
	}

	private static Object pageLogin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getPrincipal() : null;
	}

	static Jwt jwt() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			return jwt;
		}
		throw new AuthenticationCredentialsNotFoundException("No authenticated ERP user");
	}

}
