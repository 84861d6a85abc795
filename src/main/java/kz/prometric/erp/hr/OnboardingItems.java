package kz.prometric.erp.hr;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OnboardingItems extends JpaRepository<OnboardingItem, UUID> {

	List<OnboardingItem> findByEmployeeIdOrderByDueOnAscCodeAsc(UUID employeeId);

	Optional<OnboardingItem> findByEmployeeIdAndCode(UUID employeeId, String code);

}
