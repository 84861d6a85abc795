package kz.prometric.erp.production;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupplierPrices extends JpaRepository<SupplierPrice, UUID> {

	Optional<SupplierPrice> findBySupplierIdAndProductId(UUID supplierId, UUID productId);

	List<SupplierPrice> findBySupplierIdOrderByUpdatedAtDesc(UUID supplierId);

	/**
	 * The prices of active suppliers of the workspace for the product, cheapest first
	 * (then the shorter lead time, then the supplier id, so the choice is stable).
	 */
	@Query("select p from SupplierPrice p, Supplier s where s.id = p.supplierId and s.active = true "
			+ "and p.workspaceId = :workspaceId and s.workspaceId = :workspaceId and p.productId = :productId "
			+ "order by p.unitPrice, p.leadTimeDays, p.supplierId")
	List<SupplierPrice> activeOffers(UUID workspaceId, UUID productId);

}
