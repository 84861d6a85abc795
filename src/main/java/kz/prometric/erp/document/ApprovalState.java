package kz.prometric.erp.document;

/** Where a document's approval stands; a document never sent for approval has none. */
public enum ApprovalState {

	PENDING, APPROVED, REJECTED

}
