package kz.prometric.erp.sales.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.sales.OrderChangeView;
import kz.prometric.erp.sales.OrderLine;
import kz.prometric.erp.sales.OrderManagement;
import kz.prometric.erp.sales.OrderManagement.OrderFilter;
import kz.prometric.erp.sales.OrderStatus;
import kz.prometric.erp.sales.OrderView;
import kz.prometric.erp.shared.IdempotentRequests;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/orders")
@Tag(name = "Orders")
class OrderController {

	/** Text with at least one character that is not white space (over several lines). */
	private static final String NOT_BLANK = "(?s).*\\S.*";

	private final OrderManagement orders;

	private final IdempotentRequests idempotency;

	private final WorkspaceManagement workspaces;

	OrderController(OrderManagement orders, IdempotentRequests idempotency, WorkspaceManagement workspaces) {
		this.orders = orders;
		this.idempotency = idempotency;
		this.workspaces = workspaces;
	}

	@PostMapping
	@Operation(summary = "Enter an order by hand; deliveryAddress defaults to the customer's address now "
			+ "(a snapshot); safe to retry with an Idempotency-Key")
	ResponseEntity<Object> create(@PathVariable UUID workspaceId,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody CreateOrderRequest request) {
		List<OrderLine> lines = request.lines().stream().map(OrderLineRequest::toLine).toList();
		IdempotentRequests.Result result = this.idempotency.execute(workspaceId, CurrentUser.id(), idempotencyKey,
				"POST orders " + request, () -> this.workspaces.requireMember(workspaceId, CurrentUser.id()),
				() -> this.orders.create(workspaceId, CurrentUser.id(), request.customerId(), lines,
						request.warehouseId(), request.deliveryAddress()));
		return result.answer(HttpStatus.CREATED,
				URI.create("/api/workspaces/" + workspaceId + "/orders/" + result.json().path("id").asText()));
	}

	@GetMapping
	@Operation(summary = "Orders, filtered by status, customer or order number; "
			+ "sort by createdAt, orderNumber, totalAmount or status")
	PageResult<OrderView> list(@PathVariable UUID workspaceId, @RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) UUID customerId, @RequestParam(required = false) @Size(max = 50) String q,
			PageQuery page) {
		return this.orders.orders(workspaceId, CurrentUser.id(), new OrderFilter(status, customerId, q), page);
	}

	@GetMapping("/{orderId}")
	OrderView get(@PathVariable UUID workspaceId, @PathVariable UUID orderId) {
		return this.orders.order(workspaceId, CurrentUser.id(), orderId);
	}

	@GetMapping("/{orderId}/history")
	@Operation(summary = "The order's own history: created, every status change and a cancellation, "
			+ "with who did it (none for the process's own steps) and when; sort by changedAt")
	PageResult<OrderChangeView> history(@PathVariable UUID workspaceId, @PathVariable UUID orderId, PageQuery page) {
		return this.orders.history(workspaceId, CurrentUser.id(), orderId, page);
	}

	@PatchMapping("/{orderId}")
	@Operation(summary = "Change an order that is not shipped yet (managers): its deliveryAddress; "
			+ "409 naming the field once the order is shipped or cancelled; recorded in its history")
	OrderView update(@PathVariable UUID workspaceId, @PathVariable UUID orderId,
			@Valid @RequestBody UpdateOrderRequest request) {
		return this.orders.changeDeliveryAddress(workspaceId, CurrentUser.id(), orderId, request.deliveryAddress());
	}

	@PostMapping("/{orderId}/cancel")
	@Operation(summary = "Cancel an order that is not shipped yet (managers)")
	OrderView cancel(@PathVariable UUID workspaceId, @PathVariable UUID orderId,
			@Valid @RequestBody CancelOrderRequest request) {
		return this.orders.cancel(workspaceId, CurrentUser.id(), orderId, request.reason());
	}

	record OrderLineRequest(UUID productId, @NotBlank @Size(max = 255) String productName,
			@NotNull @DecimalMin(value = "0.001") @Digits(integer = 16, fraction = 3) BigDecimal quantity,
			@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal unitPrice,
			@DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent) {

		OrderLine toLine() {
			return new OrderLine(this.productId, this.productName.strip(), this.quantity, this.unitPrice,
					this.discountPercent);
		}

	}

	/**
	 * {@code warehouseId}: where the order is served from (optional);
	 * {@code deliveryAddress}: where it goes (optional: the customer's address).
	 */
	record CreateOrderRequest(@NotNull UUID customerId,
			@NotEmpty @Size(max = 500) List<@Valid @NotNull OrderLineRequest> lines, UUID warehouseId,
			@Size(max = 1000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String deliveryAddress) {
	}

	/**
	 * What a PATCH of an order changes: its delivery address (required, as it is the only
	 * field an order's PATCH changes; trimmed, at most 1000 characters).
	 */
	record UpdateOrderRequest(@NotNull @Size(max = 1000) @Pattern(regexp = NOT_BLANK,
			message = "must not be blank") String deliveryAddress) {
	}

	record CancelOrderRequest(@NotBlank @Size(max = 2000) String reason) {
	}

}
