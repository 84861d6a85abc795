package kz.prometric.erp.production.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.production.PurchasingManagement;
import kz.prometric.erp.production.PurchasingManagement.RequisitionFilter;
import kz.prometric.erp.production.PurchasingManagement.RequisitionStatus;
import kz.prometric.erp.production.RequisitionView;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Purchase requisitions, read only: they are raised by production and sales, approved,
 * ordered and received in their purchase-requisition process, never through this API.
 */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}/purchase-requisitions")
@Tag(name = "Purchasing")
class PurchasingRequisitionController {

	private final PurchasingManagement purchasing;

	PurchasingRequisitionController(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@GetMapping
	@Operation(summary = "Purchase requisitions, filtered by status, product, production order or sales order; "
			+ "sort by createdAt, number, amount or status")
	PageResult<RequisitionView> list(@PathVariable UUID workspaceId,
			@RequestParam(required = false) RequisitionStatus status, @RequestParam(required = false) UUID productId,
			@RequestParam(required = false) UUID productionOrderId, @RequestParam(required = false) UUID salesOrderId,
			PageQuery page) {
		return this.purchasing.requisitions(workspaceId, CurrentUser.id(),
				new RequisitionFilter(status, productId, productionOrderId, salesOrderId), page);
	}

	@GetMapping("/{requisitionId}")
	RequisitionView get(@PathVariable UUID workspaceId, @PathVariable UUID requisitionId) {
		return this.purchasing.requisition(workspaceId, CurrentUser.id(), requisitionId);
	}

}
