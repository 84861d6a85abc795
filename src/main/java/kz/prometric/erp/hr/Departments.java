package kz.prometric.erp.hr;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Departments extends JpaRepository<Department, UUID> {

	Page<Department> findByOrganizationId(UUID organizationId, Pageable pageable);

	Optional<Department> findByIdAndOrganizationId(UUID id, UUID organizationId);

	boolean existsByOrganizationIdAndNameIgnoreCase(UUID organizationId, String name);

}
