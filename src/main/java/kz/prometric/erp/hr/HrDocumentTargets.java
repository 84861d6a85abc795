package kz.prometric.erp.hr;

import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.document.DocumentTargets;
import kz.prometric.erp.document.ObjectType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the document module whether employees exist in a workspace, so documents are
 * attached only to the caller's own workspace's objects.
 */
@Component
class HrDocumentTargets implements DocumentTargets {

	private final Employees employees;

	HrDocumentTargets(Employees employees) {
		this.employees = employees;
	}

	@Override
	public Set<ObjectType> types() {
		return Set.of(ObjectType.EMPLOYEE);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(ObjectType type, UUID workspaceId, UUID objectId) {
		return type == ObjectType.EMPLOYEE
				&& this.employees.findById(objectId).filter(e -> workspaceId.equals(e.workspaceId())).isPresent();
	}

}
