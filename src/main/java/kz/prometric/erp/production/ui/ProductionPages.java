package kz.prometric.erp.production.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.production.ProductionManagement;
import kz.prometric.erp.production.ProductionOrderView;
import kz.prometric.erp.production.ProductionStatus;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.workflow.ProcessViews;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Production orders: the list (status filter, sorting, paging) and an order's page with
 * its operations, materials, cost and its production-run process. Another workspace's
 * order is 404.
 */
@ErpPages
class ProductionPages {

	private final ProductionManagement production;

	private final CatalogManagement catalog;

	private final InventoryManagement inventory;

	private final ProcessViews processes;

	ProductionPages(ProductionManagement production, CatalogManagement catalog, InventoryManagement inventory,
			ProcessViews processes) {
		this.production = production;
		this.catalog = catalog;
		this.inventory = inventory;
		this.processes = processes;
	}

	@GetMapping("/app/{workspaceId}/production")
	String list(@PathVariable UUID workspaceId, @RequestParam(required = false) ProductionStatus status, PageQuery page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		UUID me = CurrentUser.id();
		PageResult<ProductionOrderView> result = this.production.orders(workspaceId, me, status, null, page);
		Map<UUID, String> productNames = new HashMap<>();
		result.items().forEach(o -> productNames.computeIfAbsent(o.productId(), id -> productName(workspaceId, id)));
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/{ws}/production");
		if (status != null) {
			base.queryParam("status", status);
		}
		String baseUrl = base.buildAndExpand(workspaceId).toUriString();
		model.addAttribute("result", result);
		model.addAttribute("productNames", productNames);
		model.addAttribute("statuses", ProductionStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("baseUrl", baseUrl);
		model.addAttribute("sortBase",
				UriComponentsBuilder.fromUriString(baseUrl).queryParam("size", page.size()).build().toUriString());
		model.addAttribute("currentSort",
				(page.sortProperty() != null) ? page.sortProperty() + "," + page.direction().name().toLowerCase() : "");
		return (htmx != null) ? "production/orders :: results" : "production/orders";
	}

	@GetMapping("/app/{workspaceId}/production/{orderId}")
	String order(@PathVariable UUID workspaceId, @PathVariable UUID orderId, Model model) {
		UUID me = CurrentUser.id();
		ProductionOrderView order = this.production.order(workspaceId, me, orderId);
		Map<UUID, String> productNames = new HashMap<>();
		productNames.put(order.productId(), productName(workspaceId, order.productId()));
		order.requirements()
			.forEach(r -> productNames.computeIfAbsent(r.productId(), id -> productName(workspaceId, id)));
		model.addAttribute("order", order);
		model.addAttribute("productNames", productNames);
		if (order.warehouseId() != null) {
			try {
				model.addAttribute("warehouse", this.inventory.warehouse(workspaceId, me, order.warehouseId()));
			}
			catch (NotFoundException ex) {
				// the page shows no warehouse name
			}
		}
		model.addAttribute("process", this.processes.forObject(workspaceId, me, "PRODUCTION_ORDER", orderId));
		return "production/order";
	}

	private String productName(UUID workspaceId, UUID productId) {
		if (productId == null) {
			return "";
		}
		try {
			return this.catalog.requireProduct(workspaceId, productId).name();
		}
		catch (NotFoundException | BusinessRuleViolation ex) {
			return productId.toString();
		}
	}

}
