package kz.prometric.erp.inventory.web;

import java.math.BigDecimal;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.inventory.BelowMinimumView;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.inventory.MovementType;
import kz.prometric.erp.inventory.ReservationStatus;
import kz.prometric.erp.inventory.ReservationView;
import kz.prometric.erp.inventory.StockLevelView;
import kz.prometric.erp.inventory.StockMovementView;
import kz.prometric.erp.inventory.ValuationView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.IdempotentRequests;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}")
@Tag(name = "Stock")
class StockController {

	private final InventoryManagement inventory;

	private final IdempotentRequests idempotency;

	private final WorkspaceManagement workspaces;

	StockController(InventoryManagement inventory, IdempotentRequests idempotency, WorkspaceManagement workspaces) {
		this.inventory = inventory;
		this.idempotency = idempotency;
		this.workspaces = workspaces;
	}

	@GetMapping("/stock")
	@Operation(summary = "Stock levels (onHand, reserved, available, averageCost, value) per product and warehouse; "
			+ "sort by updatedAt, onHand or reserved")
	PageResult<StockLevelView> stock(@PathVariable UUID workspaceId, @RequestParam(required = false) UUID productId,
			@RequestParam(required = false) UUID warehouseId, PageQuery page) {
		return this.inventory.stock(workspaceId, CurrentUser.id(), productId, warehouseId, page);
	}

	@GetMapping("/stock/below-minimum")
	@Operation(summary = "Products whose stock on hand in a warehouse is below their minimum quantity, with the "
			+ "shortfall; largest shortfall first unless sorted by shortfall, onHand, minimumQuantity or warehouse")
	PageResult<BelowMinimumView> belowMinimum(@PathVariable UUID workspaceId, PageQuery page) {
		return this.inventory.belowMinimum(workspaceId, CurrentUser.id(), page);
	}

	@PostMapping("/stock/receipts")
	@Operation(summary = "Receive stock into a warehouse, optionally at a unit cost that moves the product's "
			+ "moving average cost (without one: at the current average); safe to retry with an Idempotency-Key")
	ResponseEntity<Object> receive(@PathVariable UUID workspaceId,
			@Parameter(description = "Retries with the same key answer the first result") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody ReceiptRequest request) {
		String fingerprint = "POST stock/receipts " + request.warehouseId() + " " + request.productId() + " "
				+ request.quantity().toPlainString() + " " + request.note()
				+ ((request.unitCost() != null) ? " unitCost=" + request.unitCost().toPlainString() : "");
		IdempotentRequests.Result result = this.idempotency.execute(workspaceId, CurrentUser.id(), idempotencyKey,
				fingerprint, () -> this.workspaces.requireRole(workspaceId, CurrentUser.id(), WorkspaceRole.MANAGER),
				() -> this.inventory.receive(workspaceId, CurrentUser.id(), request.warehouseId(), request.productId(),
						request.quantity(), request.unitCost(), request.note()));
		return result.answer(HttpStatus.CREATED);
	}

	@PostMapping("/stock/adjustments")
	@Operation(summary = "Correct stock on hand by a positive or negative quantity, never below what is reserved; "
			+ "safe to retry with an Idempotency-Key")
	ResponseEntity<Object> adjust(@PathVariable UUID workspaceId,
			@Parameter(description = "Retries with the same key answer the first result") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody AdjustmentRequest request) {
		String fingerprint = "POST stock/adjustments " + request.warehouseId() + " " + request.productId() + " "
				+ request.quantity().toPlainString() + " " + request.note();
		IdempotentRequests.Result result = this.idempotency.execute(workspaceId, CurrentUser.id(), idempotencyKey,
				fingerprint, () -> this.workspaces.requireRole(workspaceId, CurrentUser.id(), WorkspaceRole.MANAGER),
				() -> this.inventory.adjust(workspaceId, CurrentUser.id(), request.warehouseId(), request.productId(),
						request.quantity(), request.note()));
		return result.answer(HttpStatus.CREATED);
	}

	@GetMapping("/products/{productId}/valuation")
	@Operation(summary = "The product's stock on hand in all warehouses, its moving average cost and their value")
	ValuationView valuation(@PathVariable UUID workspaceId, @PathVariable UUID productId) {
		return this.inventory.valuation(workspaceId, CurrentUser.id(), productId);
	}

	@GetMapping("/stock/movements")
	@Operation(
			summary = "The stock ledger, filtered by product, warehouse or type; sort by createdAt, type or quantity")
	PageResult<StockMovementView> movements(@PathVariable UUID workspaceId,
			@RequestParam(required = false) UUID productId, @RequestParam(required = false) UUID warehouseId,
			@RequestParam(required = false) MovementType type, PageQuery page) {
		return this.inventory.movements(workspaceId, CurrentUser.id(), productId, warehouseId, type, page);
	}

	@GetMapping("/reservations")
	@Operation(summary = "Reservations against order lines, filtered by order, product or status; "
			+ "sort by createdAt, quantity or status")
	PageResult<ReservationView> reservations(@PathVariable UUID workspaceId,
			@RequestParam(required = false) UUID orderId, @RequestParam(required = false) UUID productId,
			@RequestParam(required = false) ReservationStatus status, PageQuery page) {
		return this.inventory.reservations(workspaceId, CurrentUser.id(), orderId, productId, status, page);
	}

	record ReceiptRequest(@NotNull UUID warehouseId, @NotNull UUID productId,
			@NotNull @DecimalMin("0.001") @Digits(integer = 16, fraction = 3) BigDecimal quantity,
			@DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitCost, @Size(max = 1000) String note) {
	}

	record AdjustmentRequest(@NotNull UUID warehouseId, @NotNull UUID productId,
			@NotNull @Digits(integer = 16, fraction = 3) BigDecimal quantity, @Size(max = 1000) String note) {
	}

}
