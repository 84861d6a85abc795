package kz.prometric.erp.shared;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A repository of rows that belong to workspaces, where a row of another workspace is as
 * good as missing.
 */
@NoRepositoryBean
public interface WorkspaceRepository<T extends WorkspaceOwned> extends JpaRepository<T, UUID> {

	/**
	 * The row with this id if it belongs to the workspace; empty when there is none or it
	 * is another workspace's. Read by id through the persistence context, so a row the
	 * current transaction has already loaded or written costs no statement and no flush
	 * (a process's task listeners and delegates read the deal, order or invoice the same
	 * request has just saved).
	 */
	default Optional<T> findByIdAndWorkspaceId(UUID id, UUID workspaceId) {
		return findById(id).filter(row -> row.workspaceId().equals(workspaceId));
	}

}
