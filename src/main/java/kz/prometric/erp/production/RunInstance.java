package kz.prometric.erp.production;

import java.util.UUID;

/**
 * What a production-run instance is bound to, as the engine knows it and no user can
 * change: its tenant (the workspace), its business key (the production order number) and
 * its own id. Process steps find their production order by these, never by a variable.
 */
public record RunInstance(UUID workspaceId, String orderNumber, String processInstanceId) {

	public RunInstance {
		if (workspaceId == null || orderNumber == null || processInstanceId == null) {
			throw new IllegalStateException("A production-run instance has a tenant and a business key");
		}
	}

}
