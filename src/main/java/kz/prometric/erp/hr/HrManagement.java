package kz.prometric.erp.hr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.KzIdentificationNumber;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
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
			"position", "status", "status", "startDate", "startDate", "createdAt", "createdAt");

	/** Dates of employment are the company's calendar days. */
	static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	/** The Labour Code's usual probation (article 36: at most three months). */
	static final int DEFAULT_PROBATION_MONTHS = 3;

	/**
	 * The longest probation the Labour Code allows (article 36: six months for heads of
	 * organizations and their deputies, chief accountants and heads of divisions).
	 */
	static final int MAX_PROBATION_MONTHS = 6;

	private static final String EMAIL_CONSTRAINT = "uq_hr_employee_email";

	private static final String IIN_CONSTRAINT = "uq_hr_employee_iin";

	private static final String EMAIL_TAKEN = "An employee with this e-mail already exists in the organization";

	private static final String IIN_TAKEN = "An employee with this IIN already exists in the organization";

	private final Departments departments;

	private final Employees employees;

	private final OrganizationManagement organizations;

	private final IdentityManagement identity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	HrManagement(Departments departments, Employees employees, OrganizationManagement organizations,
			IdentityManagement identity, ApplicationEventPublisher events, Clock clock, JdbcTemplate jdbc) {
		this.departments = departments;
		this.employees = employees;
		this.organizations = organizations;
		this.identity = identity;
		this.events = events;
		this.clock = clock;
		this.jdbc = jdbc;
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
	 * e-mail when there is one; his onboarding starts. The e-mail and the IIN are unique
	 * per organization (409); an IIN that fails the check digit is 400. The contract
	 * terms are checked by {@link #checkedTerms}; the start date defaults to today
	 * (Asia/Almaty), the probation to three months (none for a contractor). Publishes
	 * {@link EmployeeAdded}.
	 */
	@Transactional
	public EmployeeView addEmployee(UUID organizationId, UUID callerId, NewEmployee employee) {
		return addEmployee(organizationId, callerId, employee, true);
	}

	/**
	 * Adds an employee; with {@code onboard} false he is already at work (staff recorded
	 * when a company starts using the ERP) and is {@code ACTIVE} at once, with no
	 * onboarding; his start date is then today or earlier (422 otherwise).
	 */
	@Transactional
	public EmployeeView addEmployee(UUID organizationId, UUID callerId, NewEmployee employee, boolean onboard) {
		UUID workspaceId = access(organizationId, callerId, WorkspaceRole.ADMIN);
		String email = employee.email().strip().toLowerCase(Locale.ROOT);
		if (this.employees.existsByOrganizationIdAndEmail(organizationId, email)) {
			throw new ConflictException("email", EMAIL_TAKEN);
		}
		String iin = checkedIin(employee.iin());
		if (iin != null && this.employees.existsByOrganizationIdAndIin(organizationId, iin)) {
			throw new ConflictException("iin", IIN_TAKEN);
		}
		ensureDepartmentOf(organizationId, employee.departmentId());
		if (employee.managerId() != null) {
			checkedManager(organizationId, null, employee.managerId());
		}
		Instant now = this.clock.instant();
		ContractType contract = (employee.contractType() != null) ? employee.contractType() : ContractType.PERMANENT;
		LocalDate startDate = (employee.startDate() != null) ? employee.startDate()
				: LocalDate.ofInstant(now, BUSINESS_ZONE);
		int probation = (employee.probationMonths() != null) ? employee.probationMonths()
				: (contract == ContractType.CONTRACTOR) ? 0 : DEFAULT_PROBATION_MONTHS;
		checkedTerms(contract, startDate, employee.endDate(), probation);
		if (!onboard && startDate.isAfter(LocalDate.ofInstant(now, BUSINESS_ZONE))) {
			throw new BusinessRuleViolation("startDate", "Someone already at work started today or earlier");
		}
		UUID userId = this.identity.findByEmail(email).map(UserAccount::id).orElse(null);
		Employee created = new Employee(organizationId, workspaceId, userId, employee.name(), email,
				employee.position(), employee.departmentId(), employee.organizationRole(), now);
		created.contract(iin, employee.managerId(), contract, startDate, employee.endDate(), probation, now);
		if (!onboard) {
			created.moveTo(EmployeeStatus.ONBOARDING, now);
			created.moveTo(EmployeeStatus.ACTIVE, now);
		}
		try {
			created = this.employees.saveAndFlush(created);
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		this.events.publishEvent(new EmployeeAdded(created.id(), organizationId, workspaceId, email,
				employee.position(), employee.departmentId(), callerId, onboard, now));
		return created.view();
	}

	/**
	 * A page of the organization's employees, optionally of one department, manager,
	 * status and contract type, and matching a search text (taken literally) in the name,
	 * e-mail or IIN.
	 */
	@Transactional(readOnly = true)
	public PageResult<EmployeeView> employees(UUID organizationId, UUID callerId, EmployeeFilter filter,
			PageQuery query) {
		access(organizationId, callerId, WorkspaceRole.MEMBER);
		String search = SearchText.containing(filter.search());
		return PageResult.of(this.employees.search(organizationId, filter.departmentId(), filter.managerId(),
				filter.status(), filter.contractType(), search, query.toPageable(EMPLOYEE_SORT)), Employee::view);
	}

	@Transactional(readOnly = true)
	public EmployeeView employee(UUID organizationId, UUID callerId, UUID employeeId) {
		access(organizationId, callerId, WorkspaceRole.MEMBER);
		return loadEmployee(organizationId, employeeId).view();
	}

	/**
	 * Changes an employee's record; {@code null} leaves a field as it is. The status
	 * never changes here (only the processes move it). The start date and the probation
	 * change only while the employee is pending or onboarding and no probation decision
	 * exists (422 after); the contract of someone who has left does not change (422).
	 * Changing the contract type away from fixed-term drops the end date; to a
	 * contractor's, the probation (when still open). Publishes
	 * {@link EmployeeRecordChanged} when the manager, the start date or the end of
	 * probation changed.
	 */
	@Transactional
	public EmployeeView updateEmployee(UUID organizationId, UUID callerId, UUID employeeId, EmployeeChanges changes) {
		access(organizationId, callerId, WorkspaceRole.ADMIN);
		if (changes.managerId() != null) {
			// one manager change per organization at a time: two concurrent changes
			// cannot close a cycle between them
			this.jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
			}, "hr_manager:" + organizationId);
		}
		Employee employee = loadEmployee(organizationId, employeeId);
		ensureDepartmentOf(organizationId, changes.departmentId());
		String iin = employee.iin();
		if (changes.iin() != null) {
			iin = checkedIin(changes.iin());
			if (iin != null && !iin.equals(employee.iin())
					&& this.employees.existsByOrganizationIdAndIin(organizationId, iin)) {
				throw new ConflictException("iin", IIN_TAKEN);
			}
		}
		UUID managerId = employee.managerId();
		if (changes.managerId() != null && !changes.managerId().equals(managerId)) {
			checkedManager(organizationId, employee.id(), changes.managerId());
			managerId = changes.managerId();
		}
		ContractType contract = (changes.contractType() != null) ? changes.contractType() : employee.contractType();
		LocalDate startDate = (changes.startDate() != null) ? changes.startDate() : employee.startDate();
		LocalDate endDate = (changes.endDate() != null) ? changes.endDate()
				: (contract == ContractType.FIXED_TERM) ? employee.endDate() : null;
		int probation = (changes.probationMonths() != null) ? changes.probationMonths()
				: (contract == ContractType.CONTRACTOR && employee.termsOpen()) ? 0 : employee.probationMonths();
		boolean contractChanged = contract != employee.contractType() || !Objects.equals(endDate, employee.endDate());
		if (contractChanged && employee.status() == EmployeeStatus.LEFT) {
			throw new BusinessRuleViolation((changes.contractType() != null) ? "contractType" : "endDate",
					"The contract of an employee who has left does not change");
		}
		if (!employee.termsOpen()) {
			if (!Objects.equals(startDate, employee.startDate())) {
				throw new BusinessRuleViolation("startDate", termsClosed(employee));
			}
			if (probation != employee.probationMonths()) {
				throw new BusinessRuleViolation("probationMonths", termsClosed(employee));
			}
		}
		if (contractChanged || !Objects.equals(startDate, employee.startDate())
				|| probation != employee.probationMonths()) {
			checkedTerms(contract, startDate, endDate, probation);
		}
		Instant now = this.clock.instant();
		UUID managerBefore = employee.managerId();
		LocalDate startBefore = employee.startDate();
		LocalDate probationBefore = employee.probationEndsOn();
		employee.update(changes.name(), changes.position(), changes.departmentId(), changes.organizationRole(), now);
		employee.contract(iin, managerId, contract, startDate, endDate, probation, now);
		try {
			this.employees.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		if (!Objects.equals(managerBefore, employee.managerId()) || !Objects.equals(startBefore, employee.startDate())
				|| !Objects.equals(probationBefore, employee.probationEndsOn())) {
			this.events.publishEvent(new EmployeeRecordChanged(employee.id(), organizationId, employee.workspaceId(),
					employee.managerId(), employee.startDate(), employee.probationEndsOn(), now));
		}
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
	public record EmployeeChanges(String name, String position, UUID departmentId, WorkspaceRole organizationRole,
			String iin, UUID managerId, ContractType contractType, LocalDate startDate, LocalDate endDate,
			Integer probationMonths) {

		/** Changes of the name, position, department and role only. */
		public EmployeeChanges(String name, String position, UUID departmentId, WorkspaceRole organizationRole) {
			this(name, position, departmentId, organizationRole, null, null, null, null, null, null);
		}

	}

	/** Optional filters of the employee list; {@code null} means no filter. */
	public record EmployeeFilter(UUID departmentId, UUID managerId, EmployeeStatus status, ContractType contractType,
			String search) {

		public EmployeeFilter(UUID departmentId, EmployeeStatus status, String search) {
			this(departmentId, null, status, null, search);
		}

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

	/**
	 * The IIN as stored (stripped, {@code null} when blank), or 400 naming {@code iin}
	 * when the check digit or the birth date in it is wrong.
	 */
	private static String checkedIin(String iin) {
		if (iin == null || iin.isBlank()) {
			return null;
		}
		String value = iin.strip();
		String problem = KzIdentificationNumber.iinProblem(value);
		if (problem != null) {
			throw new InvalidInputException("iin", "is not a valid IIN: " + problem);
		}
		return value;
	}

	/**
	 * The manager must be another employee of the same organization who has not left, and
	 * must not report (directly or not) to {@code employeeId}: 422 naming
	 * {@code managerId} otherwise.
	 */
	private void checkedManager(UUID organizationId, UUID employeeId, UUID managerId) {
		if (managerId.equals(employeeId)) {
			throw new BusinessRuleViolation("managerId", "An employee cannot be his own manager");
		}
		Employee manager = this.employees.findByIdAndOrganizationId(managerId, organizationId)
			.orElseThrow(() -> new BusinessRuleViolation("managerId", "No such employee in this organization"));
		if (manager.status() == EmployeeStatus.LEFT) {
			throw new BusinessRuleViolation("managerId", "The manager has left the organization");
		}
		if (employeeId == null) {
			return;
		}
		Set<UUID> seen = new HashSet<>();
		UUID next = manager.managerId();
		while (next != null && seen.add(next)) {
			if (next.equals(employeeId)) {
				throw new BusinessRuleViolation("managerId",
						"The manager reports to this employee; the reporting line would go in a circle");
			}
			next = this.employees.findByIdAndOrganizationId(next, organizationId).map(Employee::managerId).orElse(null);
		}
	}

	/**
	 * The contract rules: a fixed-term contract has an end date after its start; other
	 * contracts have none; the probation is 0 to 6 months (Labour Code, article 36), none
	 * for a contractor (a civil-law contract), and ends within a fixed term. 422 naming
	 * the field.
	 */
	static void checkedTerms(ContractType contract, LocalDate startDate, LocalDate endDate, int probationMonths) {
		if (contract == ContractType.FIXED_TERM) {
			if (endDate == null) {
				throw new BusinessRuleViolation("endDate", "A fixed-term contract needs an end date");
			}
			if (!endDate.isAfter(startDate)) {
				throw new BusinessRuleViolation("endDate", "The end date must be after the start date");
			}
		}
		else if (endDate != null) {
			throw new BusinessRuleViolation("endDate", "Only a fixed-term contract has an end date");
		}
		if (probationMonths < 0 || probationMonths > MAX_PROBATION_MONTHS) {
			throw new BusinessRuleViolation("probationMonths",
					"The probation is 0 to " + MAX_PROBATION_MONTHS + " months (Labour Code, article 36)");
		}
		if (contract == ContractType.CONTRACTOR && probationMonths > 0) {
			throw new BusinessRuleViolation("probationMonths", "A contractor's civil-law contract has no probation");
		}
		if (endDate != null && probationMonths > 0 && startDate.plusMonths(probationMonths).isAfter(endDate)) {
			throw new BusinessRuleViolation("probationMonths", "The probation must end within the fixed term");
		}
	}

	private static String termsClosed(Employee employee) {
		return "The start date and the probation no longer change once the employee is "
				+ employee.status().name().toLowerCase(Locale.ROOT) + " or a probation decision was made";
	}

	private static RuntimeException translated(DataIntegrityViolationException ex) {
		// a concurrent request stored the same value first
		if (DatabaseConstraints.isUniqueViolation(ex, EMAIL_CONSTRAINT)) {
			return new ConflictException("email", EMAIL_TAKEN);
		}
		if (DatabaseConstraints.isUniqueViolation(ex, IIN_CONSTRAINT)) {
			return new ConflictException("iin", IIN_TAKEN);
		}
		return ex;
	}

	private UUID access(UUID organizationId, UUID callerId, WorkspaceRole minimum) {
		return this.organizations.requireCompanyWorkspace(organizationId, callerId, minimum);
	}

}
