package kz.prometric.erp.inventory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Warehouses extends JpaRepository<Warehouse, UUID> {

	Optional<Warehouse> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	boolean existsByIdAndWorkspaceId(UUID id, UUID workspaceId);

	boolean existsByWorkspaceIdAndCodeIgnoreCase(UUID workspaceId, String code);

	boolean existsByWorkspaceIdAndCodeIgnoreCaseAndIdNot(UUID workspaceId, String code, UUID id);

	Page<Warehouse> findByWorkspaceId(UUID workspaceId, Pageable pageable);

}
