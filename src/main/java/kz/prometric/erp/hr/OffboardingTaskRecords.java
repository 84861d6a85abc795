package kz.prometric.erp.hr;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OffboardingTaskRecords extends JpaRepository<OffboardingTaskRecord, UUID> {

	List<OffboardingTaskRecord> findByEmployeeId(UUID employeeId);

	boolean existsByEmployeeIdAndStep(UUID employeeId, OffboardingStep step);

}
