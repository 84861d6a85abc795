package kz.prometric.erp.sales;

import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.document.DocumentTargets;
import kz.prometric.erp.document.ObjectType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the document module whether orders exist in a workspace, so documents are
 * attached only to the caller's own workspace's objects.
 */
@Component
class SalesDocumentTargets implements DocumentTargets {

	private final Orders orders;

	SalesDocumentTargets(Orders orders) {
		this.orders = orders;
	}

	@Override
	public Set<ObjectType> types() {
		return Set.of(ObjectType.ORDER);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(ObjectType type, UUID workspaceId, UUID objectId) {
		return type == ObjectType.ORDER && this.orders.findByIdAndWorkspaceId(objectId, workspaceId).isPresent();
	}

}
