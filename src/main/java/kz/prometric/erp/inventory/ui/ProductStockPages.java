package kz.prometric.erp.inventory.ui;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.prometric.erp.catalog.BillOfMaterialsView;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.CatalogManagement.ProductFilter;
import kz.prometric.erp.catalog.ProductCategory;
import kz.prometric.erp.catalog.ProductStatus;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.inventory.MinimumStockView;
import kz.prometric.erp.inventory.StockLevelView;
import kz.prometric.erp.inventory.StockMovementView;
import kz.prometric.erp.inventory.WarehouseView;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Products with their stock: the list (stock on hand over all warehouses beside each
 * product) and a product's page (stock per warehouse with its minimum quantity, recent
 * movements, price, VAT, bill of materials). They live in the inventory, which may read
 * the catalog; creating and editing a product are the catalog's pages.
 */
@ErpPages
class ProductStockPages {

	private static final int MAX_SEARCH = 100;

	private final CatalogManagement catalog;

	private final InventoryManagement inventory;

	private final MessageSource messages;

	ProductStockPages(CatalogManagement catalog, InventoryManagement inventory, MessageSource messages) {
		this.catalog = catalog;
		this.inventory = inventory;
		this.messages = messages;
	}

	@GetMapping("/app/{workspaceId}/products")
	String list(@PathVariable UUID workspaceId, @RequestParam(required = false) String q,
			@RequestParam(required = false) ProductStatus status,
			@RequestParam(required = false) ProductCategory category, PageQuery page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String search = (q == null) ? null : q.strip();
		if (search != null && search.length() > MAX_SEARCH) {
			search = search.substring(0, MAX_SEARCH);
		}
		UUID caller = CurrentUser.id();
		PageResult<ProductView> products = this.catalog.products(workspaceId, caller,
				new ProductFilter(status, search, category), page);
		Map<UUID, BigDecimal> onHand = this.inventory.onHandByProduct(workspaceId, caller,
				products.items().stream().map(ProductView::id).toList());
		String path = "/app/" + workspaceId + "/products";
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("q", search);
		filters.put("status", status);
		filters.put("category", category);
		String sort = sort(page);
		model.addAttribute("products", products);
		model.addAttribute("onHand", onHand);
		model.addAttribute("q", search);
		model.addAttribute("status", status);
		model.addAttribute("category", category);
		model.addAttribute("statuses", ProductStatus.values());
		model.addAttribute("categories", ProductCategory.values());
		model.addAttribute("sort", sort);
		model.addAttribute("sortBase", FormInput.url(path, filters));
		filters.put("sort", sort);
		model.addAttribute("pageBase", FormInput.url(path, filters));
		model.addAttribute("filtered", search != null && !search.isEmpty() || status != null || category != null);
		return (htmx != null) ? "inventory/products :: results" : "inventory/products";
	}

	@GetMapping("/app/{workspaceId}/products/{productId}")
	String product(@PathVariable UUID workspaceId, @PathVariable UUID productId, Model model) {
		show(workspaceId, productId, model, Map.of(), null);
		return "inventory/product";
	}

	/**
	 * Sets the minimum quantity of the product in one warehouse, from the product's page;
	 * a refused value shows the page again with the message beside the field.
	 */
	@PostMapping("/app/{workspaceId}/products/{productId}/minimums")
	String setMinimum(@PathVariable UUID workspaceId, @PathVariable UUID productId,
			@RequestParam(required = false) String warehouseId, @RequestParam(required = false) String minimumQuantity,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID warehouse = FormInput.uuid(warehouseId);
		Map<String, String> errors = new HashMap<>();
		BigDecimal minimum = null;
		try {
			minimum = FormInput.decimal(minimumQuantity);
			if (minimum == null) {
				errors.put("minimumQuantity", FormInput.message(this.messages, "inventory.error.required"));
			}
		}
		catch (NumberFormatException ex) {
			errors.put("minimumQuantity", FormInput.message(this.messages, "inventory.error.number"));
		}
		if (warehouse == null) {
			throw new InvalidInputException("warehouseId", "must be a warehouse id");
		}
		if (errors.isEmpty()) {
			try {
				this.inventory.setMinimum(workspaceId, CurrentUser.id(), warehouse, productId, minimum);
				redirect.addFlashAttribute("minimumSaved", warehouse);
				return "redirect:/app/" + workspaceId + "/products/" + productId;
			}
			catch (InvalidInputException ex) {
				FormInput.addViolations(errors, ex.violations(), this.messages);
			}
			catch (BusinessRuleViolation ex) {
				FormInput.addViolations(errors, ex.violations(), this.messages);
			}
		}
		show(workspaceId, productId, model, errors, warehouse);
		model.addAttribute("minimumInput", minimumQuantity);
		response.setStatus(422);
		return "inventory/product";
	}

	private void show(UUID workspaceId, UUID productId, Model model, Map<String, String> errors, UUID failedWarehouse) {
		UUID caller = CurrentUser.id();
		ProductView product = this.catalog.product(workspaceId, caller, productId);
		Map<UUID, StockLevelView> stock = this.inventory
			.stock(workspaceId, caller, productId, null, PageQuery.first(PageQuery.MAX_SIZE))
			.items()
			.stream()
			.collect(Collectors.toMap(StockLevelView::warehouseId, Function.identity()));
		Map<UUID, BigDecimal> minimums = this.inventory.minimums(workspaceId, caller, productId, null)
			.stream()
			.collect(Collectors.toMap(MinimumStockView::warehouseId, MinimumStockView::minimumQuantity));
		PageResult<WarehouseView> warehouses = this.inventory.warehouses(workspaceId, caller,
				PageQuery.first(PageQuery.MAX_SIZE));
		Map<UUID, WarehouseView> warehouseById = new LinkedHashMap<>();
		warehouses.items().forEach(w -> warehouseById.put(w.id(), w));
		// a warehouse beyond the first hundred that holds the product still shows
		stock.keySet()
			.stream()
			.filter(id -> !warehouseById.containsKey(id))
			.forEach(id -> warehouseById.put(id, this.inventory.warehouse(workspaceId, caller, id)));
		List<WarehouseStock> rows = warehouseById.values()
			.stream()
			.map(w -> new WarehouseStock(w, stock.get(w.id()), minimums.get(w.id())))
			.toList();
		BigDecimal total = stock.values()
			.stream()
			.map(StockLevelView::onHand)
			.reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add);
		PageResult<StockMovementView> movements = this.inventory.movements(workspaceId, caller, productId, null, null,
				new PageQuery(1, 10, "createdAt", Sort.Direction.DESC));
		BillOfMaterialsView bom = this.catalog.billOfMaterials(workspaceId, caller, productId);
		model.addAttribute("product", product);
		model.addAttribute("rows", rows);
		model.addAttribute("totalOnHand", total);
		model.addAttribute("valuation", this.inventory.valuation(workspaceId, caller, productId));
		model.addAttribute("movements", movements);
		model.addAttribute("warehouseNames", warehouseById);
		model.addAttribute("bom", bom);
		model.addAttribute("errors", errors);
		model.addAttribute("failedWarehouse", failedWarehouse);
	}

	static String sort(PageQuery page) {
		return (page.sortProperty() != null)
				? page.sortProperty() + "," + page.direction().name().toLowerCase(Locale.ROOT) : "";
	}

	/** A warehouse's line on a product's page: its stock (null: none yet) and minimum. */
	record WarehouseStock(WarehouseView warehouse, StockLevelView stock, BigDecimal minimum) {

		public BigDecimal onHand() {
			return (this.stock != null) ? this.stock.onHand() : BigDecimal.ZERO;
		}

		public BigDecimal reserved() {
			return (this.stock != null) ? this.stock.reserved() : BigDecimal.ZERO;
		}

		public BigDecimal available() {
			return (this.stock != null) ? this.stock.available() : BigDecimal.ZERO;
		}

		public boolean belowMinimum() {
			return this.minimum != null && onHand().compareTo(this.minimum) < 0;
		}

	}

}
