package kz.prometric.erp.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations, their departments and employees. Everything about an organization is
 * visible to the members of its company workspace (404 to everyone else) and changed by
 * its admins and owner (403 to other members).
 */
@Service
public class OrganizationManagement {

	static final SortableFields ORGANIZATION_SORT = SortableFields.of("name", "name", "createdAt", "createdAt", "bin",
			"bin");

	static final SortableFields DEPARTMENT_SORT = SortableFields.of("name", "name", "createdAt", "createdAt");

	static final SortableFields EMPLOYEE_SORT = SortableFields.of("name", "name", "email", "email", "position",
			"position", "status", "status", "createdAt", "createdAt");

	private final Organizations organizations;

	private final Departments departments;

	private final Employees employees;

	private final Workspaces workspaces;

	private final WorkspaceManagement workspaceManagement;

	private final IdentityManagement identity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrganizationManagement(Organizations organizations, Departments departments, Employees employees,
			Workspaces workspaces, WorkspaceManagement workspaceManagement, IdentityManagement identity,
			ApplicationEventPublisher events, Clock clock) {
		this.organizations = organizations;
		this.departments = departments;
		this.employees = employees;
		this.workspaces = workspaces;
		this.workspaceManagement = workspaceManagement;
		this.identity = identity;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an organization and its company workspace, with the caller as owner. The
	 * BIN must pass the Kazakhstan check-digit rule (400) and be unused (409). Publishes
	 * {@link OrganizationCreated}.
	 */
	@Transactional
	public OrganizationView create(String name, String bin, UUID callerId) {
		Instant now = this.clock.instant();
		Organization organization = new Organization(name, bin, callerId, now);
		if (this.organizations.existsByBin(bin)) {
			throw new ConflictException("bin", "An organization with this BIN is already registered");
		}
		try {
			this.organizations.saveAndFlush(organization);
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraints.isUniqueViolation(ex, "uq_org_organization_bin")) {
				// a concurrent registration of the same BIN won the race
				throw new ConflictException("bin", "An organization with this BIN is already registered");
			}
			throw ex;
		}
		Workspace workspace = this.workspaceManagement.createCompanyWorkspace(organization, now);
		this.identity.completeRegistration(callerId);
		this.events.publishEvent(new OrganizationCreated(organization.id(), workspace.id(), bin, callerId, now));
		return organization.view(workspace.id());
	}

	@Transactional(readOnly = true)
	public PageResult<OrganizationView> organizationsOf(UUID callerId, PageQuery query) {
		return PageResult.of(this.organizations.findVisibleTo(callerId, query.toPageable(ORGANIZATION_SORT)),
				o -> o.view(companyWorkspace(o.id()).id()));
	}

	@Transactional(readOnly = true)
	public OrganizationView organization(UUID organizationId, UUID callerId) {
		return access(organizationId, callerId, WorkspaceRole.MEMBER).view();
	}

	@Transactional
	public OrganizationView rename(UUID organizationId, UUID callerId, String name) {
		Access access = access(organizationId, callerId, WorkspaceRole.ADMIN);
		access.organization().rename(name, this.clock.instant());
		access.workspace().rename(access.organization().name());
		return access.view();
	}

	@Transactional
	public DepartmentView createDepartment(UUID organizationId, UUID callerId, String name, String description) {
		Access access = access(organizationId, callerId, WorkspaceRole.ADMIN);
		ensureDepartmentNameFree(organizationId, name);
		return this.departments
			.save(new Department(organizationId, access.workspace().id(), name, description, this.clock.instant()))
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
	 * Adds an employee in {@code PENDING} status, linked to the user account with that
	 * e-mail when there is one. The e-mail is unique per organization (409). Publishes
	 * {@link EmployeeAdded}.
	 */
	@Transactional
	public EmployeeView addEmployee(UUID organizationId, UUID callerId, NewEmployee employee) {
		Access access = access(organizationId, callerId, WorkspaceRole.ADMIN);
		String email = employee.email().strip().toLowerCase(Locale.ROOT);
		if (this.employees.existsByOrganizationIdAndEmail(organizationId, email)) {
			throw new ConflictException("email", "An employee with this e-mail already exists in the organization");
		}
		ensureDepartmentOf(organizationId, employee.departmentId());
		UUID userId = this.identity.findByEmail(email).map(UserAccount::id).orElse(null);
		Instant now = this.clock.instant();
		Employee saved = this.employees
			.save(new Employee(organizationId, access.workspace().id(), userId, employee.name(), email,
					employee.position(), employee.departmentId(), employee.organizationRole(), now));
		this.events.publishEvent(new EmployeeAdded(saved.view().id(), organizationId, access.workspace().id(), email,
				employee.position(), employee.departmentId(), now));
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
	 * The organization whose company workspace this is, for documents that name the
	 * seller (no access check); empty for a personal workspace.
	 */
	@Transactional(readOnly = true)
	public Optional<OrganizationView> organizationOfWorkspace(UUID workspaceId) {
		return this.workspaces.findById(workspaceId)
			.filter(w -> w.organizationId() != null)
			.flatMap(w -> this.organizations.findById(w.organizationId()).map(o -> o.view(w.id())));
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
	public record NewEmployee(String name, String email, String position, UUID departmentId,
			WorkspaceRole organizationRole) {
	}

	/** Changes to an employee; {@code null} leaves a field as it is. */
	public record EmployeeChanges(String name, String position, UUID departmentId, WorkspaceRole organizationRole) {
	}

	/** Optional filters of the employee list. */
	public record EmployeeFilter(UUID departmentId, EmployeeStatus status, String search) {
	}

	private Access access(UUID organizationId, UUID callerId, WorkspaceRole minimum) {
		Organization organization = this.organizations.findById(organizationId)
			.orElseThrow(() -> new NotFoundException("Organization", organizationId));
		Workspace workspace = companyWorkspace(organizationId);
		try {
			this.workspaceManagement.requireRole(workspace.id(), callerId, minimum);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("Organization", organizationId);
		}
		return new Access(organization, workspace);
	}

	private Workspace companyWorkspace(UUID organizationId) {
		return this.workspaces.findByOrganizationIdAndType(organizationId, WorkspaceType.COMPANY)
			.orElseThrow(() -> new NotFoundException("Organization", organizationId));
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

	private record Access(Organization organization, Workspace workspace) {

		OrganizationView view() {
			return this.organization.view(this.workspace.id());
		}

	}

}
