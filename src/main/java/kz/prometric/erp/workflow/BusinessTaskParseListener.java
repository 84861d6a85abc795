package kz.prometric.erp.workflow;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds {@link BusinessTasks}' create listener to every user task the engine parses
 * (before the BPMN's own listeners run), and {@link TaskNotices}' listeners: on create
 * after the BPMN's own (which may set the assignee or candidates), and on assignment.
 */
final class BusinessTaskParseListener extends AbstractBpmnParseListener {

	private final TaskListener listener;

	private final TaskListener noticeOnCreate;

	private final TaskListener noticeOnAssignment;

	BusinessTaskParseListener(Supplier<BusinessTasks> tasks, Supplier<TaskNotices> notices) {
		this.noticeOnCreate = task -> notices.get().created(task);
		this.noticeOnAssignment = task -> notices.get().assigned(task);
		// resolved at the first task: the modules' beans exist by then
		this.listener = new TaskListener() {

			private volatile TaskListener resolved;

			@Override
			public void notify(DelegateTask task) {
				TaskListener target = this.resolved;
				if (target == null) {
					target = tasks.get().listener();
					this.resolved = target;
				}
				target.notify(task);
			}

		};
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
			behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this.listener);
			// appended: runs after the BPMN's own listeners of the event
			behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, this.noticeOnCreate);
			behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this.noticeOnAssignment);
		}
	}

}
