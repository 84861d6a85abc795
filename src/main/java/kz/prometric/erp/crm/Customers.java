package kz.prometric.erp.crm;

import java.util.UUID;

import kz.prometric.erp.shared.WorkspaceRepository;

interface Customers extends WorkspaceRepository<Customer> {

	boolean existsByWorkspaceIdAndTaxId(UUID workspaceId, String taxId);

	boolean existsByWorkspaceIdAndTaxIdAndIdNot(UUID workspaceId, String taxId, UUID id);

}
