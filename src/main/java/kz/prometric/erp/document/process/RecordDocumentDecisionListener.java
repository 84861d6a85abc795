package kz.prometric.erp.document.process;

import kz.prometric.erp.document.DocumentManagement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * On completing "Approve document": records the decision on the document bound to the
 * instance — approved or rejected, who (the engine's authenticated user completing the
 * task, never a variable; refused unless that member holds the approver role the table
 * chose, so the task stays open), when and the comment — and tells the process from the
 * document whether it is approved.
 */
@Component
class RecordDocumentDecisionListener implements TaskListener {

	private final DocumentManagement documents;

	RecordDocumentDecisionListener(DocumentManagement documents) {
		this.documents = documents;
	}

	@Override
	public void notify(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		Object decision = task.getVariable(DocumentApproval.VAR_DECISION);
		Object comment = task.getVariable(DocumentApproval.VAR_COMMENT);
		boolean approved = this.documents.decide(DocumentApproval.instance(task.getExecution()),
				(current != null) ? current.getUserId() : null, (decision != null) ? decision.toString() : null,
				(comment != null) ? comment.toString() : null);
		task.getExecution().setVariable(DocumentApproval.VAR_DOCUMENT_APPROVED, approved);
	}

}
