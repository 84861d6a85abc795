package kz.prometric.erp.document;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentVersions extends JpaRepository<DocumentVersion, UUID> {

	List<DocumentVersion> findByDocumentIdOrderByVersion(UUID documentId);

	List<DocumentVersion> findByDocumentIdInOrderByDocumentIdAscVersionAsc(Collection<UUID> documentIds);

	Optional<DocumentVersion> findByDocumentIdAndVersion(UUID documentId, int version);

}
