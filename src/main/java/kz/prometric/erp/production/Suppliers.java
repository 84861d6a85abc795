package kz.prometric.erp.production;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Suppliers extends JpaRepository<Supplier, UUID> {

	Optional<Supplier> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	boolean existsByWorkspaceIdAndBin(UUID workspaceId, String bin);

	boolean existsByWorkspaceIdAndBinAndIdNot(UUID workspaceId, String bin, UUID id);

	/** {@code search}: a lower-case LIKE pattern with {@code \} as escape, or null. */
	@Query("select s from Supplier s where s.workspaceId = :workspaceId "
			+ "and (:active is null or s.active = :active) "
			+ "and (:search is null or fold(s.name) like :search escape '\\' or s.bin like :search escape '\\')")
	Page<Supplier> search(UUID workspaceId, Boolean active, String search, Pageable pageable);

}
