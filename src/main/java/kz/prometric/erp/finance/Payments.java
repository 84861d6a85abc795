package kz.prometric.erp.finance;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Payments extends JpaRepository<Payment, UUID> {

	List<Payment> findByInvoiceIdAndWorkspaceIdOrderByCreatedAt(UUID invoiceId, UUID workspaceId);

}
