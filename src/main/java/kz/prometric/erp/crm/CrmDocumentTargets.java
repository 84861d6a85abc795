package kz.prometric.erp.crm;

import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.document.DocumentTargets;
import kz.prometric.erp.document.ObjectType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the document module whether customers and deals exist in a workspace, so
 * documents are attached only to the caller's own workspace's objects.
 */
@Component
class CrmDocumentTargets implements DocumentTargets {

	private final Customers customers;

	private final Deals deals;

	CrmDocumentTargets(Customers customers, Deals deals) {
		this.customers = customers;
		this.deals = deals;
	}

	@Override
	public Set<ObjectType> types() {
		return Set.of(ObjectType.CUSTOMER, ObjectType.DEAL);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(ObjectType type, UUID workspaceId, UUID objectId) {
		return switch (type) {
			case CUSTOMER -> this.customers.findByIdAndWorkspaceId(objectId, workspaceId).isPresent();
			case DEAL -> this.deals.findByIdAndWorkspaceId(objectId, workspaceId).isPresent();
			default -> false;
		};
	}

}
