package kz.prometric.erp.crm;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DealChangeRecords extends JpaRepository<DealChangeRecord, UUID> {

	Page<DealChangeRecord> findByDealIdAndWorkspaceId(UUID dealId, UUID workspaceId, Pageable pageable);

}
