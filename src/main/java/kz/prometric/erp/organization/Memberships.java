package kz.prometric.erp.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Memberships extends JpaRepository<Membership, UUID> {

	Optional<Membership> findByWorkspaceIdAndUserId(UUID workspaceId, UUID userId);

	List<Membership> findByUserId(UUID userId);

	List<Membership> findByWorkspaceId(UUID workspaceId);

	Page<Membership> findByWorkspaceId(UUID workspaceId, Pageable pageable);

	boolean existsByWorkspaceIdAndUserId(UUID workspaceId, UUID userId);

}
