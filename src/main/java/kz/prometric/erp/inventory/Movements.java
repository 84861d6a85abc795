package kz.prometric.erp.inventory;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Movements extends JpaRepository<Movement, UUID> {

	@Query("select m from Movement m where m.workspaceId = :workspaceId "
			+ "and (:productId is null or m.productId = :productId) "
			+ "and (:warehouseId is null or m.warehouseId = :warehouseId) " + "and (:type is null or m.type = :type)")
	Page<Movement> search(UUID workspaceId, UUID productId, UUID warehouseId, MovementType type, Pageable pageable);

}
