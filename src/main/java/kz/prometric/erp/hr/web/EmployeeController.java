package kz.prometric.erp.hr.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.hr.ContractType;
import kz.prometric.erp.hr.EmployeeStatus;
import kz.prometric.erp.hr.EmployeeView;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.hr.HrManagement.EmployeeChanges;
import kz.prometric.erp.hr.HrManagement.EmployeeFilter;
import kz.prometric.erp.hr.HrManagement.NewEmployee;
import kz.prometric.erp.organization.WorkspaceRole;
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
@RequestMapping("/api/organizations/{organizationId}/employees")
@Tag(name = "Employees")
class EmployeeController {

	private final HrManagement hr;

	EmployeeController(HrManagement hr) {
		this.hr = hr;
	}

	@PostMapping
	@Operation(summary = "Add a new hire (PENDING, onboarding starts) or, with onboard=false, someone already at "
			+ "work (ACTIVE, no onboarding)")
	ResponseEntity<EmployeeView> add(@PathVariable UUID organizationId,
			@Valid @RequestBody AddEmployeeRequest request) {
		EmployeeView created = this.hr.addEmployee(organizationId, CurrentUser.id(),
				new NewEmployee(request.name(), request.email(), request.iin(), request.position(),
						request.departmentId(), request.managerId(), request.contractType(), request.startDate(),
						request.endDate(), request.probationMonths(), request.organizationRole()),
				!Boolean.FALSE.equals(request.onboard()));
		return ResponseEntity.created(URI.create("/api/organizations/" + organizationId + "/employees/" + created.id()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "Employees, filtered by department, manager, status, contract type or a name/e-mail/IIN "
			+ "search; sort by name, email, position, status, startDate or createdAt")
	PageResult<EmployeeView> list(@PathVariable UUID organizationId, @RequestParam(required = false) UUID departmentId,
			@RequestParam(required = false) UUID managerId, @RequestParam(required = false) EmployeeStatus status,
			@RequestParam(required = false) ContractType contractType,
			@RequestParam(required = false) @Size(max = 100) String q, PageQuery page) {
		return this.hr.employees(organizationId, CurrentUser.id(),
				new EmployeeFilter(departmentId, managerId, status, contractType, q), page);
	}

	@GetMapping("/{employeeId}")
	EmployeeView get(@PathVariable UUID organizationId, @PathVariable UUID employeeId) {
		return this.hr.employee(organizationId, CurrentUser.id(), employeeId);
	}

	@PatchMapping("/{employeeId}")
	@Operation(summary = "Change an employee's record (never the status); start date and probation only while "
			+ "pending or onboarding")
	EmployeeView update(@PathVariable UUID organizationId, @PathVariable UUID employeeId,
			@Valid @RequestBody UpdateEmployeeRequest request) {
		return this.hr.updateEmployee(organizationId, CurrentUser.id(), employeeId,
				new EmployeeChanges(request.name(), request.position(), request.departmentId(),
						request.organizationRole(), request.iin(), request.managerId(), request.contractType(),
						request.startDate(), request.endDate(), request.probationMonths()));
	}

	record AddEmployeeRequest(@NotBlank @Size(max = 255) String name, @NotBlank @Email @Size(max = 254) String email,
			@Size(max = 20) String iin, @Size(max = 100) String position, UUID departmentId, UUID managerId,
			ContractType contractType, LocalDate startDate, LocalDate endDate, Integer probationMonths,
			WorkspaceRole organizationRole, Boolean onboard) {
	}

	record UpdateEmployeeRequest(
			@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@Size(max = 20) String iin, @Size(max = 100) String position, UUID departmentId, UUID managerId,
			ContractType contractType, LocalDate startDate, LocalDate endDate, Integer probationMonths,
			WorkspaceRole organizationRole) {
	}

}
