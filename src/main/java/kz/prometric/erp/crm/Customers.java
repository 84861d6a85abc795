package kz.prometric.erp.crm;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Customers extends JpaRepository<Customer, UUID> {

	Optional<Customer> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	boolean existsByWorkspaceIdAndTaxId(UUID workspaceId, String taxId);

	boolean existsByWorkspaceIdAndTaxIdAndIdNot(UUID workspaceId, String taxId, UUID id);

}
