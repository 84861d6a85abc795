package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suppliers, purchase requisitions ({@code PR-2026-000001}), their approval by
 * {@code dmn/purchase-approval.dmn} in the {@code purchase-requisition} process, purchase
 * orders ({@code PO-2026-000001}) and goods receipt into stock at the purchase price.
 * <p>
 * CONTRACT SKELETON (issue 9, being built): the methods below are what production and
 * sales rely on; the REST-facing methods and the process steps of
 * {@code purchase-requisition} are added by the purchasing author.
 */
@Service
public class PurchasingManagement {

	/**
	 * Raises a requisition for a production order's requirement that is short (called by
	 * {@link ProductionManagement#reserveMaterials} inside its transaction). Idempotent
	 * per requirement while a requisition for it is open (REQUESTED, APPROVED, ORDERED):
	 * the open one's number is answered. Does not start a process: the production run
	 * starts the purchase-requisition sub-process for it (call activity, business key =
	 * the number). {@code requestedBy} is the user who released the production order
	 * (their workspace role is an input of the approval table).
	 */
	@Transactional
	public String requestForProduction(UUID workspaceId, UUID productionOrderId, UUID requirementId, UUID productId,
			BigDecimal quantity, UUID warehouseId, UUID requestedBy) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * Raises a requisition for a sales order line short of a purchased product and starts
	 * its own purchase-requisition process (tenant = workspace, business key = the
	 * number). Idempotent per order line while open.
	 */
	@Transactional
	public String requestForSalesOrder(UUID workspaceId, UUID salesOrderId, UUID orderLineId, UUID productId,
			BigDecimal quantity) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	/**
	 * The status of a requisition of the workspace (IllegalStateException if unknown).
	 */
	@Transactional(readOnly = true)
	public RequisitionStatus requisitionStatus(UUID workspaceId, String requisitionNumber) {
		throw new UnsupportedOperationException("issue 9: being built");
	}

	public enum RequisitionStatus {

		REQUESTED, APPROVED, REJECTED, ORDERED, RECEIVED, CANCELLED

	}

}
