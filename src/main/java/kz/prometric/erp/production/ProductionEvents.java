package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Facts production publishes, in the changing transaction. Sales listens to the ones that
 * carry its order ({@code sourceOrderId}) and moves its own process; production listens
 * to its own to wake a parent run waiting for a sub-assembly.
 */
public final class ProductionEvents {

	private ProductionEvents() {
	}

	/**
	 * A run passed its inspection and its output is in stock
	 * ({@code production.finished}). {@code sourceOrderId}/{@code sourceOrderLineId}: the
	 * sales order line it was planned for, or null; {@code parentProductionOrderId}: the
	 * production order it supplies, or null.
	 */
	public record ProductionRunFinished(UUID workspaceId, UUID productionOrderId, String orderNumber, UUID productId,
			BigDecimal goodQuantity, UUID sourceOrderId, UUID sourceOrderLineId, UUID parentProductionOrderId,
			Instant occurredAt) {
	}

	/**
	 * A run ended without output: cancelled, or scrapped ({@code replannedAs} is then the
	 * number of the production order planned for the shortfall, which carries the same
	 * source and parent).
	 */
	public record ProductionRunStopped(UUID workspaceId, UUID productionOrderId, String orderNumber, String outcome,
			String replannedAs, UUID sourceOrderId, UUID sourceOrderLineId, UUID parentProductionOrderId,
			Instant occurredAt) {
	}

	/** Goods of a purchase requisition were received into stock. */
	public record PurchaseReceived(UUID workspaceId, String requisitionNumber, String purchaseOrderNumber,
			UUID productId, BigDecimal quantity, UUID sourceOrderId, UUID productionOrderId, Instant occurredAt) {
	}

	/** A purchase requisition was rejected by its approver. */
	public record PurchaseRejected(UUID workspaceId, String requisitionNumber, UUID productId, UUID sourceOrderId,
			UUID productionOrderId, String reason, Instant occurredAt) {
	}

}
