package kz.prometric.erp.hr.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.hr.DepartmentView;
import kz.prometric.erp.hr.EmployeeStatus;
import kz.prometric.erp.hr.EmployeeView;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.hr.HrManagement.EmployeeFilter;
import kz.prometric.erp.hr.OffboardingManagement;
import kz.prometric.erp.hr.OnboardingItemStatus;
import kz.prometric.erp.hr.OnboardingManagement;
import kz.prometric.erp.hr.OnboardingView;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.WorkspaceView;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.workflow.ProcessViews;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The organization's employees: a list with search, department and status filters,
 * sorting and paging, and an employee's page with his record, the onboarding checklist's
 * progress, the offboarding (for admins) and his processes. Employees belong to the
 * workspace's organization; a personal workspace has none (404).
 */
@ErpPages
class EmployeePages {

	private final HrManagement hr;

	private final OnboardingManagement onboarding;

	private final OffboardingManagement offboarding;

	private final ProcessViews processes;

	EmployeePages(HrManagement hr, OnboardingManagement onboarding, OffboardingManagement offboarding,
			ProcessViews processes) {
		this.hr = hr;
		this.onboarding = onboarding;
		this.offboarding = offboarding;
		this.processes = processes;
	}

	@GetMapping("/app/{workspaceId}/employees")
	String list(@PathVariable UUID workspaceId, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID departmentId, @RequestParam(required = false) EmployeeStatus status,
			PageQuery page, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		UUID organizationId = organization(model);
		UUID me = CurrentUser.id();
		PageResult<EmployeeView> result = this.hr.employees(organizationId, me,
				new EmployeeFilter(departmentId, status, q), page);
		List<DepartmentView> departments = this.hr.departments(organizationId, me, PageQuery.first(PageQuery.MAX_SIZE))
			.items();
		Map<UUID, String> departmentNames = new HashMap<>();
		departments.forEach(d -> departmentNames.put(d.id(), d.name()));
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/{ws}/employees");
		if (q != null && !q.isBlank()) {
			base.queryParam("q", q);
		}
		if (departmentId != null) {
			base.queryParam("departmentId", departmentId);
		}
		if (status != null) {
			base.queryParam("status", status);
		}
		String baseUrl = base.encode().buildAndExpand(workspaceId).toUriString();
		model.addAttribute("result", result);
		model.addAttribute("departments", departments);
		model.addAttribute("departmentNames", departmentNames);
		model.addAttribute("statuses", EmployeeStatus.values());
		model.addAttribute("q", q);
		model.addAttribute("departmentId", departmentId);
		model.addAttribute("status", status);
		model.addAttribute("baseUrl", baseUrl);
		model.addAttribute("sortBase",
				UriComponentsBuilder.fromUriString(baseUrl).queryParam("size", page.size()).build().toUriString());
		model.addAttribute("currentSort",
				(page.sortProperty() != null) ? page.sortProperty() + "," + page.direction().name().toLowerCase() : "");
		return (htmx != null) ? "hr/employees :: results" : "hr/employees";
	}

	@GetMapping("/app/{workspaceId}/employees/{employeeId}")
	String employee(@PathVariable UUID workspaceId, @PathVariable UUID employeeId, Model model) {
		UUID organizationId = organization(model);
		UUID me = CurrentUser.id();
		EmployeeView employee = this.hr.employee(organizationId, me, employeeId);
		model.addAttribute("employee", employee);
		if (employee.departmentId() != null) {
			model.addAttribute("department", this.hr.department(organizationId, me, employee.departmentId()));
		}
		if (employee.managerId() != null) {
			try {
				model.addAttribute("manager", this.hr.employee(organizationId, me, employee.managerId()));
			}
			catch (NotFoundException ex) {
				// a manager who is no longer on record: the page shows none
			}
		}
		OnboardingView onboarding = this.onboarding.onboarding(organizationId, me, employeeId);
		model.addAttribute("onboarding", onboarding);
		long done = onboarding.items()
			.stream()
			.filter(i -> i.status() == OnboardingItemStatus.DONE || i.status() == OnboardingItemStatus.SKIPPED)
			.count();
		model.addAttribute("onboardingDone", done);
		model.addAttribute("onboardingPercent",
				onboarding.items().isEmpty() ? 0 : Math.round(100.0 * done / onboarding.items().size()));
		if (employee.lastDay() != null || employee.status() == EmployeeStatus.LEAVING
				|| employee.status() == EmployeeStatus.LEFT) {
			try {
				model.addAttribute("offboarding", this.offboarding.offboarding(organizationId, me, employeeId));
			}
			catch (ForbiddenException | NotFoundException ex) {
				// only admins see the offboarding tasks
			}
		}
		model.addAttribute("process", this.processes.forObject(workspaceId, me, "EMPLOYEE", employeeId));
		return "hr/employee";
	}

	/** The organization of the page's workspace (PageModel has checked membership). */
	private static UUID organization(Model model) {
		WorkspaceView workspace = (WorkspaceView) model.getAttribute("workspace");
		if (workspace == null || workspace.organizationId() == null) {
			throw new NotFoundException("Organization", null);
		}
		return workspace.organizationId();
	}

}
