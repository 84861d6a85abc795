package kz.prometric.erp.hr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import kz.prometric.erp.hr.process.EmployeeOnboarding;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.MemberJoined;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.OrganizationView;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.organization.TeamView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.workflow.WorkspaceDefinitions;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An employee's onboarding: the {@code employee-onboarding} process (business key = the
 * employee's id, tenant = the workspace) and the ERP's own record of his checklist.
 * <p>
 * A new hire's onboarding starts in the transaction that adds him
 * ({@link EmployeeAdded}); an existing PENDING employee's by REST. Its first step makes
 * him ONBOARDING, has {@code dmn/onboarding-checklist.dmn} choose the items (position,
 * department, contract type), stores them, invites his address into the workspace and
 * sends the welcome e-mail ({@link OnboardingStarted}). Each item is a task for its team,
 * the manager or the employee, due at 09:00 Asia/Almaty on the start date plus the item's
 * offset; an overdue required item is reminded daily three times
 * ({@link OnboardingItemOverdue}) while the work goes on. When every required item is
 * done the employee becomes ACTIVE ({@link EmployeeActivated}, once). At the end of the
 * probation his manager confirms it, extends it or ends the employment (the offboarding
 * starts).
 * <p>
 * Process steps find the employee by the instance's tenant and business key
 * ({@link OnboardingInstance}) and lock his row for the step's transaction.
 */
@Service
public class OnboardingManagement {

	static final String RESPONSIBLE_MANAGER = "manager";

	static final String RESPONSIBLE_EMPLOYEE = "employee";

	static final String RESPONSIBLE_TEAM_PREFIX = "team:";

	/** The team whose members do an employee's items until his user is linked. */
	static final String HR_TEAM = "hr";

	static final String OUTCOME_DONE = "done";

	static final String OUTCOME_NOT_APPLICABLE = "notApplicable";

	/** Extending a probation: 1 to 3 months at a time. */
	static final int MAX_EXTENSION_MONTHS = 3;

	private final Employees employees;

	private final Departments departments;

	private final OnboardingItems items;

	private final EntityManager entities;

	private final OrganizationManagement organizations;

	private final WorkspaceManagement workspaces;

	private final TeamManagement teams;

	private final IdentityManagement identity;

	private final OffboardingManagement offboarding;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final WorkspaceDefinitions definitions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OnboardingManagement(Employees employees, Departments departments, OnboardingItems items, EntityManager entities,
			OrganizationManagement organizations, WorkspaceManagement workspaces, TeamManagement teams,
			IdentityManagement identity, OffboardingManagement offboarding, RuntimeService runtime, TaskService tasks,
			WorkspaceDefinitions definitions, ApplicationEventPublisher events, Clock clock) {
		this.employees = employees;
		this.departments = departments;
		this.items = items;
		this.entities = entities;
		this.organizations = organizations;
		this.workspaces = workspaces;
		this.teams = teams;
		this.identity = identity;
		this.offboarding = offboarding;
		this.runtime = runtime;
		this.tasks = tasks;
		this.definitions = definitions;
		this.events = events;
		this.clock = clock;
	}

	// ---- API

	/**
	 * Starts the onboarding of an existing PENDING employee (admins; 404 outside the
	 * organization; 409 when he is not PENDING or his onboarding already runs). Locks the
	 * employee's row, so concurrent calls start one instance.
	 */
	@Transactional
	public OnboardingView startOnboarding(UUID organizationId, UUID callerId, UUID employeeId) {
		UUID workspaceId = this.organizations.requireCompanyWorkspace(organizationId, callerId, WorkspaceRole.ADMIN);
		Employee employee = lock(employeeId).filter(e -> e.organizationId().equals(organizationId))
			.orElseThrow(() -> new NotFoundException("Employee", employeeId));
		if (running(workspaceId, employeeId)) {
			throw new ConflictException("status", "The onboarding of this employee is already running");
		}
		if (employee.status() != EmployeeStatus.PENDING) {
			throw new ConflictException("status", "Only a pending employee can be onboarded; this one is "
					+ employee.status().name().toLowerCase(Locale.ROOT));
		}
		start(workspaceId, employee, callerId);
		return view(workspaceId, employee);
	}

	/**
	 * The employee's onboarding with each checklist item's state (members of the
	 * organization's workspace; 404 otherwise).
	 */
	@Transactional(readOnly = true)
	public OnboardingView onboarding(UUID organizationId, UUID callerId, UUID employeeId) {
		UUID workspaceId = this.organizations.requireCompanyWorkspace(organizationId, callerId, WorkspaceRole.MEMBER);
		Employee employee = this.employees.findByIdAndOrganizationId(employeeId, organizationId)
			.orElseThrow(() -> new NotFoundException("Employee", employeeId));
		return view(workspaceId, employee);
	}

	/** A new hire's onboarding starts in the transaction that adds him. */
	@EventListener
	void on(EmployeeAdded added) {
		if (!added.onboard()) {
			return;
		}
		Employee employee = this.employees.findById(added.employeeId())
			.orElseThrow(() -> new IllegalStateException("No employee " + added.employeeId()));
		start(added.workspaceId(), employee, added.addedBy());
	}

	/**
	 * A user joined a workspace (accepted the invitation, or was added): an employee of
	 * that workspace with his e-mail and no user is linked to him, and his open
	 * "employee" items (offered to the HR team until now) are assigned to him.
	 */
	@EventListener
	void on(MemberJoined joined) {
		Optional<UserAccount> user = this.identity.findById(joined.userId());
		if (user.isEmpty()) {
			return;
		}
		String email = user.get().email();
		List<Employee> matching = this.entities
			.createQuery("select e from Employee e where e.workspaceId = :ws and e.email = :email "
					+ "and (e.userId is null or e.userId = :user)", Employee.class)
			.setParameter("ws", joined.workspaceId())
			.setParameter("email", email.toLowerCase(Locale.ROOT))
			.setParameter("user", joined.userId())
			.getResultList();
		for (Employee employee : matching) {
			if (employee.userId() == null) {
				employee.linkUser(joined.userId(), this.clock.instant());
			}
			for (Task task : openItemTasks(joined.workspaceId(), employee.id())) {
				Object code = this.tasks.getVariable(task.getId(), EmployeeOnboarding.VAR_ITEM_CODE);
				this.items.findByEmployeeIdAndCode(employee.id(), String.valueOf(code))
					.filter(item -> RESPONSIBLE_EMPLOYEE.equals(item.responsible()))
					.ifPresent(item -> this.tasks.setAssignee(task.getId(), email));
			}
		}
	}

	// ---- process-facing

	/**
	 * First step: the employee becomes ONBOARDING, the checklist table chooses his items
	 * (stored with their due dates), his address is invited into the workspace (role =
	 * his organization role; once) and {@link OnboardingStarted} is published. Answers
	 * the item codes and when the probation review is due. With no required item he is
	 * ACTIVE at once. Runs in one transaction: a retry starts from scratch.
	 */
	@Transactional
	public Checklist begin(OnboardingInstance instance, UUID startedBy) {
		Employee employee = bound(instance);
		Instant now = this.clock.instant();
		if (employee.status() != EmployeeStatus.PENDING) {
			throw new IllegalStateException("Employee " + employee.id() + " is " + employee.status()
					+ ": onboarding instance " + instance.processInstanceId() + " cannot begin");
		}
		employee.moveTo(EmployeeStatus.ONBOARDING, now);
		EmployeeView view = employee.view();
		LocalDate start = (view.startDate() != null) ? view.startDate()
				: LocalDate.ofInstant(now, HrManagement.BUSINESS_ZONE);
		List<OnboardingItem> chosen = new ArrayList<>();
		for (ChecklistRow row : checklist(view)) {
			chosen.add(new OnboardingItem(instance.workspaceId(), employee.id(), row.code(), row.title(),
					row.responsible(), row.dueOffsetDays(), start, row.required(), now));
		}
		this.items.saveAll(chosen);
		WorkspaceRole role = (view.organizationRole() == null || view.organizationRole() == WorkspaceRole.OWNER)
				? WorkspaceRole.MEMBER : view.organizationRole();
		boolean invited = this.workspaces.inviteEmployee(instance.workspaceId(), startedBy, view.email(), role)
			.isPresent();
		String company = this.organizations.organizationOfWorkspace(instance.workspaceId())
			.map(OrganizationView::name)
			.orElse("");
		this.events.publishEvent(new OnboardingStarted(instance.workspaceId(), employee.id(), view.name(), view.email(),
				company, view.position(), start, invited, chosen.stream().map(OnboardingItem::title).toList(), now));
		activateIfDone(employee, chosen, now);
		return new Checklist(chosen.stream().map(OnboardingItem::code).toList(), reviewAt(view.probationEndsOn()),
				view.probationEndsOn());
	}

	/**
	 * What an item's task shows and when it is due (09:00 Asia/Almaty on its due date).
	 */
	@Transactional(readOnly = true)
	public ItemPlan planItem(OnboardingInstance instance, String code) {
		bound(instance);
		OnboardingItem item = item(instance, code);
		return new ItemPlan(item.code(), item.title(), item.dueOn(), atNine(item.dueOn()), item.required());
	}

	/**
	 * Who works an item's task, decided when the task is created: a team's item goes to
	 * the team's engine group if the team exists and has members, else to the workspace's
	 * admins; the manager's to his user if linked, else to the managers; the employee's
	 * to his user if linked, else to the HR team (or the admins).
	 */
	@Transactional(readOnly = true)
	public Assignment assignItem(OnboardingInstance instance, String code) {
		Employee employee = bound(instance);
		return assignment(instance.workspaceId(), employee, item(instance, code).responsible());
	}

	/** Who reviews the probation: the manager's user if linked, else the managers. */
	@Transactional(readOnly = true)
	public Assignment assignProbationReview(OnboardingInstance instance) {
		return assignment(instance.workspaceId(), bound(instance), RESPONSIBLE_MANAGER);
	}

	/**
	 * Records an item's completion: {@code outcome} done, or notApplicable (only for an
	 * item that is not required; a {@link BusinessRuleViolation} otherwise, and nothing
	 * changes). When this finishes the last required item, the employee becomes ACTIVE
	 * and {@link EmployeeActivated} is published — once, under the employee's row lock,
	 * however many items complete at the same time.
	 */
	@Transactional(noRollbackFor = BusinessRuleViolation.class)
	public void recordItem(OnboardingInstance instance, String code, String outcome, String note, String doneBy) {
		Employee employee = bound(instance);
		if (!OUTCOME_DONE.equals(outcome) && !OUTCOME_NOT_APPLICABLE.equals(outcome)) {
			throw new BusinessRuleViolation(EmployeeOnboarding.VAR_ITEM_OUTCOME, "Choose done or not applicable");
		}
		if (note != null && note.length() > 2000) {
			throw new BusinessRuleViolation(EmployeeOnboarding.VAR_ITEM_NOTE, "At most 2000 characters");
		}
		Instant now = this.clock.instant();
		item(instance, code).complete(OUTCOME_DONE.equals(outcome), doneBy, blankToNull(note), now);
		activateIfDone(employee, this.items.findByEmployeeIdOrderByDueOnAscCodeAsc(employee.id()), now);
	}

	/**
	 * The item's due date (or a day after it) passed with its task open: a required
	 * item's responsible people (the task's assignee, or the members of its candidate
	 * groups) are reminded and the manager notified ({@link OnboardingItemOverdue});
	 * answers false, and does nothing, for an item that is no longer open.
	 */
	@Transactional
	public boolean remindItem(OnboardingInstance instance, String code) {
		Employee employee = bound(instance);
		OnboardingItem item = item(instance, code);
		if (!item.isOpen() || !item.required()) {
			return false;
		}
		String assignee = null;
		List<String> groups = new ArrayList<>();
		for (Task task : this.tasks.createTaskQuery()
			.processInstanceId(instance.processInstanceId())
			.taskDefinitionKey(EmployeeOnboarding.TASK_COMPLETE_ITEM)
			.list()) {
			if (code.equals(String.valueOf(this.tasks.getVariable(task.getId(), EmployeeOnboarding.VAR_ITEM_CODE)))) {
				assignee = task.getAssignee();
				for (IdentityLink link : this.tasks.getIdentityLinksForTask(task.getId())) {
					if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
						groups.add(link.getGroupId());
					}
				}
			}
		}
		item.reminded();
		EmployeeView view = employee.view();
		this.events.publishEvent(
				new OnboardingItemOverdue(instance.workspaceId(), employee.id(), view.name(), item.code(), item.title(),
						item.dueOn(), item.view().reminders(), recipients(instance.workspaceId(), assignee, groups),
						managerEmail(employee).orElse(null), this.clock.instant()));
		return true;
	}

	/**
	 * The manager's decision at the end of the probation. {@code decision} confirm,
	 * extend ({@code extendMonths} 1–3: the probation ends that much later and the review
	 * comes again) or end ({@code lastDay} today or later and not before the start date;
	 * not for the workspace's owner: the employee's offboarding starts through
	 * {@link OffboardingManagement#startOffboarding}, his open items are cancelled, and
	 * the onboarding ends). A refused decision is a {@link BusinessRuleViolation} naming
	 * the field, checked before anything is written, and nothing changes.
	 */
	@Transactional(noRollbackFor = BusinessRuleViolation.class)
	public ProbationStep decideProbation(OnboardingInstance instance, String decision, Object extendMonths,
			Object lastDay, String note) {
		Employee employee = bound(instance);
		Instant now = this.clock.instant();
		if (employee.status() != EmployeeStatus.ONBOARDING && employee.status() != EmployeeStatus.ACTIVE) {
			throw new BusinessRuleViolation(EmployeeOnboarding.VAR_PROBATION_DECISION,
					"The employee is " + employee.status().name().toLowerCase(Locale.ROOT));
		}
		switch ((decision == null) ? "" : decision) {
			case "confirm" -> {
				employee.probationDecided(ProbationOutcome.CONFIRMED, 0, now);
				return new ProbationStep(ProbationOutcome.CONFIRMED, null, employee.probationEndsOn());
			}
			case "extend" -> {
				int months = months(extendMonths);
				employee.probationDecided(ProbationOutcome.EXTENDED, months, now);
				return new ProbationStep(ProbationOutcome.EXTENDED, reviewAt(employee.probationEndsOn()),
						employee.probationEndsOn());
			}
			case "end" -> {
				LocalDate last = date(lastDay);
				if (last.isBefore(LocalDate.ofInstant(now, HrManagement.BUSINESS_ZONE))) {
					throw new BusinessRuleViolation(EmployeeOnboarding.VAR_LAST_DAY,
							"The last day cannot be in the past");
				}
				LocalDate start = employee.startDate();
				if (start != null && last.isBefore(start)) {
					throw new BusinessRuleViolation(EmployeeOnboarding.VAR_LAST_DAY,
							"The last day cannot be before the start date " + start);
				}
				if (employee.userId() != null && isOwner(instance.workspaceId(), employee.userId())) {
					throw new BusinessRuleViolation(EmployeeOnboarding.VAR_PROBATION_DECISION,
							"The employment of the workspace's owner cannot be ended");
				}
				String reason = (blankToNull(note) != null) ? note.strip() : "Probation not passed";
				this.offboarding.startOffboarding(instance.workspaceId(), employee.id(), last, reason);
				employee.probationDecided(ProbationOutcome.ENDED, 0, now);
				cancelOpenItems(employee.id(), now);
				return new ProbationStep(ProbationOutcome.ENDED, null, employee.probationEndsOn());
			}
			default -> throw new BusinessRuleViolation(EmployeeOnboarding.VAR_PROBATION_DECISION,
					"Choose confirm, extend or end");
		}
	}

	/** Employment ends while onboarding: the open items are cancelled. */
	@Transactional
	public void stopOnboarding(OnboardingInstance instance) {
		Employee employee = bound(instance);
		cancelOpenItems(employee.id(), this.clock.instant());
	}

	// ---- records

	/** What the first step decided. {@code probationReviewAt} null: no probation. */
	public record Checklist(List<String> itemCodes, String probationReviewAt, LocalDate probationEndsOn) {
	}

	/** An item as its task shows it; {@code dueAt} ISO-8601 (09:00 Asia/Almaty). */
	public record ItemPlan(String code, String title, LocalDate dueOn, String dueAt, boolean required) {
	}

	/** A task's assignee (an engine user, the e-mail) or candidate group. */
	public record Assignment(String assignee, String candidateGroup) {
	}

	/**
	 * The recorded probation decision; {@code nextReviewAt} set when it was extended.
	 */
	public record ProbationStep(ProbationOutcome outcome, String nextReviewAt, LocalDate probationEndsOn) {
	}

	/** One row of the onboarding-checklist table's result. */
	record ChecklistRow(String code, String title, String responsible, int dueOffsetDays, boolean required) {
	}

	// ---- internals

	private void start(UUID workspaceId, Employee employee, UUID startedBy) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(EmployeeOnboarding.VAR_WORKSPACE_ID, workspaceId.toString());
		variables.put(EmployeeOnboarding.VAR_STARTED_BY, (startedBy != null) ? startedBy.toString() : null);
		variables.put(EmployeeOnboarding.VAR_EMPLOYEE_NAME, employee.name());
		this.definitions.startProcess(EmployeeOnboarding.PROCESS_KEY, workspaceId)
			.businessKey(employee.id().toString())
			.setVariables(variables)
			.execute();
	}

	/** The checklist rows for this employee; a code chosen twice counts once. */
	List<ChecklistRow> checklist(EmployeeView employee) {
		String department = (employee.departmentId() == null) ? ""
				: this.departments.findById(employee.departmentId()).map(d -> d.view().name()).orElse("");
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("position", (employee.position() == null) ? "" : employee.position());
		inputs.put("department", department);
		inputs.put("contractType", employee.contractType().name());
		Map<String, ChecklistRow> rows = new LinkedHashMap<>();
		for (DmnDecisionResultEntries row : this.definitions
			.evaluateDecision(EmployeeOnboarding.CHECKLIST_DECISION, employee.workspaceId())
			.variables(inputs)
			.evaluate()) {
			String code = String.valueOf((Object) row.getEntry("itemCode"));
			String responsible = String.valueOf((Object) row.getEntry("responsible"));
			if (!responsible.equals(RESPONSIBLE_MANAGER) && !responsible.equals(RESPONSIBLE_EMPLOYEE)
					&& !responsible.matches(RESPONSIBLE_TEAM_PREFIX + "[a-z][a-z0-9-]{1,29}")) {
				// a fault of the table, not of the employee: the step fails and is
				// retried
				throw new IllegalStateException("The onboarding-checklist table names an unknown responsible \""
						+ responsible + "\" for item " + code + ": use team:<code>, manager or employee");
			}
			rows.putIfAbsent(code,
					new ChecklistRow(code, String.valueOf((Object) row.getEntry("itemTitle")), responsible,
							row.<Number>getEntry("dueOffsetDays").intValue(),
							Boolean.TRUE.equals(row.<Object>getEntry("required"))));
		}
		return List.copyOf(rows.values());
	}

	private void activateIfDone(Employee employee, List<OnboardingItem> checklist, Instant now) {
		if (employee.status() == EmployeeStatus.ONBOARDING
				&& checklist.stream().noneMatch(OnboardingItem::blocksActivation)) {
			employee.moveTo(EmployeeStatus.ACTIVE, now);
			EmployeeView view = employee.view();
			this.events.publishEvent(new EmployeeActivated(view.workspaceId(), view.organizationId(), view.id(),
					view.name(), view.email(), now));
		}
	}

	private void cancelOpenItems(UUID employeeId, Instant now) {
		this.items.findByEmployeeIdOrderByDueOnAscCodeAsc(employeeId).forEach(item -> item.cancel(now));
	}

	Assignment assignment(UUID workspaceId, Employee employee, String responsible) {
		String admins = workspaceId + ":admin";
		if (responsible.startsWith(RESPONSIBLE_TEAM_PREFIX)) {
			return new Assignment(null,
					teamGroup(workspaceId, responsible.substring(RESPONSIBLE_TEAM_PREFIX.length())).orElse(admins));
		}
		if (RESPONSIBLE_MANAGER.equals(responsible)) {
			return managerEmail(employee).map(email -> new Assignment(email, null))
				.orElseGet(() -> new Assignment(null, workspaceId + ":manager"));
		}
		if (RESPONSIBLE_EMPLOYEE.equals(responsible)) {
			if (employee.userId() != null && isMember(workspaceId, employee.userId())) {
				return new Assignment(employee.email(), null);
			}
			return new Assignment(null, teamGroup(workspaceId, HR_TEAM).orElse(admins));
		}
		throw new IllegalStateException("The onboarding-checklist table names an unknown responsible: " + responsible);
	}

	private boolean isOwner(UUID workspaceId, UUID userId) {
		return this.workspaces.membershipsOf(userId)
			.stream()
			.anyMatch(m -> m.workspaceId().equals(workspaceId) && m.role() == WorkspaceRole.OWNER);
	}

	private boolean isMember(UUID workspaceId, UUID userId) {
		return this.workspaces.membershipsOf(userId).stream().anyMatch(m -> m.workspaceId().equals(workspaceId));
	}

	/** The team's engine group, if the team exists and has members. */
	private Optional<String> teamGroup(UUID workspaceId, String code) {
		return this.teams.teamByCode(workspaceId, code)
			.filter(team -> team.memberCount() > 0)
			.map(TeamView::engineGroup);
	}

	/** The e-mail of the employee's manager when the manager's user is linked. */
	private Optional<String> managerEmail(Employee employee) {
		if (employee.managerId() == null) {
			return Optional.empty();
		}
		return this.employees.findById(employee.managerId())
			.filter(manager -> manager.userId() != null)
			.map(Employee::email);
	}

	/**
	 * Who gets an overdue item's reminder: its assignee, or the workspace members in its
	 * candidate groups (a role group is cumulative: admins include the owner).
	 */
	private List<String> recipients(UUID workspaceId, String assignee, List<String> groups) {
		if (assignee != null) {
			return List.of(assignee);
		}
		Set<UUID> users = new LinkedHashSet<>();
		String prefix = workspaceId + ":";
		for (String group : groups) {
			if (!group.startsWith(prefix)) {
				continue;
			}
			String name = group.substring(prefix.length());
			if (name.startsWith("team:")) {
				users.addAll(this.teams.memberIds(workspaceId, name.substring("team:".length())));
			}
			else {
				roleOf(name).ifPresent(role -> this.workspaces.membershipsIn(workspaceId)
					.stream()
					.filter(m -> m.role().ordinal() <= role.ordinal())
					.forEach(m -> users.add(m.userId())));
			}
		}
		return this.identity.findAllById(users).stream().map(UserAccount::email).sorted().toList();
	}

	private static Optional<WorkspaceRole> roleOf(String name) {
		try {
			return Optional.of(WorkspaceRole.valueOf(name.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	List<Task> openItemTasks(UUID workspaceId, UUID employeeId) {
		return this.tasks.createTaskQuery()
			.processDefinitionKey(EmployeeOnboarding.PROCESS_KEY)
			.processInstanceBusinessKey(employeeId.toString())
			.tenantIdIn(workspaceId.toString())
			.taskDefinitionKey(EmployeeOnboarding.TASK_COMPLETE_ITEM)
			.list();
	}

	private boolean running(UUID workspaceId, UUID employeeId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOnboarding.PROCESS_KEY)
			.processInstanceBusinessKey(employeeId.toString())
			.tenantIdIn(workspaceId.toString())
			.count() > 0;
	}

	private OnboardingView view(UUID workspaceId, Employee employee) {
		EmployeeView view = employee.view();
		return new OnboardingView(view.id(), view.name(), view.status(), running(workspaceId, view.id()),
				view.startDate(), view.probationEndsOn(), view.probationOutcome(),
				this.items.findByEmployeeIdOrderByDueOnAscCodeAsc(view.id())
					.stream()
					.map(OnboardingItem::view)
					.toList());
	}

	private Optional<Employee> lock(UUID employeeId) {
		return Optional.ofNullable(this.entities.find(Employee.class, employeeId, LockModeType.PESSIMISTIC_WRITE));
	}

	/**
	 * The employee the instance is bound to, locked: by business key, and only in the
	 * instance's workspace. Anything else is a fault, not a business outcome.
	 */
	private Employee bound(OnboardingInstance instance) {
		return lock(instance.employeeId()).filter(e -> e.workspaceId().equals(instance.workspaceId()))
			.orElseThrow(() -> new IllegalStateException("No employee " + instance.employeeId()
					+ " in the workspace of onboarding instance " + instance.processInstanceId()));
	}

	private OnboardingItem item(OnboardingInstance instance, String code) {
		return this.items.findByEmployeeIdAndCode(instance.employeeId(), code)
			.orElseThrow(() -> new IllegalStateException(
					"No onboarding item " + code + " of employee " + instance.employeeId()));
	}

	static String reviewAt(LocalDate probationEndsOn) {
		return (probationEndsOn != null) ? atNine(probationEndsOn) : null;
	}

	static String atNine(LocalDate day) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(day.atTime(9, 0).atZone(HrManagement.BUSINESS_ZONE));
	}

	private static int months(Object value) {
		Integer months = null;
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			months = number.intValue();
		}
		else if (value instanceof String text) {
			try {
				months = Integer.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				months = null;
			}
		}
		if (months == null || months < 1 || months > MAX_EXTENSION_MONTHS) {
			throw new BusinessRuleViolation(EmployeeOnboarding.VAR_EXTEND_MONTHS,
					"Extend by 1 to " + MAX_EXTENSION_MONTHS + " months");
		}
		return months;
	}

	private static LocalDate date(Object value) {
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), HrManagement.BUSINESS_ZONE);
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
			}
			catch (DateTimeParseException ex) {
				// refused below
			}
		}
		throw new BusinessRuleViolation(EmployeeOnboarding.VAR_LAST_DAY, "Give the last day as a date (YYYY-MM-DD)");
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
