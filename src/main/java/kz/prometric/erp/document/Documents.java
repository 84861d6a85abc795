package kz.prometric.erp.document;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Documents extends JpaRepository<Document, UUID> {

	@Query("select d from Document d where d.id = :id and d.workspaceId = :workspaceId and d.deletedAt is null")
	Optional<Document> findLive(UUID id, UUID workspaceId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select d from Document d where d.id = :id and d.workspaceId = :workspaceId and d.deletedAt is null")
	Optional<Document> lockLive(UUID id, UUID workspaceId);

	Optional<Document> findByWorkspaceIdAndSourceKey(UUID workspaceId, String sourceKey);

	Page<Document> findByWorkspaceIdAndDeletedAtIsNull(UUID workspaceId, Pageable pageable);

	Page<Document> findByWorkspaceIdAndObjectTypeAndDeletedAtIsNull(UUID workspaceId, String objectType,
			Pageable pageable);

	Page<Document> findByWorkspaceIdAndObjectTypeAndObjectIdAndDeletedAtIsNull(UUID workspaceId, String objectType,
			UUID objectId, Pageable pageable);

}
