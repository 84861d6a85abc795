package kz.prometric.erp.hr.web;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.hr.EmployeeView;
import kz.prometric.erp.hr.OffboardingManagement;
import kz.prometric.erp.hr.OffboardingView;
import kz.prometric.erp.identity.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations/{organizationId}/employees/{employeeId}")
@Tag(name = "Employees")
class OffboardingController {

	private final OffboardingManagement offboarding;

	OffboardingController(OffboardingManagement offboarding) {
		this.offboarding = offboarding;
	}

	@PostMapping("/end-employment")
	@Operation(summary = "End an employee's employment after his last day (admins): he becomes LEAVING, "
			+ "a running onboarding stops and the employee-offboarding process starts; "
			+ "409 when he is already leaving or has left")
	EmployeeView endEmployment(@PathVariable UUID organizationId, @PathVariable UUID employeeId,
			@Valid @RequestBody EndEmploymentRequest request) {
		return this.offboarding.endEmployment(organizationId, CurrentUser.id(), employeeId, request.lastDay(),
				request.reason());
	}

	@GetMapping("/offboarding")
	@Operation(summary = "An employee's offboarding: last day, when access ends, and each task (admins)")
	OffboardingView offboarding(@PathVariable UUID organizationId, @PathVariable UUID employeeId) {
		return this.offboarding.offboarding(organizationId, CurrentUser.id(), employeeId);
	}

	record EndEmploymentRequest(@NotNull LocalDate lastDay, @Size(max = 500) String reason) {
	}

}
