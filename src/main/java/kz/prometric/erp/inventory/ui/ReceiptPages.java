package kz.prometric.erp.inventory.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.CatalogManagement.ProductFilter;
import kz.prometric.erp.catalog.ProductStatus;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.IdempotentRequests;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.PageQuery;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Receiving stock: {@code /app/{ws}/inventory/receipts/new?productId=&warehouseId=} (the
 * Replenish stock task links here with both filled in). Needs the MANAGER role, like the
 * API. The form carries a key made when it was shown, so sending it twice receives once.
 */
@ErpPages
class ReceiptPages {

	private final InventoryManagement inventory;

	private final CatalogManagement catalog;

	private final WorkspaceManagement workspaces;

	private final IdempotentRequests idempotency;

	private final MessageSource messages;

	ReceiptPages(InventoryManagement inventory, CatalogManagement catalog, WorkspaceManagement workspaces,
			IdempotentRequests idempotency, MessageSource messages) {
		this.inventory = inventory;
		this.catalog = catalog;
		this.workspaces = workspaces;
		this.idempotency = idempotency;
		this.messages = messages;
	}

	@GetMapping("/app/{workspaceId}/inventory/receipts/new")
	String form(@PathVariable UUID workspaceId, @ModelAttribute("receipt") ReceiptForm receipt, Model model) {
		UUID caller = CurrentUser.id();
		this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER);
		// ids in the address are the page's: another workspace's product or warehouse is
		// not found
		UUID productId = FormInput.uuid(receipt.getProductId());
		UUID warehouseId = FormInput.uuid(receipt.getWarehouseId());
		if (receipt.getProductId() != null && !receipt.getProductId().isBlank() && productId == null
				|| receipt.getWarehouseId() != null && !receipt.getWarehouseId().isBlank() && warehouseId == null) {
			throw new kz.prometric.erp.shared.NotFoundException("Product or warehouse", null);
		}
		if (productId != null) {
			this.catalog.product(workspaceId, caller, productId);
		}
		if (warehouseId != null) {
			this.inventory.warehouse(workspaceId, caller, warehouseId);
		}
		receipt.setFormKey(UUID.randomUUID().toString());
		return show(workspaceId, receipt, Map.of(), model);
	}

	@PostMapping("/app/{workspaceId}/inventory/receipts")
	String receive(@PathVariable UUID workspaceId, @ModelAttribute("receipt") ReceiptForm receipt, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID caller = CurrentUser.id();
		this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER);
		Map<String, String> errors = new HashMap<>();
		UUID productId = FormInput.uuid(receipt.getProductId());
		UUID warehouseId = FormInput.uuid(receipt.getWarehouseId());
		if (productId == null) {
			errors.put("productId", FormInput.message(this.messages, "inventory.error.choose"));
		}
		if (warehouseId == null) {
			errors.put("warehouseId", FormInput.message(this.messages, "inventory.error.choose"));
		}
		BigDecimal quantity = number(receipt.getQuantity(), "quantity", true, errors);
		BigDecimal unitCost = number(receipt.getUnitCost(), "unitCost", false, errors);
		String note = (receipt.getNote() == null || receipt.getNote().isBlank()) ? null : receipt.getNote().strip();
		if (note != null && note.length() > 1000) {
			errors.put("note", FormInput.message(this.messages, "inventory.error.tooLong", 1000));
		}
		String key = (receipt.getFormKey() != null && receipt.getFormKey().matches("[A-Za-z0-9-]{1,100}"))
				? "ui-receipt:" + receipt.getFormKey() : null;
		if (errors.isEmpty()) {
			try {
				String fingerprint = "UI receipt " + warehouseId + " " + productId + " " + quantity.toPlainString()
						+ " " + note + " " + ((unitCost != null) ? unitCost.toPlainString() : "");
				this.idempotency.execute(workspaceId, caller, key, fingerprint,
						() -> this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER),
						() -> this.inventory.receive(workspaceId, caller, warehouseId, productId, quantity, unitCost,
								note));
				ProductView product = this.catalog.product(workspaceId, caller, productId);
				redirect.addFlashAttribute("receiptDone", new ReceiptDone(product.name(), quantity, product.unit()));
				return "redirect:/app/" + workspaceId + "/warehouses/" + warehouseId;
			}
			catch (InvalidInputException ex) {
				FormInput.addViolations(errors, ex.violations(), this.messages);
			}
			catch (BusinessRuleViolation ex) {
				FormInput.addViolations(errors, ex.violations(), this.messages);
			}
		}
		response.setStatus(422);
		return show(workspaceId, receipt, errors, model);
	}

	private BigDecimal number(String text, String field, boolean required, Map<String, String> errors) {
		try {
			BigDecimal value = FormInput.decimal(text);
			if (value == null && required) {
				errors.put(field, FormInput.message(this.messages, "inventory.error.required"));
			}
			return value;
		}
		catch (NumberFormatException ex) {
			errors.put(field, FormInput.message(this.messages, "inventory.error.number"));
			return null;
		}
	}

	private String show(UUID workspaceId, ReceiptForm receipt, Map<String, String> errors, Model model) {
		UUID caller = CurrentUser.id();
		List<ProductView> products = new ArrayList<>(this.catalog
			.products(workspaceId, caller, new ProductFilter(ProductStatus.ACTIVE, null),
					new PageQuery(1, PageQuery.MAX_SIZE, "name", Sort.Direction.ASC))
			.items());
		UUID chosen = FormInput.uuid(receipt.getProductId());
		if (chosen != null && products.stream().noneMatch(p -> p.id().equals(chosen))) {
			// chosen from a link: beyond the first hundred, or archived
			try {
				products.add(0, this.catalog.product(workspaceId, caller, chosen));
			}
			catch (kz.prometric.erp.shared.NotFoundException ex) {
				// a posted id that is not the workspace's: the list simply lacks it
			}
		}
		model.addAttribute("products", products);
		model.addAttribute("warehouses",
				this.inventory
					.warehouses(workspaceId, caller, new PageQuery(1, PageQuery.MAX_SIZE, "name", Sort.Direction.ASC))
					.items());
		model.addAttribute("errors", errors);
		return "inventory/receipt";
	}

	/** What the receipt page's success message says. */
	record ReceiptDone(String productName, BigDecimal quantity, String unit) implements java.io.Serializable {
	}

	/** The receipt form as typed: numbers as text, so a typo comes back as it was. */
	public static class ReceiptForm {

		private String productId;

		private String warehouseId;

		private String quantity;

		private String unitCost;

		private String note;

		private String formKey;

		public String getProductId() {
			return this.productId;
		}

		public void setProductId(String productId) {
			this.productId = productId;
		}

		public String getWarehouseId() {
			return this.warehouseId;
		}

		public void setWarehouseId(String warehouseId) {
			this.warehouseId = warehouseId;
		}

		public String getQuantity() {
			return this.quantity;
		}

		public void setQuantity(String quantity) {
			this.quantity = quantity;
		}

		public String getUnitCost() {
			return this.unitCost;
		}

		public void setUnitCost(String unitCost) {
			this.unitCost = unitCost;
		}

		public String getNote() {
			return this.note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public String getFormKey() {
			return this.formKey;
		}

		public void setFormKey(String formKey) {
			this.formKey = formKey;
		}

	}

}
