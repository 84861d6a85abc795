package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import kz.prometric.erp.production.PurchasingManagement.ApproverLevel;
import kz.prometric.erp.production.PurchasingManagement.RequisitionStatus;

/**
 * A purchase requisition as the API shows it. {@code amount} = estimated unit price ×
 * quantity, KZT without VAT; {@code priceSource} SUPPLIER_PRICE (the cheapest active
 * supplier's price) or STANDARD_COST (the product's cost, when no supplier offers it);
 * {@code approverLevel} what {@code dmn/purchase-approval.dmn} chose (null until then).
 */
public record RequisitionView(UUID id, UUID workspaceId, String number, RequisitionStatus status, UUID productId,
		String productCode, String productName, String materialCategory, BigDecimal quantity, UUID warehouseId,
		BigDecimal estimatedUnitPrice, BigDecimal amount, String priceSource, UUID supplierId, String supplierName,
		Source source, UUID requestedBy, String requestedByEmail, String requesterRole, ApproverLevel approverLevel,
		String decidedBy, Instant decidedAt, String decisionComment, String rejectionReason, UUID purchaseOrderId,
		String purchaseOrderNumber, String processInstanceId, Instant createdAt, Instant updatedAt) {

	/**
	 * {@code type} PRODUCTION_ORDER (with the order and requirement ids) or SALES_ORDER
	 * (with the order and line ids).
	 */
	public record Source(String type, UUID productionOrderId, UUID requirementId, UUID salesOrderId,
			UUID salesOrderLineId) {
	}

}
