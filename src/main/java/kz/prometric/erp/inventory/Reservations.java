package kz.prometric.erp.inventory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Reservations extends JpaRepository<Reservation, UUID> {

	/** The ACTIVE reservation of an order line, locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reservation r where r.workspaceId = :workspaceId and r.orderLineId = :orderLineId "
			+ "and r.status = kz.prometric.erp.inventory.ReservationStatus.ACTIVE")
	Optional<Reservation> lockActiveOfLine(UUID workspaceId, UUID orderLineId);

	/**
	 * The ACTIVE reservations of an order, locked, in the order balances are locked in
	 * (warehouse, product) so that concurrent callers cannot deadlock.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reservation r where r.workspaceId = :workspaceId and r.orderId = :orderId "
			+ "and r.status = kz.prometric.erp.inventory.ReservationStatus.ACTIVE "
			+ "order by r.warehouseId, r.productId, r.id")
	List<Reservation> lockActiveOfOrder(UUID workspaceId, UUID orderId);

	@Query("select r from Reservation r where r.workspaceId = :workspaceId "
			+ "and (:orderId is null or r.orderId = :orderId) and (:productId is null or r.productId = :productId) "
			+ "and (:status is null or r.status = :status)")
	Page<Reservation> search(UUID workspaceId, UUID orderId, UUID productId, ReservationStatus status,
			Pageable pageable);

}
