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
 * (before the BPMN's own listeners run).
 */
final class BusinessTaskParseListener extends AbstractBpmnParseListener {

	private final TaskListener listener;

	BusinessTaskParseListener(Supplier<BusinessTasks> tasks) {
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
		}
	}

}
