package kz.prometric.erp.inventory;

import java.util.List;
import java.util.Optional;
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

	/**
	 * The first movement of a type referring to a document (e.g. the output of a
	 * production order).
	 */
	Optional<Movement> findFirstByWorkspaceIdAndTypeAndReferenceTypeAndReferenceIdOrderByCreatedAt(UUID workspaceId,
			MovementType type, String referenceType, UUID referenceId);

	/**
	 * The first movement of a type referring to a document and a product (a purchase
	 * order's receipt).
	 */
	Optional<Movement> findFirstByWorkspaceIdAndTypeAndReferenceTypeAndReferenceIdAndProductIdOrderByCreatedAt(
			UUID workspaceId, MovementType type, String referenceType, UUID referenceId, UUID productId);

	/** Every movement of a type referring to a document, oldest first. */
	List<Movement> findByWorkspaceIdAndTypeAndReferenceTypeAndReferenceIdOrderByCreatedAtAscIdAsc(UUID workspaceId,
			MovementType type, String referenceType, UUID referenceId);

}
