package kz.prometric.erp.hr;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kz.prometric.erp.hr.OnboardingManagement.Assignment;
import kz.prometric.erp.hr.process.EmployeeOnboarding;
import kz.prometric.erp.shared.NotFoundException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a running onboarding in step with the employee's record: due dates, the manager's
 * tasks and the probation review follow a change of start date, manager or end of
 * probation.
 */
@Component
class OnboardingRecordChanges {

	private final OnboardingManagement onboarding;

	private final Employees employees;

	private final OnboardingItems items;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	OnboardingRecordChanges(OnboardingManagement onboarding, Employees employees, OnboardingItems items,
			RuntimeService runtime, TaskService tasks, ManagementService management) {
		this.onboarding = onboarding;
		this.employees = employees;
		this.items = items;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
	}

	/**
	 * An admin changed what the running onboarding depends on (same transaction): a new
	 * start date moves the open items' due dates, their tasks' due dates and their
	 * reminder timers; a new manager gets the open manager items and the probation review
	 * (or the managers, when his record has no user); a new end of probation moves the
	 * review timer (or removes it, or adds it when there was no probation). Before the
	 * first step has run there is nothing to move: it reads the record.
	 */
	@EventListener
	void on(EmployeeRecordChanged changed) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOnboarding.PROCESS_KEY)
			.processInstanceBusinessKey(changed.employeeId().toString())
			.tenantIdIn(changed.workspaceId().toString())
			.singleResult();
		List<OnboardingItem> checklist = this.items.findByEmployeeIdOrderByDueOnAscCodeAsc(changed.employeeId());
		if (instance == null || checklist.isEmpty()) {
			return;
		}
		Employee employee = this.employees.findById(changed.employeeId())
			.orElseThrow(() -> new NotFoundException("Employee", changed.employeeId()));
		Map<String, Task> itemTasks = new HashMap<>();
		for (Task task : this.onboarding.openItemTasks(changed.workspaceId(), changed.employeeId())) {
			itemTasks.put(String.valueOf(this.tasks.getVariable(task.getId(), EmployeeOnboarding.VAR_ITEM_CODE)), task);
		}
		if (changed.startDate() != null) {
			for (OnboardingItem item : checklist) {
				Task task = itemTasks.get(item.code());
				if (item.rescheduleFrom(changed.startDate()) && task != null) {
					moveItemDue(instance, item, task);
				}
			}
		}
		Assignment manager = this.onboarding.assignment(changed.workspaceId(), employee,
				OnboardingManagement.RESPONSIBLE_MANAGER);
		for (OnboardingItem item : checklist) {
			Task task = itemTasks.get(item.code());
			if (task != null && OnboardingManagement.RESPONSIBLE_MANAGER.equals(item.responsible())) {
				reassign(task, manager, changed.workspaceId() + ":manager");
			}
		}
		Task review = this.tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(EmployeeOnboarding.TASK_REVIEW_PROBATION)
			.singleResult();
		if (review != null) {
			reassign(review, manager, changed.workspaceId() + ":manager");
		}
		moveProbationReview(instance, changed.probationEndsOn());
	}

	private void moveItemDue(ProcessInstance instance, OnboardingItem item, Task task) {
		String dueAt = OnboardingManagement.atNine(item.dueOn());
		this.runtime.setVariableLocal(task.getExecutionId(), EmployeeOnboarding.VAR_ITEM_DUE_ON,
				item.dueOn().toString());
		this.runtime.setVariable(task.getExecutionId(), EmployeeOnboarding.VAR_ITEM_DUE_AT, dueAt);
		this.runtime.setVariable(task.getExecutionId(), EmployeeOnboarding.VAR_ITEM_DUE_ON, item.dueOn().toString());
		task.setDueDate(Date.from(OffsetDateTime.parse(dueAt).toInstant()));
		this.tasks.saveTask(task);
		for (Job timer : this.management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(EmployeeOnboarding.BOUNDARY_ITEM_OVERDUE)
			.list()) {
			if (item.code()
				.equals(String
					.valueOf(this.runtime.getVariable(timer.getExecutionId(), EmployeeOnboarding.VAR_ITEM_CODE)))) {
				// the reminders already sent count; the next one comes at the new due
				// date
				this.management.setJobDuedate(timer.getId(), task.getDueDate(), true);
			}
		}
	}

	private void reassign(Task task, Assignment assignment, String managers) {
		if (assignment.assignee() != null) {
			this.tasks.deleteCandidateGroup(task.getId(), managers);
			this.tasks.setAssignee(task.getId(), assignment.assignee());
		}
		else {
			this.tasks.setAssignee(task.getId(), null);
			this.tasks.addCandidateGroup(task.getId(), managers);
		}
	}

	private void moveProbationReview(ProcessInstance instance, LocalDate probationEndsOn) {
		Object before = this.runtime.getVariable(instance.getId(), EmployeeOnboarding.VAR_PROBATION_ENDS_ON);
		String after = (probationEndsOn != null) ? probationEndsOn.toString() : null;
		if (Objects.equals(before, after)) {
			return;
		}
		Job timer = this.management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(EmployeeOnboarding.TIMER_PROBATION_ENDS)
			.singleResult();
		this.runtime.setVariable(instance.getId(), EmployeeOnboarding.VAR_PROBATION_ENDS_ON, after);
		this.runtime.setVariable(instance.getId(), EmployeeOnboarding.VAR_PROBATION_REVIEW_AT,
				OnboardingManagement.reviewAt(probationEndsOn));
		if (timer != null && probationEndsOn == null) {
			this.runtime.createProcessInstanceModification(instance.getId())
				.cancelAllForActivity(EmployeeOnboarding.TIMER_PROBATION_ENDS)
				.execute();
		}
		else if (timer != null) {
			this.management.setJobDuedate(timer.getId(),
					Date.from(OffsetDateTime.parse(OnboardingManagement.reviewAt(probationEndsOn)).toInstant()));
		}
		else if (probationEndsOn != null && this.tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(EmployeeOnboarding.TASK_REVIEW_PROBATION)
			.count() == 0) {
			this.runtime.createProcessInstanceModification(instance.getId())
				.startBeforeActivity(EmployeeOnboarding.GATEWAY_TO_PROBATION_TIMER)
				.execute();
		}
	}

}
