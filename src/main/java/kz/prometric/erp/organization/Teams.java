package kz.prometric.erp.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Teams extends JpaRepository<Team, UUID> {

	Optional<Team> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	/** The team, locked until the end of the transaction (membership changes, delete). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Team t where t.id = :id and t.workspaceId = :workspaceId")
	Optional<Team> lockByIdAndWorkspaceId(UUID id, UUID workspaceId);

	Page<Team> findByWorkspaceId(UUID workspaceId, Pageable pageable);

	Optional<Team> findByWorkspaceIdAndCode(UUID workspaceId, String code);

	boolean existsByWorkspaceIdAndCode(UUID workspaceId, String code);

	List<Team> findByWorkspaceIdIn(Collection<UUID> workspaceIds);

}
