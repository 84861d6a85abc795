package kz.prometric.erp.inventory.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.inventory.MovementType;
import kz.prometric.erp.inventory.StockLevelView;
import kz.prometric.erp.inventory.StockMovementView;
import kz.prometric.erp.inventory.WarehouseView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Warehouses: the list (search by code, name or address, sort, paging), and a warehouse's
 * page with its stock levels and its movements (newest first, filtered by product or
 * type). Buttons that need the MANAGER role (new, edit, receive) show only to those who
 * have it.
 */
@ErpPages
class WarehousePages {

	private static final int MAX_SEARCH = 100;

	private final InventoryManagement inventory;

	private final CatalogManagement catalog;

	private final WorkspaceManagement workspaces;

	WarehousePages(InventoryManagement inventory, CatalogManagement catalog, WorkspaceManagement workspaces) {
		this.inventory = inventory;
		this.catalog = catalog;
		this.workspaces = workspaces;
	}

	@GetMapping("/app/{workspaceId}/warehouses")
	String list(@PathVariable UUID workspaceId, @RequestParam(required = false) String q, PageQuery page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String search = (q == null || q.isBlank()) ? null : q.strip();
		if (search != null && search.length() > MAX_SEARCH) {
			search = search.substring(0, MAX_SEARCH);
		}
		UUID caller = CurrentUser.id();
		String path = "/app/" + workspaceId + "/warehouses";
		String sort = ProductStockPages.sort(page);
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("q", search);
		model.addAttribute("warehouses", this.inventory.warehouses(workspaceId, caller, search, page));
		model.addAttribute("q", search);
		model.addAttribute("filtered", search != null);
		model.addAttribute("sort", sort);
		model.addAttribute("sortBase", FormInput.url(path, filters));
		filters.put("sort", sort);
		model.addAttribute("pageBase", FormInput.url(path, filters));
		model.addAttribute("canManage", canManage(workspaceId, caller));
		return (htmx != null) ? "inventory/warehouses :: results" : "inventory/warehouses";
	}

	@GetMapping("/app/{workspaceId}/warehouses/{warehouseId}")
	String warehouse(@PathVariable UUID workspaceId, @PathVariable UUID warehouseId,
			@RequestParam(required = false) UUID productId, @RequestParam(required = false) MovementType type,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Model model) {
		UUID caller = CurrentUser.id();
		WarehouseView warehouse = this.inventory.warehouse(workspaceId, caller, warehouseId);
		PageResult<StockLevelView> stock = this.inventory.stock(workspaceId, caller, null, warehouseId,
				new PageQuery(1, PageQuery.MAX_SIZE, "onHand", Sort.Direction.DESC));
		PageResult<StockMovementView> movements = this.inventory.movements(workspaceId, caller, productId, warehouseId,
				type, new PageQuery(page, size, "createdAt", Sort.Direction.DESC));
		Map<UUID, ProductView> products = new HashMap<>();
		stock.items().forEach(s -> products.computeIfAbsent(s.productId(), id -> product(workspaceId, id)));
		movements.items().forEach(m -> products.computeIfAbsent(m.productId(), id -> product(workspaceId, id)));
		if (productId != null) {
			// another workspace's product is not found, as in the API
			products.put(productId, this.catalog.product(workspaceId, caller, productId));
		}
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("productId", productId);
		filters.put("type", type);
		model.addAttribute("warehouse", warehouse);
		model.addAttribute("stock", stock);
		model.addAttribute("movements", movements);
		model.addAttribute("products", products);
		model.addAttribute("productId", productId);
		model.addAttribute("type", type);
		model.addAttribute("types", MovementType.values());
		model.addAttribute("pageBase", FormInput.url("/app/" + workspaceId + "/warehouses/" + warehouseId, filters));
		model.addAttribute("canManage", canManage(workspaceId, caller));
		return "inventory/warehouse";
	}

	private boolean canManage(UUID workspaceId, UUID caller) {
		return this.workspaces.requireMember(workspaceId, caller).includes(WorkspaceRole.MANAGER);
	}

	private ProductView product(UUID workspaceId, UUID productId) {
		return this.catalog.product(workspaceId, CurrentUser.id(), productId);
	}

}
