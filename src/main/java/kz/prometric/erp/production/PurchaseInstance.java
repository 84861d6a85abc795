package kz.prometric.erp.production;

import java.util.UUID;

/**
 * What a purchase-requisition instance is bound to: its tenant (the workspace), its
 * business key (the requisition number, {@code PR-2026-000001}) and its own id.
 */
public record PurchaseInstance(UUID workspaceId, String requisitionNumber, String processInstanceId) {

	public PurchaseInstance {
		if (workspaceId == null || requisitionNumber == null || processInstanceId == null) {
			throw new IllegalStateException("A purchase-requisition instance has a tenant and a business key");
		}
	}

}
