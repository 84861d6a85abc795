package kz.prometric.erp.production.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.production.ProductionManagement;
import kz.prometric.erp.production.ProductionManagement.NewProductionOrder;
import kz.prometric.erp.production.ProductionOrderView;
import kz.prometric.erp.production.ProductionStatus;
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

/**
 * Production orders: plan by hand, list, read, release (starts the run) and cancel. No
 * route sets a status: the production-run process moves the order.
 */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}/production-orders")
@Tag(name = "Production")
class ProductionOrderController {

	private final ProductionManagement production;

	private final IdempotentRequests idempotency;

	private final WorkspaceManagement workspaces;

	ProductionOrderController(ProductionManagement production, IdempotentRequests idempotency,
			WorkspaceManagement workspaces) {
		this.production = production;
		this.idempotency = idempotency;
		this.workspaces = workspaces;
	}

	@PostMapping
	@Operation(summary = "Plan a production order by hand (managers); safe to retry with an Idempotency-Key")
	ResponseEntity<Object> create(@PathVariable UUID workspaceId,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody CreateProductionOrderRequest request) {
		IdempotentRequests.Result result = this.idempotency.execute(workspaceId, CurrentUser.id(), idempotencyKey,
				"POST production-orders " + request,
				() -> this.workspaces.requireRole(workspaceId, CurrentUser.id(), WorkspaceRole.MANAGER),
				() -> this.production.create(workspaceId, CurrentUser.id(), new NewProductionOrder(request.productId(),
						request.quantity(), request.dueDate(), request.warehouseId())));
		return result.answer(HttpStatus.CREATED, URI
			.create("/api/workspaces/" + workspaceId + "/production-orders/" + result.json().path("id").asText()));
	}

	@GetMapping
	@Operation(summary = "Production orders, filtered by status or product; sort by createdAt, orderNumber, "
			+ "dueDate or status")
	PageResult<ProductionOrderView> list(@PathVariable UUID workspaceId,
			@RequestParam(required = false) ProductionStatus status, @RequestParam(required = false) UUID productId,
			PageQuery page) {
		return this.production.orders(workspaceId, CurrentUser.id(), status, productId, page);
	}

	@GetMapping("/{productionOrderId}")
	@Operation(summary = "A production order with its materials, operations, inspections and cost")
	ProductionOrderView get(@PathVariable UUID workspaceId, @PathVariable UUID productionOrderId) {
		return this.production.order(workspaceId, CurrentUser.id(), productionOrderId);
	}

	@PostMapping("/{productionOrderId}/release")
	@Operation(summary = "Release a planned order (managers): its production run starts")
	ProductionOrderView release(@PathVariable UUID workspaceId, @PathVariable UUID productionOrderId) {
		return this.production.release(workspaceId, CurrentUser.id(), productionOrderId);
	}

	@PostMapping("/{productionOrderId}/cancel")
	@Operation(summary = "Cancel an order that is not done, scrapped or cancelled (managers); "
			+ "its reserved materials are given back")
	ProductionOrderView cancel(@PathVariable UUID workspaceId, @PathVariable UUID productionOrderId,
			@Valid @RequestBody CancelProductionOrderRequest request) {
		return this.production.cancel(workspaceId, CurrentUser.id(), productionOrderId, request.reason());
	}

	record CreateProductionOrderRequest(@NotNull UUID productId,
			@NotNull @DecimalMin(value = "0.001") @Digits(integer = 16, fraction = 3) BigDecimal quantity,
			LocalDate dueDate, @NotNull UUID warehouseId) {
	}

	record CancelProductionOrderRequest(@NotBlank @Size(max = 2000) String reason) {
	}

}
