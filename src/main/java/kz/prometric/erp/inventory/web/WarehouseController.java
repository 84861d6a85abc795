package kz.prometric.erp.inventory.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.inventory.MinimumStockView;
import kz.prometric.erp.inventory.WarehouseView;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/warehouses")
@Tag(name = "Warehouses")
class WarehouseController {

	static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]*";

	static final String CODE_MESSAGE = "must start with a letter or digit and contain only letters, digits and . _ / -";

	private final InventoryManagement inventory;

	WarehouseController(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@PostMapping
	@Operation(summary = "Create a warehouse; its code is unique in the workspace regardless of case")
	ResponseEntity<WarehouseView> create(@PathVariable UUID workspaceId,
			@Valid @RequestBody CreateWarehouseRequest request) {
		WarehouseView created = this.inventory.createWarehouse(workspaceId, CurrentUser.id(), request.code(),
				request.name(), request.address());
		return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/warehouses/" + created.id()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "Warehouses of the workspace, optionally those whose code, name or address contains q "
			+ "(any case, Cyrillic included); sort by code, name or createdAt")
	PageResult<WarehouseView> list(@PathVariable UUID workspaceId,
			@RequestParam(required = false) @Size(max = 100) String q, PageQuery page) {
		return this.inventory.warehouses(workspaceId, CurrentUser.id(), q, page);
	}

	@GetMapping("/{warehouseId}")
	WarehouseView get(@PathVariable UUID workspaceId, @PathVariable UUID warehouseId) {
		return this.inventory.warehouse(workspaceId, CurrentUser.id(), warehouseId);
	}

	@PatchMapping("/{warehouseId}")
	@Operation(summary = "Change a warehouse: absent fields stay, an empty address clears it")
	WarehouseView update(@PathVariable UUID workspaceId, @PathVariable UUID warehouseId,
			@Valid @RequestBody UpdateWarehouseRequest request) {
		return this.inventory.updateWarehouse(workspaceId, CurrentUser.id(), warehouseId, request.code(),
				request.name(), request.address());
	}

	@GetMapping("/{warehouseId}/minimums")
	@Operation(summary = "The minimum quantities (reorder points) set for products in the warehouse")
	List<MinimumStockView> minimums(@PathVariable UUID workspaceId, @PathVariable UUID warehouseId) {
		this.inventory.warehouse(workspaceId, CurrentUser.id(), warehouseId);
		return this.inventory.minimums(workspaceId, CurrentUser.id(), null, warehouseId);
	}

	@PutMapping("/{warehouseId}/minimums/{productId}")
	@Operation(summary = "Set the minimum quantity (reorder point) of a product in the warehouse: stock on hand "
			+ "below it is listed under /stock/below-minimum; 0 removes the minimum")
	MinimumStockView setMinimum(@PathVariable UUID workspaceId, @PathVariable UUID warehouseId,
			@PathVariable UUID productId, @Valid @RequestBody MinimumRequest request) {
		return this.inventory.setMinimum(workspaceId, CurrentUser.id(), warehouseId, productId,
				request.minimumQuantity());
	}

	record MinimumRequest(@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 3) BigDecimal minimumQuantity) {
	}

	record CreateWarehouseRequest(@NotBlank @Size(max = 50) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
			@NotBlank @Size(max = 255) String name, @Size(max = 1000) String address) {
	}

	record UpdateWarehouseRequest(@Size(max = 50) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
			@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@Size(max = 1000) String address) {
	}

}
