package kz.prometric.erp.crm;

import kz.prometric.erp.shared.WorkspaceRepository;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Customers extends WorkspaceRepository<Customer> {

	boolean existsByWorkspaceIdAndTaxId(UUID workspaceId, String taxId);

	boolean existsByWorkspaceIdAndTaxIdAndIdNot(UUID workspaceId, String taxId, UUID id);

}
