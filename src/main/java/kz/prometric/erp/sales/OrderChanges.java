package kz.prometric.erp.sales;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderChanges extends JpaRepository<OrderChange, UUID> {

	Page<OrderChange> findByOrderIdAndWorkspaceId(UUID orderId, UUID workspaceId, Pageable pageable);

}
