package kz.prometric.erp.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes every user task of a business process readable where people meet it (Tasklist,
 * the task API, the ERP's pages), as the engine creates it:
 * <ul>
 * <li><b>name</b>: the step and its object, e.g. "Qualify deal · Flour supply · Almaty
 * Retail LLP": the step's name from the BPMN, then the title the owning module's
 * {@link ProcessSubjects} gives the object (the same title the task API shows as the
 * task's subject: one source);</li>
 * <li><b>due date</b>: the day the business names ({@link TaskSetting#dueOn()}), at 18:00
 * Asia/Almaty (the end of the working day); a step without one keeps what its BPMN
 * says;</li>
 * <li><b>priority</b> (Camunda's 0–100, 50 normal): {@value #NORMAL}, +{@value #OVERDUE}
 * when the due day has already passed as the task is created, else +{@value #DUE_SOON}
 * when it is due within {@value #SOON_DAYS} days, and +{@value #HIGH_VALUE} for a
 * high-value object (the module decides, e.g. a deal or order of 10 000 000 ₸ or more);
 * at most 100;</li>
 * <li><b>form values</b>: read-only values the form shows (customer, delivery address,
 * lines, what is short), as task-local variables.</li>
 * </ul>
 * Tasks of processes no module describes are left as they are. The engine calls
 * {@link #listener()} for every user task ({@link BusinessTaskParseListener}).
 */
@Component
class BusinessTasks {

	static final String SEPARATOR = " · ";

	static final int NORMAL = 50;

	static final int OVERDUE = 30;

	static final int DUE_SOON = 15;

	static final int SOON_DAYS = 3;

	static final int HIGH_VALUE = 20;

	static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Almaty");

	static final LocalTime DUE_TIME = LocalTime.of(18, 0);

	private final ObjectProvider<ProcessSubjects> subjects;

	private final Clock clock;

	private final ObjectProvider<TaskService> tasks;

	private volatile Map<String, ProcessSubjects> byProcess;

	BusinessTasks(ObjectProvider<ProcessSubjects> subjects, Clock clock, ObjectProvider<TaskService> tasks) {
		this.subjects = subjects;
		this.clock = clock;
		this.tasks = tasks;
	}

	/** The create listener the engine adds to every user task. */
	TaskListener listener() {
		return this::created;
	}

	/** The priority of a task due on {@code dueOn}, created {@code today}. */
	static int priority(LocalDate dueOn, LocalDate today, boolean highValue) {
		int priority = NORMAL;
		if (dueOn != null) {
			if (dueOn.isBefore(today)) {
				priority += OVERDUE;
			}
			else if (!dueOn.isAfter(today.plusDays(SOON_DAYS))) {
				priority += DUE_SOON;
			}
		}
		if (highValue) {
			priority += HIGH_VALUE;
		}
		return Math.min(100, priority);
	}

	/** When a task due on that day is due: 18:00 Asia/Almaty. */
	static Date dueAt(LocalDate day) {
		return Date.from(day.atTime(DUE_TIME).atZone(BUSINESS_ZONE).toInstant());
	}

	private void created(DelegateTask task) {
		String tenantId = task.getTenantId();
		if (tenantId == null || !(task.getExecution() instanceof ExecutionEntity execution)) {
			return;
		}
		String businessKey = execution.getProcessBusinessKey();
		String processKey = (execution.getProcessDefinition() != null) ? execution.getProcessDefinition().getKey()
				: null;
		ProcessSubjects kind = (processKey != null) ? byProcess().get(processKey) : null;
		UUID workspaceId = uuid(tenantId);
		if (kind == null || businessKey == null || workspaceId == null) {
			return;
		}
		ProcessSubject subject = kind.describe(workspaceId, List.of(businessKey)).get(businessKey);
		if (subject != null && subject.title() != null && task.getName() != null
				&& !task.getName().endsWith(SEPARATOR + subject.title())) {
			task.setName(task.getName() + SEPARATOR + subject.title());
		}
		TaskSetting setting = kind.taskSetting(workspaceId, businessKey, task.getTaskDefinitionKey());
		if (setting == null) {
			return;
		}
		if (setting.dueOn() != null) {
			task.setDueDate(dueAt(setting.dueOn()));
		}
		if (setting.dueOn() != null || setting.highValue()) {
			task.setPriority(
					priority(setting.dueOn(), LocalDate.now(this.clock.withZone(BUSINESS_ZONE)), setting.highValue()));
		}
		if (!setting.formValues().isEmpty()) {
			task.setVariablesLocal(setting.formValues());
		}
	}

	/**
	 * Applies the object's current due day and value to the open tasks of its processes
	 * (e.g. after a deal's expected close date or value changed). Names and form values
	 * stay as they were when each task was created.
	 */
	void reschedule(UUID workspaceId, ProcessSubjects kind, String businessKey) {
		LocalDate today = LocalDate.now(this.clock.withZone(BUSINESS_ZONE));
		for (Task task : this.tasks.getObject()
			.createTaskQuery()
			.tenantIdIn(workspaceId.toString())
			.processInstanceBusinessKey(businessKey)
			.processDefinitionKeyIn(kind.processKeys().toArray(String[]::new))
			.list()) {
			TaskSetting setting = kind.taskSetting(workspaceId, businessKey, task.getTaskDefinitionKey());
			if (setting == null || (setting.dueOn() == null && !setting.highValue() && task.getDueDate() == null)) {
				continue;
			}
			task.setDueDate((setting.dueOn() != null) ? dueAt(setting.dueOn()) : null);
			task.setPriority(priority(setting.dueOn(), today, setting.highValue()));
			this.tasks.getObject().saveTask(task);
		}
	}

	private Map<String, ProcessSubjects> byProcess() {
		Map<String, ProcessSubjects> known = this.byProcess;
		if (known == null) {
			known = new HashMap<>();
			for (ProcessSubjects kind : this.subjects.orderedStream().toList()) {
				for (String key : kind.processKeys()) {
					known.put(key, kind);
				}
			}
			this.byProcess = known;
		}
		return known;
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
