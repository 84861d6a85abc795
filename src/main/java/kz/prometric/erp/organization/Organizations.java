package kz.prometric.erp.organization;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Organizations extends JpaRepository<Organization, UUID> {

	boolean existsByBin(String bin);

	@Query(value = "select o from Organization o where exists (select m from Membership m, Workspace w "
			+ "where w.organizationId = o.id and w.type = kz.prometric.erp.organization.WorkspaceType.COMPANY "
			+ "and m.workspaceId = w.id and m.userId = :userId)",
			countQuery = "select count(o) from Organization o where exists (select m from Membership m, Workspace w "
					+ "where w.organizationId = o.id and w.type = kz.prometric.erp.organization.WorkspaceType.COMPANY "
					+ "and m.workspaceId = w.id and m.userId = :userId)")
	Page<Organization> findVisibleTo(UUID userId, Pageable pageable);

}
