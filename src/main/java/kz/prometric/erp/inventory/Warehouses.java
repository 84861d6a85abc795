package kz.prometric.erp.inventory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Warehouses extends JpaRepository<Warehouse, UUID> {

	Optional<Warehouse> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	boolean existsByIdAndWorkspaceId(UUID id, UUID workspaceId);

	boolean existsByWorkspaceIdAndCodeIgnoreCase(UUID workspaceId, String code);

	boolean existsByWorkspaceIdAndCodeIgnoreCaseAndIdNot(UUID workspaceId, String code, UUID id);

	Page<Warehouse> findByWorkspaceId(UUID workspaceId, Pageable pageable);

	/**
	 * The workspace's warehouses whose code, name or address matches {@code search}, a
	 * lower-case LIKE pattern with {@code \} as escape character, or all when it is
	 * {@code null}. Lower case is taken with ICU's root collation, so Cyrillic (Russian
	 * and Kazakh letters) matches whatever case it was typed in, also on a database
	 * created with the C locale, where {@code lower()} and {@code ILIKE} fold ASCII only.
	 * Native SQL: sort by column names.
	 */
	@Query(value = """
			select * from inv_warehouse w where w.workspace_id = :workspaceId
			and (cast(:search as text) is null
			     or lower(w.code collate "und-x-icu") like cast(:search as text) escape '\\'
			     or lower(w.name collate "und-x-icu") like cast(:search as text) escape '\\'
			     or lower(w.address collate "und-x-icu") like cast(:search as text) escape '\\')
			""", countQuery = """
			select count(*) from inv_warehouse w where w.workspace_id = :workspaceId
			and (cast(:search as text) is null
			     or lower(w.code collate "und-x-icu") like cast(:search as text) escape '\\'
			     or lower(w.name collate "und-x-icu") like cast(:search as text) escape '\\'
			     or lower(w.address collate "und-x-icu") like cast(:search as text) escape '\\')
			""", nativeQuery = true)
	Page<Warehouse> search(UUID workspaceId, String search, Pageable pageable);

}
