package kz.prometric.erp.document;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.document.process.DocumentApproval;
import kz.prometric.erp.workflow.ProcessContract;
import kz.prometric.erp.workflow.ProcessSubject;
import kz.prometric.erp.workflow.ProcessSubjects;
import kz.prometric.erp.workflow.TaskSetting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What the workflow module needs to know of the document-approval process: its contract
 * (a workspace's own version must keep the form fields the listener reads) and its
 * subject (a document, business key = the document id) with the read-only values the
 * approval form shows.
 */
@Configuration(proxyBeanMethods = false)
class DocumentProcesses {

	@Bean
	ProcessContract documentApprovalContract() {
		return new ProcessContract(DocumentApproval.KEY, Set.of(), Set.of(),
				Set.of(DocumentApproval.VAR_DECISION, DocumentApproval.VAR_COMMENT));
	}

	@Bean
	ProcessSubjects documentSubjects(@Lazy DocumentManagement documents) {
		return new DocumentSubjects(documents);
	}

	static class DocumentSubjects implements ProcessSubjects {

		static final String KIND = "DOCUMENT";

		private final DocumentManagement documents;

		DocumentSubjects(DocumentManagement documents) {
			this.documents = documents;
		}

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public Set<String> processKeys() {
			return Set.of(DocumentApproval.KEY);
		}

		@Override
		public Map<String, ProcessSubject> describe(UUID workspaceId, Collection<String> businessKeys) {
			List<UUID> ids = businessKeys.stream().map(DocumentSubjects::id).filter(id -> id != null).toList();
			Map<String, ProcessSubject> subjects = new LinkedHashMap<>();
			this.documents.approvalTitles(workspaceId, ids)
				.forEach((key, title) -> subjects.put(key, new ProcessSubject(KIND, UUID.fromString(key), key, title)));
			return subjects;
		}

		@Override
		public Optional<String> businessKeyOf(UUID workspaceId, UUID objectId) {
			return this.documents.approvalTitles(workspaceId, List.of(objectId)).keySet().stream().findFirst();
		}

		@Override
		public TaskSetting taskSetting(UUID workspaceId, String businessKey, String taskDefinitionKey) {
			UUID id = id(businessKey);
			if (id == null) {
				return TaskSetting.NONE;
			}
			return new TaskSetting(null, false, this.documents.approvalForm(workspaceId, id));
		}

		private static UUID id(String key) {
			try {
				return UUID.fromString(key);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

}
