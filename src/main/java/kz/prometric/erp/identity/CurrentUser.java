package kz.prometric.erp.identity;

import java.util.UUID;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated ERP user of the current request, as established by the bearer token.
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static UUID id() {
		return UUID.fromString(jwt().getSubject());
	}

	public static String email() {
		return jwt().getClaimAsString(TokenService.CLAIM_EMAIL);
	}

	static Jwt jwt() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			return jwt;
		}
		throw new AuthenticationCredentialsNotFoundException("No authenticated ERP user");
	}

}
