package kz.prometric.erp.hr;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.hr.HrManagement.NewEmployee;
import kz.prometric.erp.hr.process.EmployeeOnboarding;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives employee onboardings in tests: hires through the façade, runs the first step,
 * finds an item's task and completes it as a person (the engine authentication set, so
 * the form guard and tenant checks apply as in Tasklist).
 */
record OnboardingFixture(HrManagement hr, RuntimeService runtime, TaskService tasks, ManagementService management,
		IdentityService identity) {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	static LocalDate today() {
		return LocalDate.now(ALMATY);
	}

	static String email(String name) {
		return name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.kz";
	}

	EmployeeView hire(TestData.User owner, TestData.Org org, String name, String email, String position,
			ContractType contract, LocalDate start, Integer probationMonths, UUID managerId) {
		return this.hr.addEmployee(org.id(), owner.id(), new NewEmployee(name, email, null, position, null, managerId,
				contract, start, null, probationMonths, null));
	}

	ProcessInstance instance(TestData.Org org, UUID employeeId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(EmployeeOnboarding.PROCESS_KEY)
			.processInstanceBusinessKey(employeeId.toString())
			.tenantIdIn(org.workspaceId().toString())
			.singleResult();
	}

	/** Runs the asynchronous first step ("Start onboarding"). */
	void begin(ProcessInstance instance) {
		Job job = this.management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(EmployeeOnboarding.TASK_START_ONBOARDING)
			.singleResult();
		this.management.executeJob(job.getId());
	}

	List<Task> itemTasks(ProcessInstance instance) {
		return this.tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(EmployeeOnboarding.TASK_COMPLETE_ITEM)
			.list();
	}

	Task itemTask(ProcessInstance instance, String code) {
		List<Task> found = new ArrayList<>();
		for (Task task : itemTasks(instance)) {
			if (code.equals(this.tasks.getVariable(task.getId(), EmployeeOnboarding.VAR_ITEM_CODE))) {
				found.add(task);
			}
		}
		assertThat(found).as("open task of item " + code).hasSize(1);
		return found.get(0);
	}

	Job overdueTimer(ProcessInstance instance, String code) {
		List<Job> found = new ArrayList<>();
		for (Job job : this.management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(EmployeeOnboarding.BOUNDARY_ITEM_OVERDUE)
			.list()) {
			if (code.equals(this.runtime.getVariable(job.getExecutionId(), EmployeeOnboarding.VAR_ITEM_CODE))) {
				found.add(job);
			}
		}
		assertThat(found).as("reminder timer of item " + code).hasSize(1);
		return found.get(0);
	}

	/**
	 * Completes the task as the user, a member of the workspace with {@code role} (and of
	 * the engine groups {@code more}, e.g. a team's).
	 */
	void completeAs(TestData.User user, TestData.Org org, String role, Task task, Map<String, Object> variables,
			String... more) {
		String ws = org.workspaceId().toString();
		List<String> groups = new ArrayList<>();
		for (String r : List.of("owner", "admin", "manager", "member")) {
			if (groups.size() > 0 || r.equals(role)) {
				groups.add(ws + ":" + r);
			}
		}
		groups.addAll(List.of(more));
		this.identity.setAuthentication(user.email(), groups, List.of(ws));
		try {
			this.tasks.complete(task.getId(), variables);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/** Completes every open item task offered to a group as the owner: done. */
	void completeAllItems(TestData.User owner, TestData.Org org, ProcessInstance instance) {
		for (Task task : itemTasks(instance)) {
			if (task.getAssignee() == null) {
				completeAs(owner, org, "owner", task, Map.of(EmployeeOnboarding.VAR_ITEM_OUTCOME, "done"));
			}
		}
	}

}
