package kz.prometric.erp.identity;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who is logged in to the ERP's own pages: the user and the ERP session his login opened.
 * Kept in the HTTP session (stored in PostgreSQL by Spring Session, so it must stay
 * serializable); the session is checked on every request, so ending it (logout, logout
 * everywhere, a blocked account) ends the page login at once.
 */
public record ErpPrincipal(UUID userId, String email, UUID sessionId) implements Serializable {

	@Override
	public String toString() {
		return this.email;
	}

}
