package kz.prometric.erp.hr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HR records of an organization: departments and employees. Visible to the members of
 * the organization's company workspace (404 to everyone else), changed by its admins and
 * owner (403 to other members).
 */
@Service
public class HrManagement {

	static final SortableFields DEPARTMENT_SORT = SortableFields.of("name", "name", "createdAt", "createdAt");

	static final SortableFields EMPLOYEE_SORT = SortableFields.of("name", "name", "email", "email", "position",
			"position", "status", "status", "createdAt", "createdAt");

	/** Dates of employment are the company's calendar days. */
	static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	/** The Labour Code's usual probation (article 36: at most three months). */
	static final int DEFAULT_PROBATION_MONTHS = 3;

	private final Departments departments;

	private final Employees employees;

	private final OrganizationManagement organizations;

	private final IdentityManagement identity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HrManagement(Departments departments, Employees employees, OrganizationManagement organizations,
			IdentityManagement identity, ApplicationEventPublisher events, Clock clock) {
		this.departments = departments;
		this.employees = employees;
		this.organizations = organizations;
		this.identity = identity;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public DepartmentView createDepartment(UUID organizationId, UUID callerId, String name, String description) {
		UUID workspaceId = access(organizationId, callerId, WorkspaceRole.ADMIN);
		ensureDepartmentNameFree(organizationId, name);
		return this.departments
			.save(new Department(organizationId, workspaceId, name, description, this.clock.instant()))
			.view();
	}

	@Transactional(readOnly = true)
	public PageResult<DepartmentView> departments(UUID organizationId, UUID callerId, PageQuery query) {
		access(organizationId, callerId, WorkspaceRole.MEMBER);
		return PageResult.of(this.departments.findByOrganizationId(organizationId, query.toPageable(DEPARTMENT_SORT)),
				Department::view);
	}

	@Transactional(readOnly = true)
	public DepartmentView department(UUID organizationId, UUID callerId, UUID departmentId) {
		access(organizationId, callerId, WorkspaceRole.MEMBER);
		return loadDepartment(organizationId, departmentId).view();
	}

	@Transactional
	public DepartmentView updateDepartment(UUID organizationId, UUID callerId, UUID departmentId, String name,
			String description) {
		access(organizationId, callerId, WorkspaceRole.ADMIN);
		Department department = loadDepartment(organizationId, departmentId);
		if (name != null && !name.strip().equalsIgnoreCase(department.view().name())) {
			ensureDepartmentNameFree(organizationId, name);
		}
		department.update(name, description);
		return department.view();
	}

	/** Deletes an empty department; one that still has employees answers 409. */
	@Transactional
	public void deleteDepartment(UUID organizationId, UUID callerId, UUID departmentId) {
		access(organizationId, callerId, WorkspaceRole.ADMIN);
		Department department = loadDepartment(organizationId, departmentId);
		if (this.employees.existsByDepartmentId(departmentId)) {
			throw new ConflictException("The department still has employees; move them first");
		}
		this.departments.delete(department);
	}

	/**
	 * Adds a new hire in {@code PENDING} status, linked to the user account with that
	 * e-mail when there is one; his onboarding starts. The e-mail is unique per
	 * organization (409). Publishes {@link EmployeeAdded}.
	 */
	@Transactional
	public EmployeeView addEmployee(UUID organizationId, UUID callerId, NewEmployee employee) {
		return addEmployee(organizationId, callerId, employee, true);
	}

	/**
	 * Adds an employee; with {@code onboard} false he is already at work (staff recorded
	 * when a company starts using the ERP) and is {@code ACTIVE} at once, with no
	 * onboarding.
	 */
	@Transactional
	public EmployeeView addEmployee(UUID organizationId, UUID callerId, NewEmployee employee, boolean onboard) {
		UUID workspaceId = access(organizationId, callerId, WorkspaceRole.ADMIN);
		String email = employee.email().strip().toLowerCase(Locale.ROOT);
		if (this.employees.existsByOrganizationIdAndEmail(organizationId, email)) {
			throw new ConflictException("email", "An employee with this e-mail already exists in the organization");
		}
		ensureDepartmentOf(organizationId, employee.departmentId());
		UUID userId = this.identity.findByEmail(email).map(UserAccount::id).orElse(null);
		Instant now = this.clock.instant();
		Employee saved = this.employees.save(new Employee(organizationId, workspaceId, userId, employee.name(), email,
				employee.position(), employee.departmentId(), employee.organizationRole(), now));
		ContractType contract = (employee.contractType() != null) ? employee.contractType() : ContractType.PERMANENT;
		saved.contract(employee.iin(), employee.managerId(), contract,
				(employee.startDate() != null) ? employee.startDate() : LocalDate.ofInstant(now, BUSINESS_ZONE),
				employee.endDate(), (employee.probationMonths() != null) ? employee.probationMonths()
						: (contract == ContractType.CONTRACTOR) ? 0 : DEFAULT_PROBATION_MONTHS,
				now);
		if (!onboard) {
			saved.moveTo(EmployeeStatus.ONBOARDING, now);
			saved.moveTo(EmployeeStatus.ACTIVE, now);
		}
		this.events.publishEvent(new EmployeeAdded(saved.view().id(), organizationId, workspaceId, email,
				employee.position(), employee.departmentId(), callerId, onboard, now));
		return saved.view();
	}

	@Transactional(readOnly = true)
	public PageResult<EmployeeView> employees(UUID organizationId, UUID callerId, EmployeeFilter filter,
			PageQuery query) {
		access(organizationId, callerId, WorkspaceRole.MEMBER);
		String search = SearchText.containing(filter.search());
		return PageResult.of(this.employees.search(organizationId, filter.departmentId(), filter.status(), search,
				query.toPageable(EMPLOYEE_SORT)), Employee::view);
	}

	@Transactional(readOnly = true)
	public EmployeeView employee(UUID organizationId, UUID callerId, UUID employeeId) {
		access(organizationId, callerId, WorkspaceRole.MEMBER);
		return loadEmployee(organizationId, employeeId).view();
	}

	@Transactional
	public EmployeeView updateEmployee(UUID organizationId, UUID callerId, UUID employeeId, EmployeeChanges changes) {
		access(organizationId, callerId, WorkspaceRole.ADMIN);
		Employee employee = loadEmployee(organizationId, employeeId);
		ensureDepartmentOf(organizationId, changes.departmentId());
		employee.update(changes.name(), changes.position(), changes.departmentId(), changes.organizationRole(),
				this.clock.instant());
		return employee.view();
	}

	/**
	 * An employee of the organization that owns this workspace (no access check: for
	 * other modules' validation).
	 */
	@Transactional(readOnly = true)
	public Optional<EmployeeView> employeeInWorkspace(UUID workspaceId, UUID employeeId) {
		return this.employees.findById(employeeId).map(Employee::view).filter(e -> e.workspaceId().equals(workspaceId));
	}

	/**
	 * What a new employee record needs; {@code departmentId} and {@code organizationRole}
	 * are optional.
	 */
	public record NewEmployee(String name, String email, String iin, String position, UUID departmentId, UUID managerId,
			ContractType contractType, LocalDate startDate, LocalDate endDate, Integer probationMonths,
			WorkspaceRole organizationRole) {

		/** A permanent employee starting today with the usual probation. */
		public NewEmployee(String name, String email, String position, UUID departmentId,
				WorkspaceRole organizationRole) {
			this(name, email, null, position, departmentId, null, null, null, null, null, organizationRole);
		}

	}

	/** Changes to an employee; {@code null} leaves a field as it is. */
	public record EmployeeChanges(String name, String position, UUID departmentId, WorkspaceRole organizationRole) {
	}

	/** Optional filters of the employee list. */
	public record EmployeeFilter(UUID departmentId, EmployeeStatus status, String search) {
	}

	private Department loadDepartment(UUID organizationId, UUID departmentId) {
		return this.departments.findByIdAndOrganizationId(departmentId, organizationId)
			.orElseThrow(() -> new NotFoundException("Department", departmentId));
	}

	private Employee loadEmployee(UUID organizationId, UUID employeeId) {
		return this.employees.findByIdAndOrganizationId(employeeId, organizationId)
			.orElseThrow(() -> new NotFoundException("Employee", employeeId));
	}

	private void ensureDepartmentNameFree(UUID organizationId, String name) {
		if (this.departments.existsByOrganizationIdAndNameIgnoreCase(organizationId, name.strip())) {
			throw new ConflictException("name", "A department with this name already exists");
		}
	}

	private void ensureDepartmentOf(UUID organizationId, UUID departmentId) {
		if (departmentId != null
				&& this.departments.findByIdAndOrganizationId(departmentId, organizationId).isEmpty()) {
			throw new BusinessRuleViolation("departmentId", "No such department in this organization");
		}
	}

	private UUID access(UUID organizationId, UUID callerId, WorkspaceRole minimum) {
		return this.organizations.requireCompanyWorkspace(organizationId, callerId, minimum);
	}

}
