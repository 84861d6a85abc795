package kz.prometric.erp.production.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.production.PurchaseOrderStatus;
import kz.prometric.erp.production.PurchaseOrderView;
import kz.prometric.erp.production.PurchasingManagement;
import kz.prometric.erp.production.PurchasingManagement.PurchaseOrderFilter;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Purchase orders, read only: placed and received by the purchase-requisition process.
 */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}/purchase-orders")
@Tag(name = "Purchasing")
class PurchasingOrderController {

	private final PurchasingManagement purchasing;

	PurchasingOrderController(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@GetMapping
	@Operation(summary = "Purchase orders, filtered by status, supplier or product; "
			+ "sort by createdAt, number, amount or status")
	PageResult<PurchaseOrderView> list(@PathVariable UUID workspaceId,
			@RequestParam(required = false) PurchaseOrderStatus status, @RequestParam(required = false) UUID supplierId,
			@RequestParam(required = false) UUID productId, PageQuery page) {
		return this.purchasing.purchaseOrders(workspaceId, CurrentUser.id(),
				new PurchaseOrderFilter(status, supplierId, productId), page);
	}

	@GetMapping("/{purchaseOrderId}")
	PurchaseOrderView get(@PathVariable UUID workspaceId, @PathVariable UUID purchaseOrderId) {
		return this.purchasing.purchaseOrder(workspaceId, CurrentUser.id(), purchaseOrderId);
	}

}
