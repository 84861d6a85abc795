package kz.prometric.erp.analytics;

import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.document.DocumentTargets;
import kz.prometric.erp.document.ObjectType;

import org.springframework.stereotype.Component;

/**
 * Tells the document module whether a report export exists in a workspace: an export's
 * file is a document attached to it (object type {@code report}).
 */
@Component
class ReportDocumentTargets implements DocumentTargets {

	private final ExportJobs jobs;

	ReportDocumentTargets(ExportJobs jobs) {
		this.jobs = jobs;
	}

	@Override
	public Set<ObjectType> types() {
		return Set.of(ObjectType.REPORT);
	}

	@Override
	public boolean exists(ObjectType type, UUID workspaceId, UUID objectId) {
		return type == ObjectType.REPORT && this.jobs.exists(workspaceId, objectId);
	}

}
