package kz.prometric.erp.hr.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.hr.DepartmentView;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations/{organizationId}/departments")
@Tag(name = "Departments")
class DepartmentController {

	private final HrManagement hr;

	DepartmentController(HrManagement hr) {
		this.hr = hr;
	}

	@PostMapping
	ResponseEntity<DepartmentView> create(@PathVariable UUID organizationId,
			@Valid @RequestBody CreateDepartmentRequest request) {
		DepartmentView created = this.hr.createDepartment(organizationId, CurrentUser.id(), request.name(),
				request.description());
		return ResponseEntity
			.created(URI.create("/api/organizations/" + organizationId + "/departments/" + created.id()))
			.body(created);
	}

	@GetMapping
	PageResult<DepartmentView> list(@PathVariable UUID organizationId, PageQuery page) {
		return this.hr.departments(organizationId, CurrentUser.id(), page);
	}

	@GetMapping("/{departmentId}")
	DepartmentView get(@PathVariable UUID organizationId, @PathVariable UUID departmentId) {
		return this.hr.department(organizationId, CurrentUser.id(), departmentId);
	}

	@PatchMapping("/{departmentId}")
	DepartmentView update(@PathVariable UUID organizationId, @PathVariable UUID departmentId,
			@Valid @RequestBody UpdateDepartmentRequest request) {
		return this.hr.updateDepartment(organizationId, CurrentUser.id(), departmentId, request.name(),
				request.description());
	}

	@DeleteMapping("/{departmentId}")
	ResponseEntity<Void> delete(@PathVariable UUID organizationId, @PathVariable UUID departmentId) {
		this.hr.deleteDepartment(organizationId, CurrentUser.id(), departmentId);
		return ResponseEntity.noContent().build();
	}

	record CreateDepartmentRequest(@NotBlank @Size(max = 255) String name, @Size(max = 2000) String description) {
	}

	record UpdateDepartmentRequest(
			@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@Size(max = 2000) String description) {
	}

}
