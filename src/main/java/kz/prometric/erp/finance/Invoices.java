package kz.prometric.erp.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import kz.prometric.erp.shared.WorkspaceRepository;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends WorkspaceRepository<Invoice> {

	Optional<Invoice> findByWorkspaceIdAndOrderIdAndKind(UUID workspaceId, UUID orderId, InvoiceKind kind);

	/** The credit notes of an invoice, oldest first. */
	@Query("select i from Invoice i where i.originalInvoiceId = :invoiceId and i.workspaceId = :workspaceId "
			+ "and i.kind = kz.prometric.erp.finance.InvoiceKind.CREDIT_NOTE order by i.createdAt, i.number")
	List<Invoice> creditNotesOf(UUID invoiceId, UUID workspaceId);

	/** The invoice row locked until the transaction ends (payments, credit notes). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invoice i where i.id = :id and i.workspaceId = :workspaceId")
	Optional<Invoice> lockByIdAndWorkspaceId(UUID id, UUID workspaceId);

	/** Invoices (not credit notes) still open after their due date. */
	@Query("select i from Invoice i where i.workspaceId = :workspaceId "
			+ "and i.kind = kz.prometric.erp.finance.InvoiceKind.INVOICE and i.dueDate < :today "
			+ "and i.status not in (kz.prometric.erp.finance.InvoiceStatus.PAID, kz.prometric.erp.finance.InvoiceStatus.CREDITED)")
	Page<Invoice> overdue(UUID workspaceId, LocalDate today, Pageable pageable);

}
