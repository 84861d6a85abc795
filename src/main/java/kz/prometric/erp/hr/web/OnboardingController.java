package kz.prometric.erp.hr.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.prometric.erp.hr.OnboardingManagement;
import kz.prometric.erp.hr.OnboardingView;
import kz.prometric.erp.identity.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations/{organizationId}/employees/{employeeId}/onboarding")
@Tag(name = "Employees")
class OnboardingController {

	private final OnboardingManagement onboarding;

	OnboardingController(OnboardingManagement onboarding) {
		this.onboarding = onboarding;
	}

	@PostMapping
	@Operation(summary = "Start the onboarding of a PENDING employee (admins; 409 when he is not pending "
			+ "or his onboarding already runs)")
	OnboardingView start(@PathVariable UUID organizationId, @PathVariable UUID employeeId) {
		return this.onboarding.startOnboarding(organizationId, CurrentUser.id(), employeeId);
	}

	@GetMapping
	@Operation(summary = "The employee's onboarding: status, probation and the checklist with each item's state")
	OnboardingView get(@PathVariable UUID organizationId, @PathVariable UUID employeeId) {
		return this.onboarding.onboarding(organizationId, CurrentUser.id(), employeeId);
	}

}
