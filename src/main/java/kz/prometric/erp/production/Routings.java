package kz.prometric.erp.production;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Routings extends JpaRepository<Routing, UUID> {

	Optional<Routing> findByWorkspaceIdAndProductId(UUID workspaceId, UUID productId);

	boolean existsByWorkspaceIdAndProductId(UUID workspaceId, UUID productId);

}
