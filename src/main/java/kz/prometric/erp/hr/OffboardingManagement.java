package kz.prometric.erp.hr;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import kz.prometric.erp.hr.process.EmployeeOffboarding;
import kz.prometric.erp.hr.process.EmployeeOnboarding;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.TeamManagement;
import kz.prometric.erp.organization.TeamView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceMembership;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.workflow.WorkspaceDefinitions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ending employment: the employee becomes {@code LEAVING} and
 * {@code employee-offboarding} runs to his last day, when his membership of this
 * workspace ends, and until its tasks (equipment, final settlement, leaving documents)
 * are done; then he is {@code LEFT}.
 */
@Service
public class OffboardingManagement {

	private static final Logger log = LoggerFactory.getLogger(OffboardingManagement.class);

	/** The longest note a task's form may carry (the column's size). */
	static final int NOTE_LIMIT = 1000;

	/** The longest reason for leaving (the column's size). */
	static final int REASON_LIMIT = 500;

	private final EntityManager entityManager;

	private final OffboardingTaskRecords records;

	private final OrganizationManagement organizations;

	private final WorkspaceManagement workspaces;

	private final TeamManagement teams;

	private final IdentityManagement identity;

	private final RuntimeService runtime;

	private final WorkspaceDefinitions definitions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OffboardingManagement(EntityManager entityManager, OffboardingTaskRecords records,
			OrganizationManagement organizations, WorkspaceManagement workspaces, TeamManagement teams,
			IdentityManagement identity, RuntimeService runtime, WorkspaceDefinitions definitions,
			ApplicationEventPublisher events, Clock clock) {
		this.entityManager = entityManager;
		this.records = records;
		this.organizations = organizations;
		this.workspaces = workspaces;
		this.teams = teams;
		this.identity = identity;
		this.runtime = runtime;
		this.definitions = definitions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Ends an employee's employment after {@code lastDay} (REST, admins and the owner):
	 * the employee becomes {@code LEAVING}, a running onboarding is stopped (its open
	 * items cancelled) and {@code employee-offboarding} starts, once. The employee's row
	 * is locked, so a repeated or concurrent call answers 409 and starts nothing. 404 for
	 * an employee of another organization, 403 below admin, 409 when he is already
	 * leaving or has left, 422 when {@code lastDay} is before today (Asia/Almaty) or
	 * before his start date, or when he is the workspace's owner.
	 */
	@Transactional
	public EmployeeView endEmployment(UUID organizationId, UUID callerId, UUID employeeId, LocalDate lastDay,
			String reason) {
		UUID workspaceId = this.organizations.requireCompanyWorkspace(organizationId, callerId, WorkspaceRole.ADMIN);
		Employee employee = lock(employeeId).filter(e -> e.organizationId().equals(organizationId))
			.filter(e -> e.workspaceId().equals(workspaceId))
			.orElseThrow(() -> new NotFoundException("Employee", employeeId));
		if (employee.status() == EmployeeStatus.LEAVING || employee.status() == EmployeeStatus.LEFT) {
			throw new ConflictException("status", "The employment of this employee has already ended (he is "
					+ employee.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
		}
		checkLastDay(employee, lastDay);
		checkNotOwner(employee);
		end(employee, lastDay, reason);
		stopOnboarding(employee);
		return employee.view();
	}

	/**
	 * Starts the offboarding of an employee whose probation the manager ended (called by
	 * the onboarding process, which then ends itself, so its onboarding is not stopped
	 * here); an employee who is already leaving or has left is left as he is and nothing
	 * starts. {@link BusinessRuleViolation} ({@code lastDay}) when the last day is
	 * missing, before today or before the start date, ({@code employeeId}) when he is the
	 * workspace's owner; {@link NotFoundException} for an employee of another workspace.
	 */
	@Transactional
	public void startOffboarding(UUID workspaceId, UUID employeeId, LocalDate lastDay, String reason) {
		Employee employee = lock(employeeId).filter(e -> e.workspaceId().equals(workspaceId))
			.orElseThrow(() -> new NotFoundException("Employee", employeeId));
		if (employee.status() == EmployeeStatus.LEAVING || employee.status() == EmployeeStatus.LEFT) {
			return;
		}
		checkLastDay(employee, lastDay);
		checkNotOwner(employee);
		end(employee, lastDay, reason);
	}

	/**
	 * An employee's offboarding: his last day, when his access ends and each task, done
	 * or not (admins). While his employment has not ended, the last day and the end of
	 * access are empty and no task is done.
	 */
	@Transactional(readOnly = true)
	public OffboardingView offboarding(UUID organizationId, UUID callerId, UUID employeeId) {
		UUID workspaceId = this.organizations.requireCompanyWorkspace(organizationId, callerId, WorkspaceRole.ADMIN);
		Employee employee = Optional.ofNullable(this.entityManager.find(Employee.class, employeeId))
			.filter(e -> e.organizationId().equals(organizationId))
			.filter(e -> e.workspaceId().equals(workspaceId))
			.orElseThrow(() -> new NotFoundException("Employee", employeeId));
		Map<OffboardingStep, OffboardingView.Task> done = new EnumMap<>(OffboardingStep.class);
		this.records.findByEmployeeId(employeeId).forEach(r -> done.put(r.step(), r.view()));
		List<OffboardingView.Task> tasks = new ArrayList<>();
		for (OffboardingStep step : OffboardingStep.values()) {
			tasks.add(done.getOrDefault(step,
					new OffboardingView.Task(step, step.title(), false, null, null, null, null, null)));
		}
		LocalDate lastDay = employee.lastDay();
		return new OffboardingView(employeeId, employee.status(), lastDay,
				(lastDay != null) ? accessEndsAt(lastDay) : null, tasks);
	}

	// --- steps of employee-offboarding (called by its delegates and listeners)

	/**
	 * The candidate group of a step's task: the engine group of the first of the step's
	 * teams that exists in the workspace and has members, otherwise the workspace's
	 * admins ({@code <ws>:admin}).
	 */
	@Transactional(readOnly = true)
	public String candidateGroup(OffboardingInstance instance, OffboardingStep step) {
		for (String code : step.teams()) {
			Optional<TeamView> team = this.teams.teamByCode(instance.workspaceId(), code)
				.filter(t -> t.memberCount() > 0);
			if (team.isPresent()) {
				return team.get().engineGroup();
			}
		}
		return instance.workspaceId() + ":admin";
	}

	/**
	 * Records a completed offboarding task: whether it was confirmed, the amount of a
	 * final settlement (required for it, at least 0, two decimals at most), a note of at
	 * most 1000 characters and who completed it. A second record of the same step is
	 * ignored.
	 */
	@Transactional
	public void taskDone(OffboardingInstance instance, OffboardingStep step, boolean confirmed, BigDecimal amount,
			String note, String doneBy) {
		Employee employee = load(instance);
		if (this.records.existsByEmployeeIdAndStep(employee.id(), step)) {
			return;
		}
		BigDecimal settled = null;
		if (step == OffboardingStep.FINAL_SETTLEMENT) {
			if (amount == null) {
				throw new BusinessRuleViolation(EmployeeOffboarding.VAR_SETTLEMENT_AMOUNT,
						"The settlement amount is required (0 when nothing is owed)");
			}
			if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
					|| amount.precision() - amount.scale() > 17) {
				throw new BusinessRuleViolation(EmployeeOffboarding.VAR_SETTLEMENT_AMOUNT,
						"The settlement amount must be 0 or more, with at most two decimals");
			}
			settled = amount.setScale(2);
		}
		String text = (note == null || note.isBlank()) ? null : note.strip();
		if (text != null && text.length() > NOTE_LIMIT) {
			String field = switch (step) {
				case RETURN_EQUIPMENT -> EmployeeOffboarding.VAR_EQUIPMENT_NOTE;
				case FINAL_SETTLEMENT -> EmployeeOffboarding.VAR_SETTLEMENT_NOTE;
				case SIGN_LEAVING_DOCUMENTS -> EmployeeOffboarding.VAR_DOCUMENTS_NOTE;
			};
			throw new BusinessRuleViolation(field, "A note has at most " + NOTE_LIMIT + " characters");
		}
		this.records.save(new OffboardingTaskRecord(instance.workspaceId(), employee.id(), step, confirmed, settled,
				text, doneBy, this.clock.instant()));
	}

	/**
	 * The last day is over: the employee's user (linked, or with his e-mail) stops being
	 * a member of this workspace; every entry point refuses him there from the commit on,
	 * while his other workspaces stay. Nothing happens when he is not a member.
	 */
	@Transactional
	public void endAccess(OffboardingInstance instance) {
		Employee employee = load(instance);
		Optional<UUID> user = userOf(employee);
		if (user.isEmpty()) {
			log.info("Employee {} has no user account: no membership to end in workspace {}", employee.id(),
					instance.workspaceId());
			return;
		}
		boolean ended = this.workspaces.endMembership(instance.workspaceId(), user.get());
		log.info("Employee {}'s last day is over: membership of workspace {} {}", employee.id(), instance.workspaceId(),
				ended ? "ended" : "had already ended");
	}

	/**
	 * All offboarding tasks are done and the last day is over: the employee is
	 * {@code LEFT}; publishes {@link EmployeeLeft} once.
	 */
	@Transactional
	public void employeeLeft(OffboardingInstance instance) {
		Employee employee = lock(instance.employeeId()).filter(e -> e.workspaceId().equals(instance.workspaceId()))
			.orElseThrow(() -> new NotFoundException("Employee", instance.employeeId()));
		if (employee.status() == EmployeeStatus.LEFT) {
			return;
		}
		Instant now = this.clock.instant();
		employee.moveTo(EmployeeStatus.LEFT, now);
		this.events.publishEvent(new EmployeeLeft(employee.id(), employee.organizationId(), employee.workspaceId(),
				employee.userId(), employee.lastDay(), now));
	}

	// --- internals

	private void end(Employee employee, LocalDate lastDay, String reason) {
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (why != null && why.length() > REASON_LIMIT) {
			throw new BusinessRuleViolation("reason", "The reason has at most " + REASON_LIMIT + " characters");
		}
		employee.endEmployment(lastDay, why, this.clock.instant());
		String businessKey = employee.id().toString();
		long running = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOffboarding.PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.tenantIdIn(employee.workspaceId().toString())
			.count();
		if (running > 0) {
			// cannot happen while the status gate holds: the employee was not leaving
			throw new ConflictException("status", "An offboarding of this employee is already running");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(EmployeeOffboarding.VAR_WORKSPACE_ID, employee.workspaceId().toString());
		variables.put(EmployeeOffboarding.VAR_EMPLOYEE_NAME, employee.name());
		variables.put(EmployeeOffboarding.VAR_LAST_DAY, lastDay.toString());
		variables.put(EmployeeOffboarding.VAR_LEAVING_REASON, why);
		variables.put(EmployeeOffboarding.VAR_ACCESS_ENDS_AT, Date.from(accessEndsAt(lastDay)));
		this.definitions.startProcess(EmployeeOffboarding.PROCESS_KEY, employee.workspaceId())
			.businessKey(businessKey)
			.setVariables(variables)
			.execute();
	}

	/**
	 * Stops the employee's running onboarding: the employment-ending message is
	 * correlated only when that instance waits for it.
	 */
	private void stopOnboarding(Employee employee) {
		List<ProcessInstance> onboardings = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOnboarding.PROCESS_KEY)
			.processInstanceBusinessKey(employee.id().toString())
			.tenantIdIn(employee.workspaceId().toString())
			.list();
		for (ProcessInstance onboarding : onboardings) {
			boolean waiting = this.runtime.createEventSubscriptionQuery()
				.processInstanceId(onboarding.getId())
				.eventType("message")
				.eventName(EmployeeOnboarding.MESSAGE_EMPLOYMENT_ENDING)
				.count() > 0;
			if (waiting) {
				this.runtime.createMessageCorrelation(EmployeeOnboarding.MESSAGE_EMPLOYMENT_ENDING)
					.processInstanceId(onboarding.getId())
					.correlate();
			}
		}
	}

	private void checkLastDay(Employee employee, LocalDate lastDay) {
		if (lastDay == null) {
			throw new BusinessRuleViolation("lastDay", "The last day of work is required");
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), HrManagement.BUSINESS_ZONE);
		if (lastDay.isBefore(today)) {
			throw new BusinessRuleViolation("lastDay", "The last day cannot be in the past (today is " + today + ")");
		}
		if (employee.startDate() != null && lastDay.isBefore(employee.startDate())) {
			throw new BusinessRuleViolation("lastDay",
					"The last day cannot be before the start date " + employee.startDate());
		}
	}

	private void checkNotOwner(Employee employee) {
		Optional<UUID> user = userOf(employee);
		if (user.isEmpty()) {
			return;
		}
		boolean owner = this.workspaces.membershipsOf(user.get())
			.stream()
			.filter(m -> m.workspaceId().equals(employee.workspaceId()))
			.map(WorkspaceMembership::role)
			.anyMatch(r -> r == WorkspaceRole.OWNER);
		if (owner) {
			throw new BusinessRuleViolation("employeeId",
					"The workspace owner's employment cannot end here: transfer the ownership first");
		}
	}

	/** The employee's user: the linked one, else the account with his e-mail. */
	private Optional<UUID> userOf(Employee employee) {
		if (employee.userId() != null) {
			return Optional.of(employee.userId());
		}
		return this.identity.findByEmail(employee.email()).map(UserAccount::id);
	}

	private Employee load(OffboardingInstance instance) {
		return Optional.ofNullable(this.entityManager.find(Employee.class, instance.employeeId()))
			.filter(e -> e.workspaceId().equals(instance.workspaceId()))
			.orElseThrow(() -> new NotFoundException("Employee", instance.employeeId()));
	}

	private Optional<Employee> lock(UUID employeeId) {
		return Optional.ofNullable(this.entityManager.find(Employee.class, employeeId, LockModeType.PESSIMISTIC_WRITE));
	}

	/** Access ends when the last day is over: the next day's start, Asia/Almaty. */
	static Instant accessEndsAt(LocalDate lastDay) {
		return lastDay.plusDays(1).atStartOfDay(HrManagement.BUSINESS_ZONE).toInstant();
	}

}
