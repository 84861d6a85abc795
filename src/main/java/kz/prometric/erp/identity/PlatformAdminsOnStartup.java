package kz.prometric.erp.identity;

import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Grants platform administration to the e-mail addresses in
 * {@code prometric.security.platform-admins} that already have accounts (those who
 * register later get it at registration).
 */
@Component
class PlatformAdminsOnStartup {

	private final IdentityManagement identity;

	private final IdentityProperties properties;

	PlatformAdminsOnStartup(IdentityManagement identity, IdentityProperties properties) {
		this.identity = identity;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void grant() {
		if (!this.properties.platformAdmins().isEmpty()) {
			this.identity.grantPlatformAdmin(Set.copyOf(this.properties.platformAdmins()));
		}
	}

}
