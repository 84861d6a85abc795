package kz.prometric.erp.document;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentAudits extends JpaRepository<DocumentAudit, UUID> {

	List<DocumentAudit> findByDocumentIdOrderByOccurredAtAscIdAsc(UUID documentId);

}
