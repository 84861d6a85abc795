package kz.prometric.erp.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends JpaRepository<Invoice, UUID> {

	Optional<Invoice> findByWorkspaceIdAndOrderIdAndKind(UUID workspaceId, UUID orderId, InvoiceKind kind);

	Optional<Invoice> findByIdAndWorkspaceId(UUID id, UUID workspaceId);

	/** The credit notes of an invoice, oldest first. */
	@Query("select i from Invoice i where i.originalInvoiceId = :invoiceId and i.workspaceId = :workspaceId "
			+ "and i.kind = kz.prometric.erp.finance.InvoiceKind.CREDIT_NOTE order by i.createdAt, i.number")
	List<Invoice> creditNotesOf(UUID invoiceId, UUID workspaceId);

	/** The invoice row locked until the transaction ends (payments, credit notes). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invoice i where i.id = :id and i.workspaceId = :workspaceId")
	Optional<Invoice> lockByIdAndWorkspaceId(UUID id, UUID workspaceId);

	/**
	 * {@code search}: a {@link kz.prometric.erp.shared.SearchText} pattern on the number
	 * or the buyer's name; {@code overdue}: only open invoices due before {@code today}.
	 */
	String MATCHING = "from Invoice i where i.workspaceId = :workspaceId "
			+ "and (:kind is null or i.kind = :kind) and (:status is null or i.status = :status) "
			+ "and (:orderId is null or i.orderId = :orderId) and (:customerId is null or i.customerId = :customerId) "
			+ "and (:search is null or fold(i.number) like :search escape '\\' "
			+ "or fold(i.buyerName) like :search escape '\\') "
			+ "and (:overdue = false or (i.kind = kz.prometric.erp.finance.InvoiceKind.INVOICE "
			+ "and i.status in (kz.prometric.erp.finance.InvoiceStatus.ISSUED, "
			+ "kz.prometric.erp.finance.InvoiceStatus.PARTIALLY_PAID, "
			+ "kz.prometric.erp.finance.InvoiceStatus.PARTIALLY_CREDITED) and i.dueDate < :today))";

	/** One page of the list, without a count. */
	@Query("select i " + MATCHING)
	Slice<Invoice> search(UUID workspaceId, InvoiceKind kind, InvoiceStatus status, UUID orderId, UUID customerId,
			String search, boolean overdue, java.time.LocalDate today, Pageable pageable);

	/** The ids of the list's rows, at most {@code limit} of them (a capped count). */
	@Query("select i.id " + MATCHING)
	List<UUID> matching(UUID workspaceId, InvoiceKind kind, InvoiceStatus status, UUID orderId, UUID customerId,
			String search, boolean overdue, java.time.LocalDate today, Limit limit);

	/** Invoices (not credit notes) still open after their due date. */
	@Query("select i from Invoice i where i.workspaceId = :workspaceId "
			+ "and i.kind = kz.prometric.erp.finance.InvoiceKind.INVOICE and i.dueDate < :today "
			+ "and i.status not in (kz.prometric.erp.finance.InvoiceStatus.PAID, kz.prometric.erp.finance.InvoiceStatus.CREDITED)")
	Page<Invoice> overdue(UUID workspaceId, LocalDate today, Pageable pageable);

}
