package kz.prometric.erp.finance;

import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.document.DocumentTargets;
import kz.prometric.erp.document.ObjectType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the document module whether invoices and credit notes exist in a workspace, so
 * documents are attached only to the caller's own workspace's objects.
 */
@Component
class FinanceDocumentTargets implements DocumentTargets {

	private final Invoices invoices;

	FinanceDocumentTargets(Invoices invoices) {
		this.invoices = invoices;
	}

	@Override
	public Set<ObjectType> types() {
		return Set.of(ObjectType.INVOICE);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(ObjectType type, UUID workspaceId, UUID objectId) {
		return type == ObjectType.INVOICE && this.invoices.findByIdAndWorkspaceId(objectId, workspaceId).isPresent();
	}

}
