package kz.prometric.erp.sales;

import java.util.UUID;

/**
 * What an order-fulfilment instance is bound to, as the engine knows it and no user can
 * change: its tenant (the workspace), its business key (the order number) and its own id.
 * Process steps find their order by these, never by a process variable.
 */
public record FulfilmentInstance(UUID workspaceId, String orderNumber, String processInstanceId) {

	public FulfilmentInstance {
		if (workspaceId == null || orderNumber == null || processInstanceId == null) {
			throw new IllegalStateException("An order-fulfilment instance has a tenant and a business key");
		}
	}

}
