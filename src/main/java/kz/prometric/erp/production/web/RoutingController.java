package kz.prometric.erp.production.web;

import java.math.BigDecimal;
import java.util.List;
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
import kz.prometric.erp.production.RoutingView;
import kz.prometric.erp.production.WorkCenterManagement;
import kz.prometric.erp.production.WorkCenterManagement.NewOperation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/products/{productId}/routing")
@Tag(name = "Production")
class RoutingController {

	private final WorkCenterManagement workCenters;

	RoutingController(WorkCenterManagement workCenters) {
		this.workCenters = workCenters;
	}

	@GetMapping
	@Operation(summary = "The routing of a product: its operations in order (none: the product is bought)")
	RoutingView get(@PathVariable UUID workspaceId, @PathVariable UUID productId) {
		return this.workCenters.routing(workspaceId, CurrentUser.id(), productId);
	}

	@PutMapping
	@Operation(summary = "Replace the routing of a product (managers); an empty list makes it bought again")
	RoutingView replace(@PathVariable UUID workspaceId, @PathVariable UUID productId,
			@Valid @RequestBody RoutingRequest request) {
		return this.workCenters.replaceRouting(workspaceId, CurrentUser.id(), productId,
				request.operations()
					.stream()
					.map(o -> new NewOperation(o.workCenterId(), o.name(), o.setupMinutes(), o.runMinutesPerUnit(),
							o.instructions(), o.inspectionAfter()))
					.toList());
	}

	record OperationRequest(@NotNull UUID workCenterId, @NotBlank @Size(max = 255) String name,
			@DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal setupMinutes,
			@DecimalMin("0") @Digits(integer = 8, fraction = 4) BigDecimal runMinutesPerUnit,
			@Size(max = 4000) String instructions, Boolean inspectionAfter) {
	}

	record RoutingRequest(@NotNull @Size(max = 100) List<@Valid @NotNull OperationRequest> operations) {
	}

}
