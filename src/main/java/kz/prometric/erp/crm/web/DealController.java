package kz.prometric.erp.crm.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.crm.DealChangeView;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealManagement.DealChanges;
import kz.prometric.erp.crm.DealManagement.DealFilter;
import kz.prometric.erp.crm.DealManagement.ForecastMonth;
import kz.prometric.erp.crm.DealManagement.NewDeal;
import kz.prometric.erp.crm.DealManagement.PipelineStage;
import kz.prometric.erp.crm.DealProduct;
import kz.prometric.erp.crm.DealStage;
import kz.prometric.erp.crm.DealView;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.IdempotentRequests;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/workspaces/{workspaceId}/deals")
@Tag(name = "Deals")
class DealController {

	private final DealManagement deals;

	private final IdempotentRequests idempotency;

	private final WorkspaceManagement workspaces;

	DealController(DealManagement deals, IdempotentRequests idempotency, WorkspaceManagement workspaces) {
		this.deals = deals;
		this.idempotency = idempotency;
		this.workspaces = workspaces;
	}

	@PostMapping
	@Operation(summary = "Create a deal in stage NEW; starts its deal-lifecycle process")
	ResponseEntity<DealView> create(@PathVariable UUID workspaceId, @Valid @RequestBody CreateDealRequest request) {
		DealView deal = this.deals.create(workspaceId, CurrentUser.id(),
				new NewDeal(request.customerId(), request.title(), request.description(), request.value(),
						request.expectedCloseDate(), request.assignedTo(), (request.products() == null) ? List.of()
								: request.products().stream().map(DealProductRequest::toProduct).toList()));
		return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/deals/" + deal.id())).body(deal);
	}

	@GetMapping
	@Operation(summary = "Deals of the workspace, filtered by stage, customer, assignee or title search; "
			+ "sort by createdAt, title, value, stage, expectedCloseDate or probability")
	PageResult<DealView> list(@PathVariable UUID workspaceId, @RequestParam(required = false) DealStage stage,
			@RequestParam(required = false) UUID customerId, @RequestParam(required = false) UUID assignedTo,
			@RequestParam(required = false) @Size(max = 100) String q, PageQuery page) {
		return this.deals.deals(workspaceId, CurrentUser.id(), new DealFilter(stage, customerId, assignedTo, q), page);
	}

	@GetMapping("/pipeline")
	@Operation(
			summary = "The pipeline by stage: count, value and probability-weighted value of the deals in each stage")
	List<PipelineStage> pipeline(@PathVariable UUID workspaceId) {
		return this.deals.pipeline(workspaceId, CurrentUser.id());
	}

	@GetMapping("/forecast")
	@Operation(summary = "The open deals by month of their expected close date: count, value and expected value "
			+ "(value × probability); from and to are months such as 2026-12, both included")
	List<ForecastMonth> forecast(@PathVariable UUID workspaceId,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
		return this.deals.forecast(workspaceId, CurrentUser.id(), from, to);
	}

	@GetMapping("/{dealId}")
	DealView get(@PathVariable UUID workspaceId, @PathVariable UUID dealId) {
		return this.deals.deal(workspaceId, CurrentUser.id(), dealId);
	}

	@GetMapping("/{dealId}/history")
	@Operation(summary = "The deal's history as the ERP records it: who created, moved, changed, won or lost it, "
			+ "and when (newest first; sort=at,asc for oldest first); kept as long as the deal")
	PageResult<DealChangeView> history(@PathVariable UUID workspaceId, @PathVariable UUID dealId, PageQuery page) {
		return this.deals.history(workspaceId, CurrentUser.id(), dealId, page);
	}

	@PatchMapping("/{dealId}")
	@Operation(summary = "Change an open deal; a probability set here is kept until the deal closes; "
			+ "products replaces the lines (the value becomes their total) and drops a discount approval")
	DealView update(@PathVariable UUID workspaceId, @PathVariable UUID dealId,
			@Valid @RequestBody UpdateDealRequest request) {
		return this.deals.update(workspaceId, CurrentUser.id(), dealId,
				new DealChanges(request.title(), request.description(), request.value(), request.expectedCloseDate(),
						request.assignedTo(), request.probability(), (request.products() == null) ? null
								: request.products().stream().map(DealProductRequest::toProduct).toList()));
	}

	@PostMapping("/{dealId}/discount-approval")
	@Operation(summary = "A manager approves the deal's discount for its current lines and value; "
			+ "any later change of them needs a new approval")
	DealView approveDiscount(@PathVariable UUID workspaceId, @PathVariable UUID dealId) {
		return this.deals.approveDiscount(workspaceId, CurrentUser.id(), dealId);
	}

	@PostMapping("/{dealId}/stage")
	@Operation(summary = "Move a deal to another stage (LOST needs lostReason); safe to retry with an Idempotency-Key")
	ResponseEntity<Object> changeStage(@PathVariable UUID workspaceId, @PathVariable UUID dealId,
			@Parameter(description = "Retries with the same key answer the first result") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody ChangeStageRequest request) {
		String fingerprint = "POST deals/" + dealId + "/stage " + request.stage() + " " + request.lostReason();
		IdempotentRequests.Result result = this.idempotency.execute(workspaceId, CurrentUser.id(), idempotencyKey,
				fingerprint, () -> this.workspaces.requireMember(workspaceId, CurrentUser.id()), () -> this.deals
					.changeStage(workspaceId, CurrentUser.id(), dealId, request.stage(), request.lostReason()));
		return result.answer(HttpStatus.OK);
	}

	record DealProductRequest(UUID productId, @NotBlank @Size(max = 255) String productName,
			@NotNull @DecimalMin(value = "0.001") @Digits(integer = 16, fraction = 3) BigDecimal quantity,
			@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal unitPrice,
			@DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent) {

		DealProduct toProduct() {
			return new DealProduct(this.productId, this.productName.strip(), this.quantity, this.unitPrice,
					this.discountPercent);
		}

	}

	record CreateDealRequest(@NotNull UUID customerId, @NotBlank @Size(max = 255) String title,
			@Size(max = 5000) String description, @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal value,
			LocalDate expectedCloseDate, UUID assignedTo,
			@Size(max = 200) List<@Valid @NotNull DealProductRequest> products) {
	}

	record UpdateDealRequest(
			@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
			@Size(max = 5000) String description, @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal value,
			LocalDate expectedCloseDate, UUID assignedTo, @Min(0) @Max(100) Integer probability,
			@Size(max = 200) List<@Valid @NotNull DealProductRequest> products) {
	}

	record ChangeStageRequest(@NotNull DealStage stage, @Size(max = 2000) String lostReason) {
	}

}
