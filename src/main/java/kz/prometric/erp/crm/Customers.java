package kz.prometric.erp.crm;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Customers extends JpaRepository<Customer, UUID> {

	Optional<Customer> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	boolean existsByWorkspaceIdAndTaxId(UUID workspaceId, String taxId);

	boolean existsByWorkspaceIdAndTaxIdAndIdNot(UUID workspaceId, String taxId, UUID id);

	/**
	 * {@code search} is a lower-case LIKE pattern with {@code \} as escape character, or
	 * {@code null}.
	 */
	@Query("select c from Customer c where c.workspaceId = :workspaceId " + "and (:type is null or c.type = :type) "
			+ "and (:search is null or fold(c.name) like :search escape '\\' "
			+ "or fold(c.email) like :search escape '\\' or c.taxId like :search escape '\\')")
	Page<Customer> search(UUID workspaceId, CustomerType type, String search, Pageable pageable);

}
