package kz.prometric.erp.hr;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Employees extends JpaRepository<Employee, UUID> {

	Optional<Employee> findByIdAndOrganizationId(UUID id, UUID organizationId);

	boolean existsByOrganizationIdAndEmail(UUID organizationId, String email);

	boolean existsByOrganizationIdAndIin(UUID organizationId, String iin);

	boolean existsByDepartmentId(UUID departmentId);

	@Query("select e from Employee e where e.organizationId = :organizationId "
			+ "and (:departmentId is null or e.departmentId = :departmentId) "
			+ "and (:managerId is null or e.managerId = :managerId) " + "and (:status is null or e.status = :status) "
			+ "and (:contractType is null or e.contractType = :contractType) "
			+ "and (:search is null or fold(e.name) like :search escape '\\' or e.email like :search escape '\\' "
			+ "or e.iin like :search escape '\\')")
	Page<Employee> search(UUID organizationId, UUID departmentId, UUID managerId, EmployeeStatus status,
			ContractType contractType, String search, Pageable pageable);

}
