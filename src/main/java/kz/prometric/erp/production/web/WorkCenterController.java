package kz.prometric.erp.production.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.production.WorkCenterKind;
import kz.prometric.erp.production.WorkCenterManagement;
import kz.prometric.erp.production.WorkCenterManagement.NewWorkCenter;
import kz.prometric.erp.production.WorkCenterManagement.WorkCenterChanges;
import kz.prometric.erp.production.WorkCenterView;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/work-centers")
@Tag(name = "Production")
class WorkCenterController {

	static final String CODE = "[A-Za-z0-9_-]{1,30}";

	private final WorkCenterManagement workCenters;

	WorkCenterController(WorkCenterManagement workCenters) {
		this.workCenters = workCenters;
	}

	@PostMapping
	@Operation(summary = "Create a work center (managers); MANUAL: operators in Tasklist, EXTERNAL: a machine or "
			+ "MES on the external-task topic production.<code>")
	ResponseEntity<WorkCenterView> create(@PathVariable UUID workspaceId,
			@Valid @RequestBody CreateWorkCenterRequest request) {
		WorkCenterView created = this.workCenters.createWorkCenter(workspaceId, CurrentUser.id(), new NewWorkCenter(
				request.code(), request.name(), request.kind(), request.hourlyRate(), request.capacityHoursPerDay()));
		return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/work-centers/" + created.id()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "Work centers, filtered by kind or active; sort by code, name or createdAt")
	PageResult<WorkCenterView> list(@PathVariable UUID workspaceId, @RequestParam(required = false) WorkCenterKind kind,
			@RequestParam(required = false) Boolean active, PageQuery page) {
		return this.workCenters.workCenters(workspaceId, CurrentUser.id(), kind, active, page);
	}

	@GetMapping("/{workCenterId}")
	WorkCenterView get(@PathVariable UUID workspaceId, @PathVariable UUID workCenterId) {
		return this.workCenters.workCenter(workspaceId, CurrentUser.id(), workCenterId);
	}

	@PatchMapping("/{workCenterId}")
	@Operation(summary = "Change a work center (managers): absent fields stay; planned orders keep their rates")
	WorkCenterView update(@PathVariable UUID workspaceId, @PathVariable UUID workCenterId,
			@Valid @RequestBody UpdateWorkCenterRequest request) {
		return this.workCenters.updateWorkCenter(workspaceId, CurrentUser.id(), workCenterId,
				new WorkCenterChanges(request.code(), request.name(), request.kind(), request.hourlyRate(),
						request.capacityHoursPerDay(), request.active()));
	}

	record CreateWorkCenterRequest(
			@NotBlank @Pattern(regexp = CODE, message = "must be 1-30 letters, digits, '_' or '-'") String code,
			@NotBlank @Size(max = 255) String name, @NotNull WorkCenterKind kind,
			@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal hourlyRate,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2,
					fraction = 2) BigDecimal capacityHoursPerDay) {
	}

	record UpdateWorkCenterRequest(
			@Pattern(regexp = CODE, message = "must be 1-30 letters, digits, '_' or '-'") String code,
			@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			WorkCenterKind kind, @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal hourlyRate,
			@DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2,
					fraction = 2) BigDecimal capacityHoursPerDay,
			Boolean active) {
	}

}
