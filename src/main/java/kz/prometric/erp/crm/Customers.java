package kz.prometric.erp.crm;

import java.util.Optional;
import java.util.UUID;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
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
	String MATCHING = "from Customer c where c.workspaceId = :workspaceId and (:type is null or c.type = :type) "
			+ "and (:search is null or fold(c.name) like :search escape '\\' "
			+ "or fold(c.email) like :search escape '\\' or c.taxId like :search escape '\\')";

	@Query("select c " + MATCHING)
	Slice<Customer> search(UUID workspaceId, CustomerType type, String search, Pageable pageable);

	/** The ids of the list's rows, at most {@code limit} of them (a capped count). */
	@Query("select c.id " + MATCHING)
	List<UUID> matching(UUID workspaceId, CustomerType type, String search, Limit limit);

}
