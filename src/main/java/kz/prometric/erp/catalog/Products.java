package kz.prometric.erp.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Products extends JpaRepository<Product, UUID> {

	Optional<Product> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	List<Product> findByWorkspaceIdAndIdIn(UUID workspaceId, Collection<UUID> ids);

	boolean existsByWorkspaceIdAndCodeIgnoreCase(UUID workspaceId, String code);

	boolean existsByWorkspaceIdAndCodeIgnoreCaseAndIdNot(UUID workspaceId, String code, UUID id);

	/**
	 * {@code search} is a lower-case LIKE pattern with {@code \} as escape character, or
	 * {@code null}.
	 */
	@Query("select p from Product p where p.workspaceId = :workspaceId "
			+ "and (:status is null or p.status = :status) and (:category is null or p.category = :category) "
			+ "and (:search is null or fold(p.code) like :search escape '\\' "
			+ "or fold(p.name) like :search escape '\\')")
	Page<Product> search(UUID workspaceId, ProductStatus status, ProductCategory category, String search,
			Pageable pageable);

	/**
	 * Every bill-of-materials edge of the workspace: pairs of product id and component
	 * id.
	 */
	@Query("select p.id, c.componentId from Product p join p.components c where p.workspaceId = :workspaceId")
	List<Object[]> bomEdges(UUID workspaceId);

	/**
	 * Every bill-of-materials line of the workspace: product id, component id and
	 * quantity, in the order the lines are listed.
	 */
	@Query("select p.id, c.componentId, c.quantity from Product p join p.components c "
			+ "where p.workspaceId = :workspaceId order by p.id, index(c)")
	List<Object[]> bomLines(UUID workspaceId);

}
